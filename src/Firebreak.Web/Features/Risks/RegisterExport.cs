using System.Text;
using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;

namespace Firebreak.Web.Features.Risks;

/// <summary>A register export: its bytes, media type and file name.</summary>
internal sealed record RegisterFile(byte[] Content, string ContentType, string Name);

/// <summary>
/// Exports a project's register as <c>RISK-REGISTER.md</c> (canonical: the same register always gives the same bytes)
/// or as the JSON register (<see cref="RegisterJson"/>, with every entry's computed and recorded fields).
/// </summary>
internal sealed class RegisterExport(RiskQueries queries, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<RegisterFile> ExecuteAsync(Project project, string? format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var kind = (format ?? "markdown").Trim().ToLowerInvariant();
        if (kind is not ("markdown" or "md" or "json")) throw new DomainException($"format: '{Clip(format!)}' is not an export format; expected markdown or json.");
        var entries = await queries.AllAsync(project, ct);
        if (kind == "json")
        {
            var now = time.GetUtcNow();
            var document = new { format = RegisterJson.FormatName, version = 1, project = project.Slug, risks = entries.Select(e => RiskJson.From(e, now)) };
            return new(JsonSerializer.SerializeToUtf8Bytes(document, Json), "application/json", $"{project.Slug}-risk-register.json");
        }
        return new(Encoding.UTF8.GetBytes(RiskRegisterMarkdown.Write(entries.Select(RiskRow.Of))), "text/markdown; charset=utf-8", "RISK-REGISTER.md");
    }

    private static string Clip(string text) => Excerpt.Clip(text, 20);
}
