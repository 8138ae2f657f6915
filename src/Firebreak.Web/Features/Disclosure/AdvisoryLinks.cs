using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// Absolute links to a project's public advisory pages, for mail and exports made outside a request. Part of the
/// feature's public face: the reporter's portal (Intake) links to the advisory that credits the reporter.
/// </summary>
[PublicFace]
internal static class AdvisoryLinks
{
    /// <summary>The public page of one advisory: <c>{base}/p/{slug}/advisories/{id}</c>.</summary>
    public static string Public(string baseUrl, Project project, string advisoryId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(project);
        return $"{baseUrl.TrimEnd('/')}/p/{Uri.EscapeDataString(project.Slug)}/advisories/{Uri.EscapeDataString(advisoryId)}";
    }
}
