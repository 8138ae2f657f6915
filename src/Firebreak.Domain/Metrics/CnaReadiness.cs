using System.Globalization;
using Firebreak.Domain.Incidents;

namespace Firebreak.Domain.Metrics;

/// <summary>One of the runbook's triggers for applying to become a CVE Numbering Authority, measured.</summary>
/// <param name="Id">Stable key: cves-per-quarter, disclosure-record, contact-channels.</param>
/// <param name="Trigger">The trigger as the runbook words it.</param>
/// <param name="Met">True when the record meets it.</param>
/// <param name="Reason">Why it is met or, exactly, what is missing.</param>
public sealed record CnaTrigger(string Id, string Trigger, bool Met, string Reason);

/// <summary>The CVEs first recorded in one quarter.</summary>
public sealed record CnaQuarter(Quarter Quarter, IReadOnlyList<string> Cves);

/// <summary>One CVE's disclosure: reported (incident opened), published (disclosure clock stopped), and the whole days between.</summary>
public sealed record CnaDisclosure(string CveId, int IncidentNumber, DateTimeOffset ReportedAt, DateTimeOffset PublishedAt, double Days)
{
    /// <summary>True when published within <see cref="CnaReadiness.DisclosureDays"/> days of the report.</summary>
    public bool WithinTarget => Days <= CnaReadiness.DisclosureDays;
}

/// <summary>A way to reach the project's security contact, and whether it is in place.</summary>
public sealed record CnaChannel(string Name, bool Present, string Detail);

/// <summary>What Firebreak knows about the project's contact surfaces, gathered by the server.</summary>
/// <param name="SecurityTxtContacts">The contacts the project's security.txt lists (its own security contacts).</param>
/// <param name="ReportFormOpen">True while the project's public report form accepts reports.</param>
/// <param name="PublishedAdvisories">How many advisories are public on the project's advisories page.</param>
public sealed record CnaContactFacts(IReadOnlyList<string> SecurityTxtContacts, bool ReportFormOpen, int PublishedAdvisories);

/// <summary>The CNA-readiness report: the three triggers, their evidence, and the application's fields.</summary>
public sealed record CnaReadiness(DateTimeOffset Now, bool Ready, IReadOnlyList<CnaTrigger> Triggers, IReadOnlyList<CnaQuarter> Quarters,
    IReadOnlyList<CnaDisclosure> Disclosures, IReadOnlyList<CnaChannel> Channels)
{
    /// <summary>The runbook's first trigger.</summary>
    public const string QuarterTrigger = "≥1 CVE assigned per quarter sustained for 4 consecutive quarters";

    /// <summary>The runbook's second trigger.</summary>
    public const string DisclosureTrigger = "Demonstrated 90-day-or-better disclosure track record on at least 4 prior assigned CVEs";

    /// <summary>The runbook's third trigger.</summary>
    public const string ContactTrigger = "A documented security contact reachable via at least two independent channels";

    /// <summary>Consecutive quarters with a CVE needed.</summary>
    public const int QuartersNeeded = 4;

    /// <summary>CVEs disclosed within the target needed.</summary>
    public const int DisclosuresNeeded = 4;

    /// <summary>The disclosure target in days, from report to publication.</summary>
    public const int DisclosureDays = 90;

    /// <summary>Measures the triggers on a project's incidents (all of its history) and contact facts at <paramref name="now"/>.</summary>
    public static CnaReadiness Measure(IEnumerable<MetricsIncident> incidents, CnaContactFacts contact, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(contact);
        var list = incidents.ToList();
        var quarters = QuartersOf(list, now);
        var disclosures = DisclosuresOf(list);
        var channels = ChannelsOf(contact);
        CnaTrigger[] triggers = [QuarterCheck(quarters, now), DisclosureCheck(disclosures), ContactCheck(channels)];
        return new CnaReadiness(now, triggers.All(t => t.Met), triggers, quarters, disclosures, channels);
    }

    private static List<CnaQuarter> QuartersOf(List<MetricsIncident> incidents, DateTimeOffset now)
    {
        var cves = incidents.SelectMany(i => i.Cves).Where(c => c.RecordedAt <= now)
            .GroupBy(c => c.CveId, StringComparer.OrdinalIgnoreCase).Select(g => g.MinBy(c => c.RecordedAt)!).ToList();
        if (cves.Count == 0) return [];
        var list = new List<CnaQuarter>();
        var current = Quarter.Of(now);
        for (var q = Quarter.Of(cves.Min(c => c.RecordedAt)); q <= current; q = q.Next)
        {
            var quarter = q;
            list.Add(new CnaQuarter(q, [.. cves.Where(c => Quarter.Of(c.RecordedAt) == quarter).OrderBy(c => c.RecordedAt).Select(c => c.CveId)]));
        }
        return list;
    }

    private static CnaTrigger QuarterCheck(List<CnaQuarter> quarters, DateTimeOffset now)
    {
        if (quarters.Count == 0)
            return new("cves-per-quarter", QuarterTrigger, false, "Not yet: no CVE has been recorded on any incident; 4 consecutive quarters with at least one CVE each are needed.");
        // The longest run of consecutive quarters each with a CVE; the latest such run when several are as long.
        (int Length, Quarter From, Quarter To) best = (0, default, default);
        var run = 0;
        Quarter start = default;
        foreach (var q in quarters)
        {
            if (q.Cves.Count == 0) { run = 0; continue; }
            if (run == 0) start = q.Quarter;
            run++;
            if (run >= best.Length) best = (run, start, q.Quarter);
        }
        var span = best.Length == 1 ? $"{best.From}" : $"{best.From} to {best.To}";
        if (best.Length >= QuartersNeeded)
            return new("cves-per-quarter", QuarterTrigger, true, $"Met: {best.Length} consecutive quarters with at least one CVE ({span}).");
        var gaps = quarters.Where(q => q.Cves.Count == 0 && q.Quarter < Quarter.Of(now)).Select(q => q.Quarter.ToString()).ToList();
        var reason = $"Not yet: the longest run of consecutive quarters with at least one CVE is {best.Length} ({span}); {QuartersNeeded} are needed.";
        if (gaps.Count > 0) reason += $" Quarters without a CVE: {string.Join(", ", gaps)}.";
        return new("cves-per-quarter", QuarterTrigger, false, reason);
    }

    private static List<CnaDisclosure> DisclosuresOf(List<MetricsIncident> incidents)
    {
        var list = new List<CnaDisclosure>();
        foreach (var incident in incidents)
        {
            if (incident.Clocks.FirstOrDefault(c => c.Kind == ClockKind.Disclosure)?.StoppedAt is not { } published) continue;
            foreach (var cve in incident.Cves)
            {
                list.Add(new CnaDisclosure(cve.CveId, incident.Number, incident.OpenedAt, published, Math.Round((published - incident.OpenedAt).TotalDays, 1)));
            }
        }
        return [.. list.OrderBy(d => d.PublishedAt).ThenBy(d => d.CveId, StringComparer.Ordinal)];
    }

    private static CnaTrigger DisclosureCheck(List<CnaDisclosure> disclosures)
    {
        var within = disclosures.Count(d => d.WithinTarget);
        var late = disclosures.Where(d => !d.WithinTarget).Select(d => $"{d.CveId} ({d.Days.ToString("0.#", CultureInfo.InvariantCulture)} days)").ToList();
        var lateText = late.Count == 0 ? "" : $" Published later than {DisclosureDays} days: {string.Join(", ", late)}.";
        if (within >= DisclosuresNeeded)
            return new("disclosure-record", DisclosureTrigger, true, $"Met: {within} CVEs published within {DisclosureDays} days of the report.{lateText}");
        var reason = disclosures.Count == 0
            ? $"Not yet: no CVE has been published (an incident with a CVE whose advisory went public); {DisclosuresNeeded} published within {DisclosureDays} days of the report are needed."
            : $"Not yet: {within} of {disclosures.Count} published CVEs went public within {DisclosureDays} days of the report; {DisclosuresNeeded} are needed.{lateText}";
        return new("disclosure-record", DisclosureTrigger, false, reason);
    }

    private static List<CnaChannel> ChannelsOf(CnaContactFacts contact) =>
    [
        new("security.txt contact", contact.SecurityTxtContacts.Count > 0, contact.SecurityTxtContacts.Count > 0
            ? $"security.txt lists {string.Join(", ", contact.SecurityTxtContacts)}"
            : "The project has no security contact, so its security.txt has no Contact of its own."),
        new("report form", contact.ReportFormOpen, contact.ReportFormOpen ? "The public report form accepts reports." : "The public report form is closed."),
        new("advisories page", contact.PublishedAdvisories > 0, contact.PublishedAdvisories > 0
            ? $"{contact.PublishedAdvisories} advisor{(contact.PublishedAdvisories == 1 ? "y is" : "ies are")} public on the advisories page."
            : "No advisory is public on the advisories page yet."),
    ];

    private static CnaTrigger ContactCheck(List<CnaChannel> channels)
    {
        var txt = channels[0].Present;
        var web = channels.Skip(1).Where(c => c.Present).Select(c => c.Name).ToList();
        if (txt && web.Count > 0)
            return new("contact-channels", ContactTrigger, true, $"Met: the security.txt contact and the {string.Join(" and the ", web)}.");
        var missing = new List<string>();
        if (!txt) missing.Add("a security contact for security.txt (set one in the project's settings)");
        if (web.Count == 0) missing.Add("an open report form or a public advisory on the advisories page");
        var have = txt ? "the security.txt contact" : web.Count > 0 ? $"the {string.Join(" and the ", web)}" : "none";
        return new("contact-channels", ContactTrigger, false, $"Not yet: channels in place: {have}; missing {string.Join(" and ", missing)}.");
    }
}

/// <summary>The fields of the CNA application, prepared from what Firebreak knows, ready to copy.</summary>
public sealed record CnaApplication(string OrganisationName, string ShortName, string ScopeStatement, string DisclosurePolicyUrl,
    string SecurityContact, string DisclosureVenue)
{
    /// <summary>Prepares the fields from the project's name, slug, packages and contacts and the server's public address.</summary>
    public static CnaApplication Prepare(string name, string slug, IReadOnlyList<string> packages, IReadOnlyList<string> contacts, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(contacts);
        var scope = $"Vulnerabilities in software developed by the {name} project";
        scope += packages.Count > 0 ? $", including the packages it publishes ({string.Join(", ", packages)}). Third-party software is out of scope." : ". Third-party software is out of scope.";
        var contact = contacts.FirstOrDefault(c => c.Contains('@', StringComparison.Ordinal) && !c.Contains("://", StringComparison.Ordinal))
            ?? (contacts.Count > 0 ? contacts[0] : $"{baseUrl}/p/{slug}/report");
        return new CnaApplication(name, slug, scope, $"{baseUrl}/p/{slug}/policy", contact, $"{baseUrl}/p/{slug}/advisories");
    }
}
