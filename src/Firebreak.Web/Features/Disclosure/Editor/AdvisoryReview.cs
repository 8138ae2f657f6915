using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Disclosure.Editor;

/// <summary>
/// What a reviewer reads beside the rendered advisory: the word-level difference of the advisory (as Markdown, the
/// GitHub body every reader sees) against the version last reviewed, if any was, and of its description against the
/// report as it came in (the incident's summary, which a reported incident opens with).
/// </summary>
internal sealed record AdvisoryReview(int? ReviewedVersion, IReadOnlyList<DiffPiece>? SinceReview, IReadOnlyList<DiffPiece> AgainstReport)
{
    public static AdvisoryReview For(AdvisoryPublication row, Incident incident, Project project, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(incident);
        var now = Text(row.Document);
        IReadOnlyList<DiffPiece>? since = row.ReviewedDocument is { } reviewed ? WordDiff.Compare(Text(reviewed), now) : null;
        var description = Description(row.Document);
        return new AdvisoryReview(row.ReviewedVersion, since, WordDiff.Compare(incident.Summary, description));
    }

    // The advisory as the Markdown body: what changed in a way readers see, without JSON punctuation.
    private static string Text(string document)
    {
        try
        {
            return AdvisoryMarkdown.Write(FirebreakAdvisoryJson.Read(document));
        }
        catch (DomainException e)
        {
            return $"(unreadable: {e.Message})";
        }
    }

    private static string Description(string document)
    {
        try
        {
            return FirebreakAdvisoryJson.Read(document).Description ?? "";
        }
        catch (DomainException)
        {
            return "";
        }
    }
}
