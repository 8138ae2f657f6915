using System.Text;
using Firebreak.Domain.Common;
using Firebreak.Domain.Risks;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// <c>/api/v1/projects/{slug}/risks</c>: the project's STRIDE risk register. Reading needs ProjectRead; entering,
/// changing and importing need ProjectWork.
/// </summary>
internal static class RisksApi
{
    /// <summary>The largest register document an import takes.</summary>
    public const int MaxImportBytes = 2 * 1024 * 1024;

    public static WebApplicationBuilder AddRisks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RiskRecords>();
        builder.Services.AddScoped<RiskRecord>();
        builder.Services.AddScoped<RecordRisk>();
        builder.Services.AddScoped<ChangeRisk>();
        builder.Services.AddScoped<RecordRiskFromIncident>();
        builder.Services.AddScoped<ImportRegister>();
        builder.Services.AddScoped<RiskQueries>();
        builder.Services.AddScoped<RiskSummaries>();
        builder.Services.AddScoped<RegisterExport>();
        return builder;
    }

    public static RouteGroupBuilder MapRisksApi(this RouteGroupBuilder api)
    {
        var risks = api.MapGroup("/projects/{slug}/risks").WithTags("Risks");
        risks.MapGet("", List).RequirePermission(Permission.ProjectRead)
            .WithSummary("The register's entries (filters: status, category, reviewDue) with its counts");
        risks.MapPost("", Create).RequirePermission(Permission.ProjectWork).WithSummary("Enter a risk; it takes the project's next RISK number");
        risks.MapGet("/export", Export).RequirePermission(Permission.ProjectRead)
            .WithSummary("RISK-REGISTER.md (format=markdown, the default) or the JSON register (format=json)");
        risks.MapPost("/import", Import).RequirePermission(Permission.ProjectWork)
            .WithSummary("Import RISK-REGISTER.md (text/markdown) or the JSON register (application/json); all or nothing; dryRun=true only reports");
        risks.MapGet("/{riskId}", Get).RequirePermission(Permission.ProjectRead).WithSummary("One entry, with its history");
        risks.MapPatch("/{riskId}", Patch).RequirePermission(Permission.ProjectWork)
            .WithSummary("Change an entry: the fields given replace its own; incidents (numbers) replaces its links");
        return api;
    }

    /// <summary>The register's counts and one page of its entries; <c>Total</c> entries pass the filter, <c>Next</c> is the next page's address or null.</summary>
    internal sealed record RegisterListJson(RegisterSummary Counts, IReadOnlyList<RiskJson> Risks, int Total, int Page, int Limit, string? Next);

    internal sealed record RiskHistoryJson(DateTime At, string Actor, string Detail);

    internal sealed record RiskDetailJson(RiskJson Risk, IReadOnlyList<RiskHistoryJson> History);

    private static async Task<Results<Ok<RegisterListJson>, NotFound>> List(string slug, string? status, string? category, bool? reviewDue, string? page, string? limit,
        ProjectAccess access, RiskQueries queries, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Parse(page, limit, errors);
        if (errors.Count > 0) throw new DomainException(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var filter = new RiskFilter(status is null ? null : WireNames.Parse<RiskStatus>(status, "status"),
            category is null ? null : WireNames.Parse<StrideCategory>(category, "category"), reviewDue ?? false);
        var now = time.GetUtcNow();
        var entries = await queries.PageAsync(project, filter, paging, ct);
        PageLinks.Write(http, entries);
        return TypedResults.Ok(new RegisterListJson(await queries.CountsAsync(project.Id, ct), [.. entries.Items.Select(e => RiskJson.From(e, now))],
            entries.Total, entries.Page, entries.Limit, PageLinks.Next(http, entries)));
    }

    private static async Task<Results<Created<RiskJson>, NotFound>> Create(string slug, RiskInput input, ProjectAccess access, RecordRisk record,
        TimeProvider time, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var entry = await record.ExecuteAsync(project, input, ct);
        return TypedResults.Created($"/api/v1/projects/{project.Slug}/risks/{entry.Code}", RiskJson.From(entry, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<RiskDetailJson>, NotFound>> Get(string slug, string riskId, ProjectAccess access, RiskQueries queries,
        TimeProvider time, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project || await queries.FindAsync(project, riskId, ct) is not { } entry) return TypedResults.NotFound();
        var history = await queries.HistoryAsync(entry, ct);
        return TypedResults.Ok(new RiskDetailJson(RiskJson.From(entry, time.GetUtcNow()), [.. history.Select(h => new RiskHistoryJson(h.At, h.Actor, h.Detail))]));
    }

    private static async Task<Results<Ok<RiskJson>, NotFound>> Patch(string slug, string riskId, RiskInput input, ProjectAccess access, RiskQueries queries,
        ChangeRisk change, TimeProvider time, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project || await queries.FindAsync(project, riskId, ct) is not { } entry) return TypedResults.NotFound();
        await change.ExecuteAsync(project, entry, input, null, ct);
        return TypedResults.Ok(RiskJson.From(entry, time.GetUtcNow()));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Export(string slug, string? format, ProjectAccess access, RegisterExport export, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var file = await export.ExecuteAsync(project, format, ct);
        return TypedResults.File(file.Content, file.ContentType, file.Name);
    }

    private static async Task<Results<Ok<ImportOutcome>, NotFound, ProblemHttpResult>> Import(string slug, bool? dryRun, HttpRequest request,
        ProjectAccess access, ImportRegister import, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not ("text/markdown" or "text/plain" or "application/json"))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send RISK-REGISTER.md as text/markdown, or the JSON register as application/json.");
        if (await ReadAsync(request, ct) is not { } content)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
                detail: $"A register document is at most {MaxImportBytes / 1024 / 1024} MiB.");
        if (content.Length == 0 && type == "application/json")
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty body", detail: "The JSON register is missing.");
        var result = await import.ExecuteAsync(project, content, type == "application/json", dryRun ?? false, ct);
        if (result.Outcome is { } outcome) return TypedResults.Ok(outcome);
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The register cannot be imported",
            detail: $"{result.Errors[0]}{(result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more)" : "")}",
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
    }

    /// <summary>The body as UTF-8 text, or null when it is longer than <see cref="MaxImportBytes"/>; malformed UTF-8 is refused by the decoder.</summary>
    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxImportBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException e)
        {
            throw new DomainException($"body: not UTF-8 text (byte {e.Index + 1} is invalid).");
        }
    }
}
