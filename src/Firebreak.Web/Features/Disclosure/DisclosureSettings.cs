using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Web.Infrastructure.Templates;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// A project's disclosure messages: the private notice to downstream and technical contacts (sent before the public
/// date, on request) and the public announcement (sent when the advisory goes public), each a Liquid subject and
/// body, and the three recipient lists the runbooks name: private contacts, public lists, repository owners.
/// </summary>
internal sealed class DisclosureSettings
{
    public const int MaxSubject = 300;
    public const int MaxBody = 20_000;
    public const int MaxRecipients = 200;

    private DisclosureSettings() { }

    public Guid ProjectId { get; private set; }

    public string PrivateNoticeSubject { get; private set; } = DisclosureTemplates.PrivateNoticeSubject;

    public string PrivateNoticeBody { get; private set; } = DisclosureTemplates.PrivateNoticeBody;

    public string AnnouncementSubject { get; private set; } = DisclosureTemplates.AnnouncementSubject;

    public string AnnouncementBody { get; private set; } = DisclosureTemplates.AnnouncementBody;

    /// <summary>The advisory body (the <c>ghsa-md</c> export), Liquid.</summary>
    public string AdvisoryBody { get; private set; } = DisclosureTemplates.AdvisoryBody;

    /// <summary>The CHANGELOG security line (the <c>changelog</c> export), Liquid.</summary>
    public string ChangelogLine { get; private set; } = DisclosureTemplates.ChangelogLine;

    /// <summary>Downstream and technical contacts who hear before the public (one address per entry).</summary>
    public List<string> PrivateRecipients { get; private set; } = [];

    /// <summary>Lists that get the public announcement.</summary>
    public List<string> PublicRecipients { get; private set; } = [];

    /// <summary>Owners of the code repositories who get the disclosure notice with the private list.</summary>
    public List<string> RepositoryOwners { get; private set; } = [];

    /// <summary>
    /// The project's own OSV database prefix (<see cref="OsvDatabasePrefix"/>), or null: with one, OSV exports and the public
    /// feed carry every advisory under the project's own ids; without, only those with a GHSA or CVE id.
    /// </summary>
    public string? OsvPrefix { get; private set; }

    /// <summary>The OSV database the project publishes as, if it has set one.</summary>
    public OsvDatabasePrefix? OsvDatabase => OsvPrefix is null ? null : OsvDatabasePrefix.Parse(OsvPrefix);

    public static DisclosureSettings DefaultsFor(Guid projectId) => new() { ProjectId = projectId };

    /// <summary>
    /// Replaces every field after checking each; a <see cref="DomainException"/> names the first bad one. A null advisory
    /// body, CHANGELOG line or OSV prefix keeps the current one (they are optional in the API); an empty OSV prefix removes it.
    /// </summary>
    public void Update(string? privateSubject, string? privateBody, string? announcementSubject, string? announcementBody,
        IEnumerable<string>? privateRecipients, IEnumerable<string>? publicRecipients, IEnumerable<string>? repositoryOwners,
        string? advisoryBody = null, string? changelogLine = null, string? osvPrefix = null)
    {
        var prefix = osvPrefix is null ? OsvPrefix : osvPrefix.Trim().Length == 0 ? null : OsvDatabasePrefix.Parse(osvPrefix).Value;
        var body = advisoryBody is null ? AdvisoryBody : Template(advisoryBody, "advisoryBody", MaxBody);
        var line = changelogLine is null ? ChangelogLine : Template(changelogLine, "changelogLine", MaxSubject);
        var ps = Template(privateSubject, "privateNoticeSubject", MaxSubject);
        var pb = Template(privateBody, "privateNoticeBody", MaxBody);
        var @as = Template(announcementSubject, "announcementSubject", MaxSubject);
        var ab = Template(announcementBody, "announcementBody", MaxBody);
        var pr = Addresses(privateRecipients, "privateRecipients");
        var pu = Addresses(publicRecipients, "publicRecipients");
        var ro = Addresses(repositoryOwners, "repositoryOwners");
        (PrivateNoticeSubject, PrivateNoticeBody, AnnouncementSubject, AnnouncementBody) = (ps, pb, @as, ab);
        (PrivateRecipients, PublicRecipients, RepositoryOwners) = (pr, pu, ro);
        (AdvisoryBody, ChangelogLine, OsvPrefix) = (body, line, prefix);
    }

    private static string Template(string? source, string field, int max)
    {
        source = (source ?? "").Trim();
        if (source.Length == 0) throw new DomainException($"{field}: required.");
        if (source.Length > max) throw new DomainException($"{field}: longer than {max:N0} characters.");
        return LiquidTemplates.Check(source) is { } error ? throw new DomainException($"{field}: {error}") : source;
    }

    private static List<string> Addresses(IEnumerable<string>? entries, string field)
    {
        var list = (entries ?? []).Select(e => (e ?? "").Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count > MaxRecipients) throw new DomainException($"{field}: more than {MaxRecipients} addresses.");
        foreach (var (address, i) in list.Select((a, i) => (a, i)))
        {
            if (!Firebreak.Web.Infrastructure.Mail.MailAddresses.IsPlain(address))
                throw new DomainException($"{field}[{i}]: '{address}' is not one plain e-mail address.");
        }
        return list;
    }
}
