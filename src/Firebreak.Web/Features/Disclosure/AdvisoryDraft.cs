using System.Globalization;
using System.Text.Json.Nodes;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Disclosure.Editor;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// A first draft of an incident's advisory in Firebreak's advisory JSON, from what the incident and its project
/// already hold and nothing else: title, summary, CVE and GHSA identifiers, CWE ids with their catalogue names, CVSS
/// vectors (else the incident's severity), the project's package when it lists exactly one, with the affected range
/// the report gave (when it reads as one, e.g. "&lt; 1.4.2") and the versions of the recorded fix releases, the public
/// page as a reference, the CNA organisation id from the project's settings and the reporter's credit as they chose
/// it. It never holds a placeholder: what the incident does not know is left out, and the editor marks what is
/// still required before review (<see cref="AdvisoryReadiness"/>).
/// </summary>
internal static class AdvisoryDraft
{
    public static string For(Project project, Incident incident, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        var details = incident.Details;
        var year = incident.OpenedAt.Year.ToString(CultureInfo.InvariantCulture);
        var id = $"{project.Slug.ToUpperInvariant()}-{year}-{incident.Number:D4}";
        var summary = incident.Title.Length <= 200 ? incident.Title : incident.Title[..200];
        var description = incident.Summary.Trim();
        var range = Range(details.AffectedVersions);
        if (details.AffectedVersions is { } affected && range is null) description += $"\n\nAffected versions (as reported): {affected}";
        var publisher = new JsonObject
        {
            ["name"] = project.Name,
            ["namespace"] = project.RepositoryUrl ?? $"{baseUrl.TrimEnd('/')}/p/{project.Slug}",
            ["category"] = "vendor",
            ["vendor"] = project.Name,
            ["product"] = project.Name,
        };
        if (project.CveOrgId is { } org) publisher["cve_org_id"] = org.ToString("D");
        var draft = new JsonObject
        {
            ["id"] = id,
            ["aliases"] = new JsonArray([.. details.Identifiers.Select(Alias).OfType<string>().Distinct().Select(i => JsonValue.Create(i))]),
            ["summary"] = summary,
        };
        if (description.Length > 0) draft["description"] = description;
        draft["publisher"] = publisher;
        draft["affected"] = new JsonArray([.. Affected(project, incident, range)]);
        draft["cwes"] = new JsonArray([.. details.Cwes.Select(c => (JsonNode)Cwe(c))]);
        if (details.CvssV3 is { } v3) draft["cvss_v3"] = v3;
        if (details.CvssV4 is { } v4) draft["cvss_v4"] = v4;
        if (details.CvssV3 is null && details.CvssV4 is null) draft["severity"] = incident.Severity.ToWire();
        draft["references"] = new JsonArray(new JsonObject { ["type"] = "advisory", ["url"] = AdvisoryLinks.Public(baseUrl, project, id) });
        if (incident.Reporter is { } reporter)
        {
            var credit = AdvisoryCredit.FromReporter(reporter);
            draft["credits"] = new JsonArray(credit.IsAnonymous
                ? new JsonObject { ["type"] = "reporter", ["anonymous"] = true, ["consent"] = credit.Consent }
                : new JsonObject { ["type"] = "reporter", ["name"] = credit.Name, ["consent"] = credit.Consent });
        }
        return AdvisoryForm.Print(draft);
    }

    /// <summary>The project's only package, with what the incident knows of its versions; none when the project lists several (the maintainer picks) or nothing is known.</summary>
    private static IEnumerable<JsonNode> Affected(Project project, Incident incident, (string Introduced, string? Fixed, string? LastAffected)? range)
    {
        if (project.Packages.Count != 1) yield break;
        var released = incident.ReleasedVersions;
        var package = new JsonObject { ["purl"] = project.Packages[0] };
        var events = new JsonArray();
        if (range is { } r)
        {
            events.Add(new JsonObject { ["introduced"] = r.Introduced });
            if (r.Fixed is { } f) events.Add(new JsonObject { ["fixed"] = f });
            if (r.LastAffected is { } l) events.Add(new JsonObject { ["last_affected"] = l });
        }
        else if (released.Count > 0)
        {
            events.Add(new JsonObject { ["introduced"] = "0" });
            events.Add(new JsonObject { ["fixed"] = released[0] });
        }
        if (events.Count > 0) package["ranges"] = new JsonArray(new JsonObject { ["type"] = "ECOSYSTEM", ["events"] = events });
        if (released.Count > 0) package["patched"] = new JsonArray([.. released.Select(v => JsonValue.Create(v))]);
        if (events.Count > 0 || released.Count > 0) yield return package;
    }

    private static (string, string?, string?)? Range(string? affected)
    {
        if (string.IsNullOrWhiteSpace(affected)) return null;
        try
        {
            return VersionShorthand.Parse(affected);
        }
        catch (DomainException)
        {
            return null;
        }
    }

    private static string? Alias(string identifier) =>
        CveId.TryParse(identifier, out var cve) ? cve.Value : GhsaId.TryParse(identifier, out var ghsa) ? ghsa.Value : null;

    private static JsonObject Cwe(string id)
    {
        var cwe = new JsonObject { ["id"] = id };
        if (CweCatalog.NameOf(id) is { } name) cwe["name"] = name;
        return cwe;
    }
}
