using System.Net;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Audit;

/// <summary>Signed checkpoints: the key, the files and mails, and what <c>admin verify-audit --checkpoint</c> says and exits with.</summary>
public abstract class AuditCheckpointTests
{
    protected abstract FirebreakFactory Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Output, string Error)> AdminAsync(FirebreakFactory factory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AdminCommand.RunAsync(factory.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<string> IncidentAsync(FirebreakFactory factory, HttpClient api)
    {
        var slug = $"c{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Anchored" }, HttpStatusCode.Created);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "leaked-credential", title = "token in a log", severity = "high" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;
        factory.Clock.Advance(TimeSpan.FromTicks(12_345_678)); // not a whole microsecond: stored values must still verify to the tick
        await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { note = "Revoked the token" });
        return id;
    }

    private static async Task<string> CheckpointFileAsync(FirebreakFactory factory)
    {
        var (exit, output, error) = await AdminAsync(factory, "audit-checkpoint");
        Assert.True(exit == 0, error);
        return output.Trim().Split(" written to ")[1];
    }

    private static async Task SqlAsync(FirebreakFactory factory, string sql)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Database.ExecuteSqlRawAsync(sql, Ct);
    }

    [Fact]
    public async Task AuditKey_PrintsThePublicKey_AndOnlyTheOwnerMayReadThePrivateKey()
    {
        await using var factory = Fresh();
        factory.RequireDatabase();
        var (exit, output, _) = await AdminAsync(factory, "audit-key");

        Assert.Equal(0, exit);
        Assert.Matches("^# ed25519:[0-9a-f]{16} ", output);
        Assert.Contains("-----BEGIN PUBLIC KEY-----", output, StringComparison.Ordinal);
        var keyFile = Path.Combine(factory.AuditFolder, "audit-signing-key.pem");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.DoesNotContain(File.ReadAllText(keyFile).Trim(), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyWithCheckpoint_AfterLaterWork_IsIntact_AlsoWithThePrintedPublicKey()
    {
        await using var factory = Fresh();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await IncidentAsync(factory, api);
        var file = await CheckpointFileAsync(factory);
        await IncidentAsync(factory, api);
        var publicKey = Path.Combine(factory.AuditFolder, "public.pem");
        await File.WriteAllTextAsync(publicKey, (await AdminAsync(factory, "audit-key")).Output, Ct);

        var (exit, output, error) = await AdminAsync(factory, "verify-audit", "--checkpoint", file);
        Assert.True(exit == 0, error);
        Assert.Matches(@"audit chain intact: \d+ record\(s\) verified; it holds the checkpoint of .+Z \(record \d+, key ed25519:[0-9a-f]{16}\)", output);
        Assert.Equal(0, (await AdminAsync(factory, "verify-audit", "--public-key", publicKey, "--checkpoint", file)).Exit);
    }

    [Fact]
    public async Task VerifyWithCheckpoint_LastEntriesOfBothTablesDeleted_Exit1NamingTheMissingRecord()
    {
        await using var factory = Fresh();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await IncidentAsync(factory, api);
        var file = await CheckpointFileAsync(factory);
        long last;
        await using (var scope = factory.Services.CreateAsyncScope())
            last = await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Set<AuditRecord>().MaxAsync(r => r.Sequence, Ct);
        await SqlAsync(factory, $"DELETE FROM \"AuditChain\" WHERE \"Sequence\" = {last}");
        await SqlAsync(factory, "DELETE FROM \"Timeline\" WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"Timeline\")");

        Assert.True((await AdminAsync(factory, "verify-audit")).Exit == 0, "without an anchor the cut is invisible; that is why checkpoints exist");
        var (exit, _, error) = await AdminAsync(factory, "verify-audit", "--checkpoint", file);
        Assert.Equal(1, exit);
        Assert.Contains($"broken at record {last}: the chain ends at record {last - 1}, but the checkpoint holds record {last}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyWithCheckpoint_BothTablesEmptied_Exit1()
    {
        await using var factory = Fresh();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await IncidentAsync(factory, api);
        var file = await CheckpointFileAsync(factory);
        await SqlAsync(factory, "DELETE FROM \"Timeline\"");
        await SqlAsync(factory, "DELETE FROM \"AuditChain\"");

        var (exit, _, error) = await AdminAsync(factory, "verify-audit", "--checkpoint", file);
        Assert.Equal(1, exit);
        Assert.Contains("broken at record 1: the chain is empty, but the checkpoint holds record", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TimelineActorOrInstantChanged_IsFound()
    {
        await using var factory = Fresh();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var id = Guid.Parse(await IncidentAsync(factory, api));
        foreach (var change in new[] { "actor", "instant" })
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var first = db.Timeline.Where(t => t.IncidentId == id && t.Sequence == 1);
            var at = await first.Select(t => t.At).SingleAsync(Ct);
            var changed = change == "actor"
                ? await first.ExecuteUpdateAsync(u => u.SetProperty(t => t.Actor, "someone-else@example.test"), Ct)
                : await first.ExecuteUpdateAsync(u => u.SetProperty(t => t.At, at.AddTicks(TimeSpan.TicksPerMicrosecond)), Ct);
            var verdict = await new AuditVerifier(db).VerifyAsync(Ct);
            await transaction.RollbackAsync(Ct);
            Assert.Equal(1, changed);
            Assert.False(verdict.Intact, change);
            Assert.Contains("was changed after it was recorded", verdict.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task VerifyWithCheckpoint_AlteredOrForeignOrMissing_Exit2()
    {
        await using var factory = Fresh();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await IncidentAsync(factory, api);
        var file = await CheckpointFileAsync(factory);
        var text = await File.ReadAllTextAsync(file, Ct);
        var altered = Path.Combine(factory.AuditFolder, "altered.json");
        await File.WriteAllTextAsync(altered, System.Text.RegularExpressions.Regex.Replace(text, "\"sequence\": (\\d+)", "\"sequence\": 1"), Ct);
        var foreignKey = Path.Combine(factory.AuditFolder, "foreign.pem");
        using (var other = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519))
            await File.WriteAllTextAsync(foreignKey, AuditSigningKey.PublicPem(other.PublicKey), Ct);
        var garbage = Path.Combine(factory.AuditFolder, "garbage.json");
        await File.WriteAllTextAsync(garbage, "{\"format\": \"something else\"}", Ct);

        var cases = new (string[] Args, string Says)[]
        {
            (["verify-audit", "--checkpoint", altered], "the signature does not verify"),
            (["verify-audit", "--checkpoint", file, "--public-key", foreignKey], "not ed25519:"),
            (["verify-audit", "--checkpoint", garbage], "not a checkpoint: $.format"),
            (["verify-audit", "--checkpoint", Path.Combine(factory.AuditFolder, "absent.json")], "cannot read the checkpoint"),
            (["verify-audit", "--checkpoint", file, "--public-key", garbage], "is not an Ed25519 public key"),
            (["verify-audit", "--checkpoint"], "usage:"),
            (["verify-audit", "--frobnicate"], "usage:"),
        };
        foreach (var (args, says) in cases)
        {
            var (exit, _, error) = await AdminAsync(factory, args);
            Assert.True(exit == 2, $"{string.Join(' ', args)} → {exit}: {error}");
            Assert.Contains(says, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TakeCheckpoint_AfterTheChainWasCut_RefusesToAnchorIt()
    {
        await using var factory = Fresh();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await IncidentAsync(factory, api);
        await CheckpointFileAsync(factory);
        await SqlAsync(factory, "DELETE FROM \"AuditChain\" WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"AuditChain\")");

        var (exit, _, error) = await AdminAsync(factory, "audit-checkpoint");
        Assert.Equal(1, exit);
        Assert.Contains("no checkpoint is written over a cut or replaced history", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_WritesACheckpointWhenTheChainMoved_AndMailsIt()
    {
        await using var factory = Fresh();
        factory.Settings["Audit:CheckpointTo"] = "auditor@example.test";
        factory.Settings["Audit:CheckpointMinutes"] = "30";
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await IncidentAsync(factory, api);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        OutboxMessage? mail = null;
        for (var wait = 0; wait < 100 && mail is null; wait++)
        {
            // The worker waits on the fake clock; moving it again covers a pass that was still running at the first move.
            if (wait % 10 == 9) factory.Clock.Advance(TimeSpan.FromMinutes(31));
            await Task.Delay(100, Ct);
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            var head = await TakeCheckpoint.HeadAsync(db, Ct);
            // The subject is sealed at rest (docs/security.md, Data at rest): it is compared once read, not in SQL.
            mail = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Purpose == TakeCheckpoint.MailPurpose).ToListAsync(Ct))
                .FirstOrDefault(m => m.Subject.EndsWith($"record {head.Sequence}", StringComparison.Ordinal));
        }
        Assert.NotNull(mail);
        Assert.Equal("auditor@example.test", mail.To);
        Assert.True(AuditCheckpoint.TryParse(mail.TextBody, out var mailed, out var problem), problem);
        var files = Directory.GetFiles(Path.Combine(factory.AuditFolder, "checkpoints"), "audit-checkpoint-*.json");
        Assert.Contains(files, f => File.ReadAllText(f) == mailed!.ToJson());
    }

    [Fact]
    public void IsDue_OnlyWhenTheHeadMoved()
    {
        var head = new ChainHead(ChainHead.Audit, 7, new string('a', 64));
        Assert.True(TakeCheckpoint.IsDue(null, head));
        Assert.False(TakeCheckpoint.IsDue(head with { }, head));
        Assert.True(TakeCheckpoint.IsDue(head with { Sequence = 6 }, head));
        Assert.True(TakeCheckpoint.IsDue(head with { Hash = new string('b', 64) }, head));
    }
}

public sealed class SqliteAuditCheckpointTests : AuditCheckpointTests
{
    protected override FirebreakFactory Fresh() => new SqliteFactory();
}

public sealed class PostgresAuditCheckpointTests : AuditCheckpointTests
{
    protected override FirebreakFactory Fresh() => new PostgresFactory();
}
