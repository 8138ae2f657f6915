namespace Firebreak.Web.Features.CveServices;

/// <summary>
/// A project's credentials for CVE Services (its own CNA): the organisation short name, the user, the API key protected
/// with the stored-secrets protector (bound to the project; never shown again after saving) and the service's base URL.
/// </summary>
internal sealed class CveServicesAccount
{
    public const string TestUrl = "https://cveawg-test.mitre.org/api";
    public const string ProductionUrl = "https://cveawg.mitre.org/api";

    private CveServicesAccount() { }

    public CveServicesAccount(Guid projectId) => ProjectId = projectId;

    public Guid ProjectId { get; private set; }

    /// <summary>The CNA's short name (<c>CVE-API-ORG</c>, and <c>short_name</c> when reserving).</summary>
    public string ShortName { get; private set; } = "";

    /// <summary>The CVE Services user (<c>CVE-API-USER</c>).</summary>
    public string UserName { get; private set; } = "";

    /// <summary>The API key, protected (<c>StoredSecrets.Purposes.CveServicesKey</c>, bound to the project id).</summary>
    public string? ApiKey { get; private set; }

    /// <summary>The service's base URL, up to <c>/api</c>.</summary>
    public string BaseUrl { get; private set; } = TestUrl;

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void Change(string shortName, string userName, string baseUrl, string? protectedKey, string actor, DateTimeOffset now)
    {
        (ShortName, UserName, BaseUrl) = (shortName, userName, baseUrl);
        if (protectedKey is not null) ApiKey = protectedKey;
        (UpdatedAt, UpdatedBy) = (now.UtcDateTime, actor);
    }
}
