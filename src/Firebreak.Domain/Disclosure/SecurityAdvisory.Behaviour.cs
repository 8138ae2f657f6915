using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Disclosure;

/// <summary>What an advisory derives from its fields, and the moves that change it.</summary>
public sealed partial record SecurityAdvisory
{
    /// <summary>The CVE id among the aliases, if assigned.</summary>
    public string? CveId => Aliases.FirstOrDefault(AdvisoryIdentifiers.IsCve);

    /// <summary>The GHSA id among the aliases, if any.</summary>
    public string? GhsaId => Aliases.FirstOrDefault(AdvisoryIdentifiers.IsGhsa);

    /// <summary>The given severity, else v4.0's, else v3.x's; null when neither given nor scored.</summary>
    public CvssSeverity? Severity => GivenSeverity ?? Cvss4?.Severity ?? Cvss3?.Severity;

    /// <summary>The credits that may be published: those with consent.</summary>
    public IEnumerable<AdvisoryCredit> PublicCredits => Credits.Where(c => c.Consent);

    /// <summary>
    /// The reporter line for the advisory body and the CHANGELOG: the consenting reporters' names, "an anonymous
    /// reporter" for an anonymous one, and "not credited" when nobody agreed to be.
    /// </summary>
    public string ReporterCredit
    {
        get
        {
            var reporters = PublicCredits.Where(c => c.Type == CreditType.Reporter).ToList();
            if (reporters.Count == 0) return "not credited";
            var names = reporters.Where(c => !c.IsAnonymous).Select(c => c.Name!).ToList();
            if (reporters.Any(c => c.IsAnonymous)) names.Add("an anonymous reporter");
            return string.Join(", ", names);
        }
    }

    /// <summary>The current version: the last revision's number, or "1" before any revision is recorded.</summary>
    public string CurrentVersion => Revisions.Count > 0 ? Revisions[^1].Number : "1";

    /// <summary>When the advisory last changed: the timeline's date, else the last revision's.</summary>
    public DateTimeOffset? LastModified => Timeline.Modified ?? (Revisions.Count > 0 ? Revisions[^1].Date : (DateTimeOffset?)null) ?? Timeline.LastModified;

    /// <summary>Publishes the advisory: sets the publication date and records revision 1 if the history is empty.</summary>
    public SecurityAdvisory Publish(DateTimeOffset at)
    {
        if (Timeline.Published is not null) throw new DomainException("timeline.published: the advisory is already published.");
        return this with
        {
            Timeline = Timeline with { Published = at, Modified = at },
            Revisions = Revisions.Count > 0 ? Revisions : [new AdvisoryRevision("1", at, "Initial public release.")],
        };
    }

    /// <summary>Records a revision after the last one and moves the modification date to it.</summary>
    public SecurityAdvisory Revise(string number, DateTimeOffset at, string summary) =>
        this with { Revisions = [.. Revisions, new AdvisoryRevision(number, at, summary)], Timeline = Timeline with { Modified = at } };

    /// <summary>Adds the CVE id once assigned; an advisory holds at most one.</summary>
    public SecurityAdvisory AssignCve(string cveId)
    {
        if (!AdvisoryIdentifiers.IsCve(cveId)) throw new DomainException($"aliases: '{cveId}' is not a CVE id (CVE-YYYY-NNNN).");
        if (CveId is { } existing && existing != cveId) throw new DomainException($"aliases: the advisory already has {existing}.");
        return this with { Aliases = [.. Aliases, cveId] };
    }

    private static IReadOnlyList<AdvisoryRevision> CheckRevisions(IReadOnlyList<AdvisoryRevision>? revisions)
    {
        var list = AdvisoryText.List(revisions, "revisions", (r, path) => r is null
            ? throw new DomainException($"{path}: required.")
            : r with { Number = AdvisoryIdentifiers.RevisionNumber(r.Number, path + ".number"), Summary = AdvisoryText.Required(r.Summary, path + ".summary", 1000) });
        for (var i = 1; i < list.Count; i++)
        {
            if (list.Take(i).Any(r => r.Number == list[i].Number)) throw new DomainException($"revisions[{i}].number: '{list[i].Number}' is repeated.");
            if (list[i].Date < list[i - 1].Date) throw new DomainException($"revisions[{i}].date: earlier than the revision before it.");
        }
        return list;
    }
}
