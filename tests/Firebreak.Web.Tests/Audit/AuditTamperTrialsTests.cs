using Firebreak.Web.Data.Sealing;
using System.Globalization;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Audit;

/// <summary>
/// The tampering battery: a realistic history through the real endpoints, a signed checkpoint,
/// then random trials, each on a fresh copy of that database (the tampering runs in a transaction
/// that is rolled back, so every trial starts from the same state). Every trial must be detected.
/// <c>FIREBREAK_TAMPER_TRIALS</c> sets the count (100 in CI; <c>scripts/battery tamper</c> runs
/// 1,000), <c>FIREBREAK_TAMPER_SEED</c> replays a run, <c>FIREBREAK_TAMPER_REPORT</c> names a file
/// that receives a summary line.
/// </summary>
public abstract class AuditTamperTrialsTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RandomTampering_OnFreshCopies_IsAlwaysDetected()
    {
        factory.RequireDatabase();
        var trials = int.Parse(Environment.GetEnvironmentVariable("FIREBREAK_TAMPER_TRIALS") ?? "100", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("FIREBREAK_TAMPER_SEED") ?? Random.Shared.Next().ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        await AuditedHistory.BuildAsync(factory, Ct);
        var anchor = await CheckpointAsync();

        var random = new Random(seed);
        var missed = new List<string>();
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var started = DateTime.UtcNow;
        for (var trial = 0; trial < trials; trial++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var (kind, description) = await new Tampering(db, scope.ServiceProvider.GetRequiredService<DataKeyRing>(), random).ApplyRandomAsync(Ct);
            var verdict = await new AuditVerifier(db).VerifyAsync(anchor, Ct);
            await transaction.RollbackAsync(Ct);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (verdict.Intact) missed.Add($"trial {trial}: {description}");
        }

        var summary = $"{Provider}: {trials - missed.Count} of {trials} trials detected, seed {seed}, {(DateTime.UtcNow - started).TotalSeconds:F1} s; "
            + string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"));
        if (Environment.GetEnvironmentVariable("FIREBREAK_TAMPER_REPORT") is { Length: > 0 } report) await File.AppendAllTextAsync(report, summary + "\n", Ct);
        Assert.True(missed.Count == 0, $"{summary}\nundetected (replay with FIREBREAK_TAMPER_SEED={seed}):\n{string.Join("\n", missed)}");
        await using var after = factory.Services.CreateAsyncScope();
        Assert.True((await after.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(anchor, Ct)).Intact, "the untouched database must still verify after the trials");
    }

    [Fact]
    public async Task Tampering_CoversEveryColumnOfBothChainedTables()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Model;
        Assert.Equal(Columns(model, typeof(AuditRecord)), Tampering.AuditColumns.Order(StringComparer.Ordinal));
        Assert.Equal(Columns(model, typeof(Firebreak.Domain.Incidents.TimelineEntry)), Tampering.TimelineColumns.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Columns(Microsoft.EntityFrameworkCore.Metadata.IModel model, Type type)
    {
        var entity = model.FindEntityType(type)!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!);
        return entity.GetProperties().Select(p => p.GetColumnName(table)!).Order(StringComparer.Ordinal);
    }

    private string Provider => GetType().Name.Replace("AuditTamperTrialsTests", "", StringComparison.Ordinal);

    /// <summary>Takes a checkpoint through the admin command, checks the untouched database against it, and returns its head.</summary>
    private async Task<ChainHead> CheckpointAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await AdminCommand.RunAsync(factory.Services, ["audit-checkpoint"], output, error));
        var file = output.ToString().Trim().Split(" written to ")[1];
        using var verified = new StringWriter();
        Assert.True(await AdminCommand.RunAsync(factory.Services, ["verify-audit", "--checkpoint", file], verified, error) == 0, error.ToString());
        Assert.True(AuditCheckpoint.TryParse(await File.ReadAllTextAsync(file, Ct), out var checkpoint, out var problem), problem);
        var head = checkpoint!.Chain(ChainHead.Audit)!;
        Assert.True(head.Sequence > 100, $"the history should be long enough to tamper with: {head.Sequence} records");
        return head;
    }
}

public sealed class SqliteAuditTamperTrialsTests(SqliteFactory factory) : AuditTamperTrialsTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAuditTamperTrialsTests(PostgresFactory factory) : AuditTamperTrialsTests(factory), IClassFixture<PostgresFactory>;
