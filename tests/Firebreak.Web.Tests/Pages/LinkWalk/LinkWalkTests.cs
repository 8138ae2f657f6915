using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Pages.LinkWalk;

/// <summary>
/// Every page each walker can reach, every same-site link and form on it: none may answer 404 or 500. The instance is
/// seeded once per database (<see cref="WalkInstance"/>): an instance administrator, a member in each project role, an
/// incident collaborator and an anonymous visitor walk from "/" (and from the links they would hold). Links, assets and
/// GET forms are followed, redirects too (anonymous visitors land on the sign-in page, which is fine); 403 is accepted
/// only where the role table (Authorization/RoleSpec) refuses that role. POST forms are not all submitted: most write
/// (and a walker that closes the incident, signs out or removes a passkey would change or end the walk), so each POST
/// action is checked against the server's own page map: its address must reach a page handler that exists; the
/// handlers that only render (a preview, a CVSS score) are submitted with the form's values and must answer 200, or the
/// role table's refusal. Forms shown to a role that the table refuses are counted (not failures: the role table allows
/// showing them) and printed with the figures.
/// </summary>
public abstract class LinkWalkTests(FirebreakFactory factory)
{
    public static TheoryData<string> Walkers => ["instance admin", .. WalkInstance.RoleSpecRoles, "collaborator", "anonymous"];

    [Theory]
    [MemberData(nameof(Walkers))]
    public async Task EveryReachablePage_LinkAndForm_AnswersWithoutNotFoundOrServerError(string walker)
    {
        factory.RequireDatabase();
        var instance = await WalkInstance.ForAsync(factory);

        var report = await new LinkWalkerRun(instance.Walkers[walker], instance.Map).RunAsync();

        TestContext.Current.SendDiagnosticMessage(report.Figures(walker));
        TestContext.Current.TestOutputHelper?.WriteLine(report.Figures(walker));
        Assert.True(report.Pages >= 3, $"{walker} reached only {report.Pages} page(s)");
        Assert.True(report.Problems.Count == 0, $"{report.Figures(walker)}\n{report.Problems.Count} problem(s):\n" + string.Join("\n", report.Problems));
    }

    [Fact]
    public async Task TheSiteMap_TellsAFormThatReachesAHandlerFromOneThatDoesNot()
    {
        factory.RequireDatabase();
        var map = await SiteMap.LoadAsync(factory.Services);

        Assert.Equal(new PageTarget("/projects/{slug}/settings", "Save", true, Permission.ProjectAdmin), map.Find("/projects/x/settings?handler=Save", "POST"));
        Assert.False(map.Find("/projects/x/settings?handler=Bogus", "POST")!.HandlerExists);
        Assert.False(map.Find("/", "POST")!.HandlerExists);
        Assert.True(map.Find("/projects/new", "GET")!.HandlerExists); // a page without OnGet renders its blank form
        Assert.Null(map.Find($"/incidents/{Guid.NewGuid()}x", "GET"));
        Assert.Null(map.Find("/p/x/osv/all.json", "GET")); // an endpoint, not a page
        Assert.Null(map.Find("/p/x/policy", "GET")!.Permission); // deliberately anonymous
    }
}

public sealed class SqliteLinkWalkTests(SqliteFactory factory) : LinkWalkTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresLinkWalkTests(PostgresFactory factory) : LinkWalkTests(factory), IClassFixture<PostgresFactory>;
