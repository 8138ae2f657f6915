using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// A first draft of an incident's advisory in Firebreak's advisory JSON, from what the incident already holds: title,
/// summary, CVSS vectors, CWE ids, CVE and GHSA identifiers, the user-safety class and the reporter's credit as they
/// chose it. The affected packages are left for the maintainer (the incident's free-text versions are quoted in the
/// description's last line); the draft is valid as it stands once one package is filled in.
/// </summary>
internal static class AdvisoryDraft
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string For(Project project, Incident incident, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        var details = incident.Details;
        var year = incident.OpenedAt.Year.ToString(CultureInfo.InvariantCulture);
        var summary = incident.Title.Length <= 200 ? incident.Title : incident.Title[..200];
        var description = incident.Summary;
        if (details.AffectedVersions is { } affected) description += $"\n\nAffected versions (from the incident): {affected}";
        if (details.PatchedVersions is { } patched) description += $"\n\nPatched versions (from the incident): {patched}";
        var draft = new JsonObject
        {
            ["id"] = $"{project.Slug.ToUpperInvariant()}-{year}-{incident.Number:D4}",
            ["aliases"] = new JsonArray([.. details.Identifiers.Where(i => CveId.TryParse(i, out _) || GhsaId.TryParse(i, out _)).Select(i => JsonValue.Create(i))]),
            ["summary"] = summary,
            ["description"] = description.Trim(),
            ["publisher"] = new JsonObject
            {
                ["name"] = project.Name,
                ["namespace"] = project.RepositoryUrl ?? $"{baseUrl.TrimEnd('/')}/p/{project.Slug}",
                ["category"] = "vendor",
                ["vendor"] = project.Name,
                ["product"] = project.Name,
            },
            ["affected"] = new JsonArray(new JsonObject
            {
                ["ecosystem"] = "npm",
                ["name"] = "FILL-IN-THE-PACKAGE",
                ["ranges"] = new JsonArray(new JsonObject
                {
                    ["type"] = "SEMVER",
                    ["events"] = new JsonArray(new JsonObject { ["introduced"] = "0" }, new JsonObject { ["fixed"] = "FILL-IN-THE-FIXED-VERSION" }),
                }),
            }),
            ["cwes"] = new JsonArray([.. details.Cwes.Select(c => (JsonNode)new JsonObject { ["id"] = c })]),
        };
        if (details.CvssV3 is { } v3) draft["cvss_v3"] = v3;
        if (details.CvssV4 is { } v4) draft["cvss_v4"] = v4;
        if (incident.UserSafetyClass is { } safety) draft["user_safety_impact"] = $"User-safety class {safety}: say how this affects vulnerable users.";
        if (incident.Reporter is { } reporter)
        {
            var credit = AdvisoryCredit.FromReporter(reporter);
            draft["credits"] = new JsonArray(credit.IsAnonymous
                ? new JsonObject { ["type"] = "reporter", ["anonymous"] = true, ["consent"] = credit.Consent }
                : new JsonObject { ["type"] = "reporter", ["name"] = credit.Name, ["consent"] = credit.Consent });
        }
        return draft.ToJsonString(Indented);
    }
}
