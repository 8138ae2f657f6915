using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Web;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// The machine-readable public surfaces, deliberately anonymous, each built from <see cref="PublicAdvisories"/> so an
/// embargoed advisory is in none of them until its instant:
/// <c>/p/{slug}/osv/all.json</c> (every public advisory with a CVE or GHSA id as OSV, an array),
/// <c>/p/{slug}/osv/{id}.json</c>, and a CSAF 2.0 directory-based distribution (section 7.1.11):
/// <c>/p/{slug}/.well-known/csaf/provider-metadata.json</c> (role csaf_publisher), <c>/p/{slug}/csaf/index.txt</c>,
/// <c>/p/{slug}/csaf/changes.csv</c> and <c>/p/{slug}/csaf/{year}/{file}.json</c>.
/// </summary>
internal static class PublicAdvisoryEndpoints
{
    /// <summary>Route names, so pages link to these files through the router (asp-route) like to pages.</summary>
    public const string OsvFeed = "osv-feed", OsvRecord = "osv-record", CsafProviderMetadata = "csaf-provider-metadata", CsafDocument = "csaf-document";

    public static WebApplication MapPublicAdvisories(this WebApplication app)
    {
        var pub = app.MapGroup("/p/{slug}").AllowAnonymous().ExcludeFromDescription();
        pub.MapGet("/osv/all.json", async (string slug, PublicAdvisories advisories, CancellationToken ct) =>
        {
            if (await advisories.ProjectAsync(slug, ct) is not { } project) return Results.NotFound();
            var database = await advisories.OsvDatabaseAsync(project.Id, ct);
            var records = new JsonArray();
            foreach (var advisory in (await advisories.ListAsync(project.Id, ct)).Where(a => OsvId(a.Advisory, database) is not null))
            {
                records.Add(JsonNode.Parse(OsvExporter.Write(advisory.Advisory, database)));
            }
            return Results.Text(records.ToJsonString(), "application/json; charset=utf-8");
        }).WithName(OsvFeed);
        pub.MapGet("/osv/{file}", async (string slug, string file, PublicAdvisories advisories, CancellationToken ct) =>
        {
            if (!file.EndsWith(".json", StringComparison.Ordinal) || await advisories.ProjectAsync(slug, ct) is not { } project) return Results.NotFound();
            var id = file[..^5];
            var database = await advisories.OsvDatabaseAsync(project.Id, ct);
            var match = (await advisories.ListAsync(project.Id, ct)).FirstOrDefault(a => OsvId(a.Advisory, database) is { } osvId
                && (string.Equals(osvId, id, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Advisory.Id, id, StringComparison.OrdinalIgnoreCase)
                    || a.Advisory.Aliases.Contains(id, StringComparer.OrdinalIgnoreCase)));
            return match is null ? Results.NotFound() : Results.Text(OsvExporter.Write(match.Advisory, database), "application/json; charset=utf-8");
        }).WithName(OsvRecord);
        pub.MapGet("/.well-known/csaf/provider-metadata.json", async (string slug, HttpRequest request, PublicAdvisories advisories, PublicUrl urls, CancellationToken ct) =>
        {
            if (await advisories.ProjectAsync(slug, ct) is not { } project) return Results.NotFound();
            var list = await advisories.ListAsync(project.Id, ct);
            return Results.Text(ProviderMetadata(project, list, urls.For(request)), "application/json; charset=utf-8");
        }).WithName(CsafProviderMetadata);
        pub.MapGet("/csaf/index.txt", async (string slug, PublicAdvisories advisories, CancellationToken ct) =>
        {
            if (await advisories.ProjectAsync(slug, ct) is not { } project) return Results.NotFound();
            var lines = (await advisories.ListAsync(project.Id, ct)).Select(a => CsafPath(a.Advisory) + "\n");
            return Results.Text(string.Concat(lines), "text/plain; charset=utf-8");
        });
        pub.MapGet("/csaf/changes.csv", async (string slug, PublicAdvisories advisories, CancellationToken ct) =>
        {
            if (await advisories.ProjectAsync(slug, ct) is not { } project) return Results.NotFound();
            var text = new StringBuilder();
            foreach (var a in (await advisories.ListAsync(project.Id, ct)).OrderByDescending(a => a.Advisory.LastModified))
            {
                text.Append('"').Append(CsafPath(a.Advisory)).Append("\",\"").Append(Timestamp(a.Advisory.LastModified!.Value)).Append("\"\n");
            }
            return Results.Text(text.ToString(), "text/csv; charset=utf-8");
        });
        pub.MapGet("/csaf/{year:int}/{file}", async (string slug, int year, string file, PublicAdvisories advisories, CancellationToken ct) =>
        {
            if (await advisories.ProjectAsync(slug, ct) is not { } project) return Results.NotFound();
            var path = $"{year.ToString(CultureInfo.InvariantCulture)}/{file}";
            var match = (await advisories.ListAsync(project.Id, ct)).FirstOrDefault(a => CsafPath(a.Advisory) == path);
            return match is null ? Results.NotFound() : Results.Text(AdvisoryExport.Write(match.Advisory, ExportFormat.Csaf), "application/json; charset=utf-8");
        }).WithName(CsafDocument);
        return app;
    }

    /// <summary>
    /// An advisory's OSV id, or null when it has none: OSV ids come from a home database, the project's own when it has set a
    /// prefix (every advisory then has one), else GitHub's or CVE's (only advisories with a GHSA or CVE id are in the feed).
    /// </summary>
    public static string? OsvId(SecurityAdvisory advisory, OsvDatabasePrefix? database)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return database is not null ? database.IdFor(advisory) : advisory.GhsaId ?? advisory.CveId;
    }

    /// <summary>CSAF 2.0 section 5.1: the tracking id in lower case, every character outside <c>+ - a-z 0-9</c> as '_', then .json, under the initial release's year.</summary>
    public static string CsafPath(SecurityAdvisory advisory) => $"{CsafYear(advisory).ToString(CultureInfo.InvariantCulture)}/{CsafFile(advisory)}";

    /// <summary>The year folder of <see cref="CsafPath"/>.</summary>
    public static int CsafYear(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return advisory.Timeline.Published!.Value.UtcDateTime.Year;
    }

    /// <summary>The file name of <see cref="CsafPath"/>.</summary>
    public static string CsafFile(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return new string([.. advisory.Id.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '-' ? c : '_')]) + ".json";
    }

    /// <summary>The provider metadata of a csaf_publisher (CSAF 2.0 section 7.1.7 and 7.2.1) for the project's directory.</summary>
    public static string ProviderMetadata(Project project, IReadOnlyList<PublicAdvisory> advisories, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(advisories);
        var root = $"{baseUrl.TrimEnd('/')}/p/{project.Slug}";
        var publisher = advisories.Select(a => a.Advisory.Publisher).FirstOrDefault();
        var lastUpdated = advisories.Select(a => a.Advisory.LastModified).Max() ?? project.CreatedAt.AsInstant();
        var metadata = new JsonObject
        {
            ["canonical_url"] = $"{root}/.well-known/csaf/provider-metadata.json",
            ["distributions"] = new JsonArray(new JsonObject { ["directory_url"] = $"{root}/csaf/" }),
            ["last_updated"] = Timestamp(lastUpdated),
            ["list_on_CSAF_aggregators"] = true,
            ["metadata_version"] = "2.0",
            ["mirror_on_CSAF_aggregators"] = true,
            ["publisher"] = new JsonObject
            {
                ["category"] = (publisher?.Category ?? PublisherCategory.Vendor).ToString().ToLowerInvariant(),
                ["name"] = publisher?.Name ?? project.Name,
                ["namespace"] = publisher?.Namespace ?? project.RepositoryUrl ?? root,
            },
            ["role"] = "csaf_publisher",
        };
        return metadata.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
