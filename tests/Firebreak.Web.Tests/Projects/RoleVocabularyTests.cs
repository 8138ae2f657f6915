using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Notifications;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Projects;

public sealed class SqliteRoleVocabularyTests(SqliteFactory factory) : RoleVocabularyTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRoleVocabularyTests(PostgresFactory factory) : RoleVocabularyTests(factory), IClassFixture<PostgresFactory>;

/// <summary>
/// One role vocabulary: the roles members hold, the roles the policy names holders for and the roles playbook steps
/// and assignments name are one set, the six built in plus the roles a project adds; every role falls to a person, and
/// a holder or assignee must be someone who can act (a member, or a collaborator on the incident).
/// </summary>
public abstract class RoleVocabularyTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Team(HttpClient Root, string RootEmail, string Slug, string Admin, string Reviewer, string Manager);

    private async Task<Team> TeamAsync()
    {
        var (root, rootEmail) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"r{Guid.NewGuid():N}"[..16];
        await root.PostJsonAsync("/api/v1/projects", new { slug, name = "Roles" }, HttpStatusCode.Created);
        async Task<string> Member(string role)
        {
            var (_, email) = await factory.CreateUserClientAsync(admin: false);
            await root.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role }, HttpStatusCode.NoContent);
            return email;
        }
        return new(root, rootEmail, slug, await Member("admin"), await Member("reviewer"), await Member("incident-manager"));
    }

    private static async Task<JsonObject> PolicyAsync(Team t) =>
        (await t.Root.GetJsonAsync($"/api/v1/projects/{t.Slug}"))["policy"]!.AsObject();

    private static Task<JsonNode> PutPolicyAsync(Team t, JsonObject policy, HttpStatusCode expected = HttpStatusCode.OK) =>
        t.Root.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{t.Slug}/policy", policy, expected);

    private async Task<Dictionary<Role, string[]>> HoldersAsync(Team t, Guid? incidentId, params Role[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Slug == t.Slug, Ct);
        var incident = incidentId is { } id ? await db.Incidents.SingleAsync(i => i.Id == id, Ct) : null;
        var held = (await scope.ServiceProvider.GetRequiredService<Audience>().RosterAsync(project.Id, incident?.Id, Ct)).HoldersByRole(project, incident, roles);
        return held.ToDictionary(kv => kv.Key, kv => kv.Value.Select(p => p.Email!).Order().ToArray());
    }

    [Fact]
    public async Task AddedRole_NamedInThePolicy_IsAssignable_AndFallsToItsHolder()
    {
        var t = await TeamAsync();
        var policy = await PolicyAsync(t);
        policy["addedRoles"] = new JsonArray(new JsonObject { ["name"] = "crypto-reviewer", ["description"] = "Reviews changes touching cryptography" },
            new JsonObject { ["name"] = "legal-counsel" });
        policy["roleHolders"] = new JsonObject { ["crypto-reviewer"] = t.Reviewer.ToUpperInvariant() };
        var saved = (await PutPolicyAsync(t, policy))["policy"]!;
        Assert.Equal(["crypto-reviewer", "legal-counsel"], saved["addedRoles"]!.AsArray().Select(r => (string)r!["name"]!));
        Assert.Equal("Reviews changes touching cryptography", (string)saved["addedRoles"]![0]!["description"]!);

        var crypto = Role.Parse("crypto-reviewer");
        var legal = Role.Parse("legal-counsel");
        var byPolicy = await HoldersAsync(t, null, crypto, legal, Role.Reviewer, Role.TriageOwner);
        Assert.Equal([t.Reviewer], byPolicy[crypto]);
        Assert.Equal([t.Manager], byPolicy[legal]); // nobody named: the incident manager finds someone
        Assert.Equal([t.Reviewer], byPolicy[Role.Reviewer]);
        Assert.Equal(new[] { t.Admin, t.RootEmail }.Order(), byPolicy[Role.TriageOwner]); // no triage owner: the project's admins (its creator among them) hear

        var incident = (string)(await t.Root.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "other", title = "Nonce reuse in the sealing layer", severity = "high" }, HttpStatusCode.Created))["id"]!;
        var changed = await t.Root.PatchJsonAsync($"/api/v1/incidents/{incident}", new { assignments = new Dictionary<string, string> { ["legal-counsel"] = t.Admin } });
        Assert.Equal(t.Admin, (string)changed["assignments"]!["legal-counsel"]!);
        var onIncident = await HoldersAsync(t, Guid.Parse(incident), legal, crypto);
        Assert.Equal([t.Admin], onIncident[legal]);
        Assert.Equal([t.Reviewer], onIncident[crypto]);

        // A role taken away while the document still names its holder is refused, saying so; without the holder it goes.
        var again = await PolicyAsync(t);
        again["addedRoles"] = new JsonArray(new JsonObject { ["name"] = "legal-counsel" });
        var refused = await PutPolicyAsync(t, again, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("'crypto-reviewer' is not a role of this project", (string)refused["detail"]!, StringComparison.Ordinal);
        again["roleHolders"]!.AsObject().Remove("crypto-reviewer");
        var kept = (await PutPolicyAsync(t, again))["policy"]!;
        Assert.Equal(["legal-counsel"], kept["addedRoles"]!.AsArray().Select(r => (string)r!["name"]!));
        Assert.Empty(kept["roleHolders"]!.AsObject());
    }

    [Theory]
    [InlineData("""{"triage-owner":"stranger@example.test"}""", null, "roleHolders.triage-owner: 'stranger@example.test' is not a member of this project")]
    [InlineData("""{"crypto-reviewer":"@reviewer"}""", null, "roleHolders: 'crypto-reviewer' is not a role of this project; its roles are admin, triage-owner")]
    [InlineData("""{"Project Architect":"@reviewer"}""", null, "roleHolders: 'Project Architect' is not a role name")]
    [InlineData("{}", """[{"name":"board"}]""", "addedRoles: 'board' is a built-in role")]
    [InlineData("{}", """[{"name":"crypto reviewer"}]""", "addedRoles: 'crypto reviewer' is not a role name")]
    [InlineData("{}", """[{"name":"x"},{"name":"x"}]""", "addedRoles: 'x' is given twice")]
    [InlineData("{}", """[null]""", "addedRoles: every entry needs a name")]
    public async Task Policy_WithAHolderOrRoleThatCannotBe_IsRefusedSayingWhich(string holders, string? added, string message)
    {
        var t = await TeamAsync();
        var before = (await PolicyAsync(t)).ToJsonString();
        var policy = await PolicyAsync(t);
        policy["roleHolders"] = JsonNode.Parse(holders.Replace("@reviewer", t.Reviewer, StringComparison.Ordinal));
        if (added is not null) policy["addedRoles"] = JsonNode.Parse(added);
        var problem = await PutPolicyAsync(t, policy, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(message, (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(before, (await PolicyAsync(t)).ToJsonString());
    }

    [Fact]
    public async Task Assignment_ToSomeoneWhoCannotAct_OrToNoRole_IsRefusedAndNothingChanges()
    {
        var t = await TeamAsync();
        var incident = (string)(await t.Root.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "other", title = "Signing key in a crash dump", severity = "medium" }, HttpStatusCode.Created))["id"]!;
        var stranger = await t.Root.SendJsonAsync(HttpMethod.Patch, $"/api/v1/incidents/{incident}",
            new { assignments = new Dictionary<string, string> { ["reviewer"] = "outsider@example.test", ["board"] = t.Manager } }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("assignments.reviewer: 'outsider@example.test' is neither a member of this project nor a collaborator", (string)stranger["detail"]!, StringComparison.Ordinal);
        var unknown = await t.Root.SendJsonAsync(HttpMethod.Patch, $"/api/v1/incidents/{incident}",
            new { assignments = new Dictionary<string, string> { ["janitor"] = t.Manager } }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("assignments: 'janitor' is not a role of this project", (string)unknown["detail"]!, StringComparison.Ordinal);
        Assert.Empty((await t.Root.GetJsonAsync($"/api/v1/incidents/{incident}"))["assignments"]!.AsObject());
    }

    [Fact]
    public async Task Assignments_FromConcurrentWriters_AllLand()
    {
        var t = await TeamAsync();
        var incident = (string)(await t.Root.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "other", title = "Token replay", severity = "low" }, HttpStatusCode.Created))["id"]!;
        var wanted = new Dictionary<string, string>
        {
            ["admin"] = t.Admin, ["triage-owner"] = t.Manager, ["incident-manager"] = t.Manager,
            ["release-engineer"] = t.Admin, ["reviewer"] = t.Reviewer, ["board"] = t.Admin,
        };
        await Task.WhenAll(wanted.Select(kv =>
            t.Root.PatchJsonAsync($"/api/v1/incidents/{incident}", new { assignments = new Dictionary<string, string> { [kv.Key] = kv.Value } })));
        var assignments = (await t.Root.GetJsonAsync($"/api/v1/incidents/{incident}"))["assignments"]!.AsObject();
        Assert.Equal(wanted.OrderBy(kv => kv.Key), assignments.Select(kv => KeyValuePair.Create(kv.Key, (string)kv.Value!)).OrderBy(kv => kv.Key));
    }
}
