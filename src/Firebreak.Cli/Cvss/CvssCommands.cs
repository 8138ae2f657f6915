using Firebreak.Domain.Common;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;
using Firebreak.Domain.Cvss;

namespace Firebreak.Cli.Cvss;

/// <summary>`firebreak cvss score [VECTOR…]` and `firebreak cvss explain VECTOR`, offline.</summary>
internal static class CvssCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("cvss", "Score and explain CVSS v3.0, v3.1 and v4.0 vectors (offline)");
        command.Subcommands.Add(Score(context));
        command.Subcommands.Add(Explain(context));
        return command;
    }

    private static Command Score(CliContext context)
    {
        var vectors = new Argument<string[]>("vectors") { Description = "Vectors; with none, one per line from standard input", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per line" };
        var strict = new Option<bool>("--strict") { Description = "Reject metrics out of the specification's order" };
        var command = new Command("score", "Score vectors: VECTOR<TAB>SCORES<TAB>SEVERITY per line (see docs/cvss.md)") { vectors, json, strict };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(vectors) ?? [];
            var lines = given.Length > 0 ? given : ReadLines(context.In);
            var asJson = parse.GetValue(json);
            var isStrict = parse.GetValue(strict);
            var invalid = false;
            var number = 0;
            foreach (var line in lines)
            {
                number++;
                if (given.Length == 0 && line.Length == 0) continue; // blank lines in a piped file
                var result = CvssScorer.Score(line, isStrict);
                if (!result.IsValid)
                {
                    invalid = true;
                    context.Error.WriteLine($"firebreak: input {number}: {result.Error}: {Truncate(line)}");
                    continue;
                }
                foreach (var warning in result.Warnings) context.Error.WriteLine($"firebreak: input {number}: warning: {warning}");
                context.Out.WriteLine(asJson ? ToJson(result) : ToLine(result));
            }
            context.Out.Flush();
            return invalid ? ExitCodes.InvalidInput : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Explain(CliContext context)
    {
        var vector = new Argument<string>("vector") { Description = "A CVSS vector" };
        var command = new Command("explain", "Show a vector's metrics in words") { vector };
        command.SetAction(parse =>
        {
            var result = CvssScorer.Score(parse.GetValue(vector));
            if (!result.IsValid)
            {
                context.Error.WriteLine($"firebreak: {result.Error}");
                return ExitCodes.InvalidInput;
            }
            var v = result.Vector!;
            context.Out.WriteLine($"{result.Canonical}");
            context.Out.WriteLine($"score {Format(result.Score)} ({result.Severity}{(result.Nomenclature is null ? "" : ", " + result.Nomenclature)})");
            for (var i = 0; i < v.Metrics.Count; i++)
            {
                if (v.ValueIndex(i) < 0) continue;
                var metric = v.Metrics[i];
                var value = metric.Values[v.ValueIndex(i)];
                context.Out.WriteLine($"  {metric.Group,-13} {metric.Abbreviation + ":" + value.Abbreviation,-10} {metric.Name}: {value.Name}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>v3.x: base, temporal, environmental (empty where undefined); v4.0: score and nomenclature.</summary>
    internal static string ToLine(CvssScoreResult r) => r.Version == CvssVersion.V40
        ? $"{r.Canonical}\t{Format(r.Score)}\t{r.Nomenclature}\t{r.Severity}"
        : $"{r.Canonical}\t{Format(r.BaseScore)}\t{Format(r.TemporalScore)}\t{Format(r.EnvironmentalScore)}\t{r.Severity}";

    private static string ToJson(CvssScoreResult r) => new JsonObject
    {
        ["vector"] = r.Canonical,
        ["version"] = r.Version switch { CvssVersion.V30 => "3.0", CvssVersion.V31 => "3.1", _ => "4.0" },
        ["score"] = r.Score,
        ["severity"] = r.Severity.ToString(),
        ["baseScore"] = r.BaseScore,
        ["temporalScore"] = r.TemporalScore,
        ["environmentalScore"] = r.EnvironmentalScore,
        ["nomenclature"] = r.Nomenclature,
        ["macroVector"] = r.MacroVector,
        ["warnings"] = new JsonArray([.. r.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]),
    }.ToJsonString();

    private static string Format(double? score) => score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";

    private static string Truncate(string line) => Excerpt.Clip(line, 120);

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line) yield return line.TrimEnd('\r');
    }
}
