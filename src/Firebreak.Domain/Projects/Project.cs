using System.Text.RegularExpressions;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Projects;

/// <summary>An open-source project whose incidents Firebreak runs, with its security policy.</summary>
public sealed partial class Project
{
    private List<string> _securityContacts = [];
    private List<string> _packages = [];

    /// <summary>At most this many packages per project.</summary>
    public const int MaxPackages = 100;

    private Project()
    {
        Slug = "";
        Name = "";
        Policy = SecurityPolicy.Default;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>URL-safe short name, unique: lowercase letters, digits and hyphens.</summary>
    public string Slug { get; private set; }

    /// <summary>Display name.</summary>
    public string Name { get; private set; }

    /// <summary>Source repository, an absolute http(s) URL.</summary>
    public string? RepositoryUrl { get; private set; }

    /// <summary>Where security reports go (e-mail addresses or URLs).</summary>
    public IReadOnlyList<string> SecurityContacts => _securityContacts;

    /// <summary>
    /// The packages the project publishes, as versionless package URLs (<c>pkg:npm/%40acme/core</c>): what an advisory's
    /// affected packages are picked from.
    /// </summary>
    public IReadOnlyList<string> Packages => _packages;

    /// <summary>The CVE Numbering Authority's organisation UUID the project publishes CVE records under, if it is (or uses) a CNA.</summary>
    public Guid? CveOrgId { get; private set; }

    /// <summary>The project's security policy.</summary>
    public SecurityPolicy Policy { get; private set; }

    /// <summary>Who assigns the project's CVE ids and publishes its records (none until chosen).</summary>
    public CveAuthority CveAuthority { get; private set; }

    /// <summary>When the project was registered (UTC).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>Registers a project with the default policy.</summary>
    public static Project Create(string slug, string name, string? repositoryUrl, IEnumerable<string> securityContacts, DateTimeOffset now)
    {
        var project = new Project { Id = Guid.CreateVersion7(now), Slug = CheckSlug(slug), CreatedAt = now.UtcDateTime };
        project.Update(name, repositoryUrl, securityContacts);
        return project;
    }

    /// <summary>Edits the name, repository and contacts.</summary>
    public void Update(string name, string? repositoryUrl, IEnumerable<string> securityContacts)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 120) throw new DomainException("A project name must be 1 to 120 characters.");
        repositoryUrl = string.IsNullOrWhiteSpace(repositoryUrl) ? null : repositoryUrl.Trim();
        if (repositoryUrl is not null && !IsHttpUrl(repositoryUrl))
            throw new DomainException($"The repository URL '{repositoryUrl}' is not an absolute http(s) URL.");
        var contacts = securityContacts.OfType<string>().Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        foreach (var contact in contacts)
        {
            if (contact.Length > 320 || !(IsHttpUrl(contact) || EmailPattern().IsMatch(contact)))
                throw new DomainException($"The security contact '{contact}' is neither an e-mail address nor an http(s) URL.");
        }
        Name = name;
        RepositoryUrl = repositoryUrl;
        _securityContacts = contacts;
    }

    /// <summary>
    /// Replaces the packages (each a package URL; a version, qualifiers or subpath are refused since versions belong to
    /// an advisory's ranges) and the CNA organisation id. A <see cref="DomainException"/> names the first bad entry.
    /// </summary>
    public void ChangePublishing(IEnumerable<string?>? packages, Guid? cveOrgId)
    {
        var list = new List<string>();
        foreach (var (entry, i) in (packages ?? []).Select((p, i) => ((p ?? "").Trim(), i)).Where(e => e.Item1.Length > 0))
        {
            if (!Firebreak.Domain.Packages.PackageUrl.TryParse(entry, Firebreak.Domain.Packages.PurlStrictness.Lenient, out var purl, out var error))
                throw new DomainException($"packages[{i}]: '{Cut(entry)}' is not a package URL: {error}");
            if (purl.Version is not null || purl.Qualifiers.Count > 0 || purl.Subpath is not null)
                throw new DomainException($"packages[{i}]: '{Cut(entry)}' names one version or build; list the package without @version, qualifiers or subpath.");
            if (!Firebreak.Domain.Packages.EcosystemNames.TryFromPurlType(purl.Type, out _))
                throw new DomainException($"packages[{i}]: purl type '{purl.Type}' has no known ecosystem.");
            var canonical = purl.ToString();
            if (!list.Contains(canonical, StringComparer.Ordinal)) list.Add(canonical);
        }
        if (list.Count > MaxPackages) throw new DomainException($"packages: more than {MaxPackages} packages.");
        if (cveOrgId == Guid.Empty) throw new DomainException("cveOrgId: the empty UUID is not an organisation.");
        _packages = list;
        CveOrgId = cveOrgId;
    }

    /// <summary>
    /// Chooses the CVE authority; for the project's own CNA also the organisation UUID its records carry (CVE Services
    /// report it for the short name), which every CVE 5 export then takes. Other authorities keep the id already set.
    /// </summary>
    public void ChangeCveAuthority(CveAuthority authority, Guid? cveOrgId)
    {
        if (!Enum.IsDefined(authority)) throw new DomainException($"authority: unknown CVE authority {(int)authority}.");
        if (cveOrgId == Guid.Empty) throw new DomainException("cveOrgId: the empty UUID is not an organisation.");
        CveAuthority = authority;
        if (cveOrgId is not null) CveOrgId = cveOrgId;
    }

    private static string Cut(string text) => Excerpt.Clip(text, 80);

    /// <summary>Replaces the security policy.</summary>
    public void ChangePolicy(SecurityPolicy policy) => Policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>Validates a slug, returning it normalised or throwing with the rule it breaks.</summary>
    public static string CheckSlug(string? slug)
    {
        slug = (slug ?? "").Trim();
        return SlugPattern().IsMatch(slug)
            ? slug
            : throw new DomainException($"'{slug}' is not a valid project slug: use 1 to 63 lowercase letters, digits and hyphens, starting with a letter or digit.");
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
