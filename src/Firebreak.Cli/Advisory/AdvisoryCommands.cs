using System.CommandLine;
using Firebreak.Cli.Common;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;

namespace Firebreak.Cli.Advisory;

/// <summary>
/// `firebreak advisory validate FILE` (OSV, CVE 5, CSAF 2.0 or OpenVEX, checked offline) and
/// `firebreak advisory export FILE --format …` (Firebreak's advisory JSON to a standard format).
/// </summary>
internal static class AdvisoryCommands
{
    private const long MaxBytes = 16 * 1024 * 1024;

    private static readonly string[] Formats = [.. AdvisoryExport.Formats];

    public static Command Create(CliContext context)
    {
        var command = new Command("advisory", "Advisory documents: validate standard formats, export Firebreak advisories");
        command.Subcommands.Add(Validate(context));
        command.Subcommands.Add(Export(context));
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "An OSV, CVE 5, CSAF 2.0 or OpenVEX JSON file" };
        var validate = new Command("validate", "Detect the format and check it offline; exit 1 when invalid") { file };
        validate.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (ReadText(context, path) is not { } text) return ExitCodes.InvalidInput;
            var (format, issues) = AdvisoryDocumentValidator.Validate(text);
            foreach (var issue in issues) context.Error.WriteLine($"{path}: {issue}");
            var errors = issues.Count(i => i.IsError);
            if (errors > 0) return ExitCodes.InvalidInput;
            var warnings = issues.Count - errors;
            context.Out.WriteLine($"{path}: ok ({format.ToWire()}{(warnings > 0 ? $", {warnings} warning{(warnings == 1 ? "" : "s")}" : "")})");
            return ExitCodes.Ok;
        });
        return validate;
    }

    private static Command Export(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "An advisory in Firebreak's JSON form (docs/advisories.md), or an incident id on the server (after `firebreak login`)" };
        var format = new Option<string>("--format") { Description = "osv, cve5, cve5-container, csaf, csaf-vex, openvex, ghsa-md or changelog", Required = true };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var osvPrefix = new Option<string?>("--osv-prefix") { Description = "OSV: the project's own OSV database prefix (e.g. FIREBREAK): the record is FIREBREAK-<entry>, GHSA and CVE ids become aliases" };
        var osvId = new Option<string?>("--osv-id") { Description = "OSV: the record's id (PREFIX-entry, e.g. FIREBREAK-2026-0001), instead of one derived from the advisory's id" };
        var export = new Command("export", "Write a Firebreak advisory in a standard format") { file, format, output, osvPrefix, osvId };
        export.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path) && Guid.TryParse(path, out var incident))
            {
                var (exit, document, _) = await new Server.ServerClient(context).SendForTextAsync(HttpMethod.Get,
                    $"api/v1/incidents/{incident}/advisory?format={Uri.EscapeDataString(parse.GetValue(format)!)}", null, ct);
                if (exit != ExitCodes.Ok) return exit;
                if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file, document, ct);
                else await context.Out.WriteAsync(document);
                return ExitCodes.Ok;
            }
            if (ReadText(context, path) is not { } text) return ExitCodes.InvalidInput;
            string result;
            try
            {
                var advisory = FirebreakAdvisoryJson.Read(text);
                var chosen = AdvisoryExport.Parse(parse.GetValue(format), "--format");
                var (prefix, id) = (parse.GetValue(osvPrefix), parse.GetValue(osvId));
                result = chosen == ExportFormat.Osv && (prefix ?? id) is not null
                    ? OsvExporter.Write(advisory, prefix is null ? null : OsvDatabasePrefix.Parse(prefix), id)
                    : AdvisoryExport.Write(advisory, chosen);
            }
            catch (DomainException e)
            {
                context.Error.WriteLine($"{path}: {e.Message}");
                return ExitCodes.InvalidInput;
            }
            if (parse.GetValue(output) is { } target) File.WriteAllText(target, result);
            else context.Out.Write(result);
            return ExitCodes.Ok;
        });
        return export;
    }

    private static string? ReadText(CliContext context, string path)
    {
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                context.Error.WriteLine($"{path}: larger than 16 MiB.");
                return null;
            }
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"{path}: cannot read the file: {e.Message}");
            return null;
        }
    }
}
