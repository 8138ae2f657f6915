using System.Net;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Features.Intake.Settings;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Intake;

/// <summary>
/// The intake queue files reports that arrive together in one commit; a report a rule refuses fails
/// alone and the others in its batch are still filed, each answered after its own commit.
/// </summary>
public sealed class IntakeQueueTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_WithOneRefusedReport_FilesTheOthers_AndNamesTheRefusal()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"q{Guid.NewGuid():N}"[..20];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Queued" }, HttpStatusCode.Created);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Slug == slug, Ct);
        var queue = factory.Services.GetRequiredService<IntakeQueue>();
        var reporter = new Reporter(null, CreditPreference.Anonymous, null, false);
        Filing Draft(string title) => new(project, IntakeSettings.For(project.Id),
            new ReportDraft(title, "d", Severity.Medium, null, null, null, reporter), IncidentSource.Api, "http://localhost", []);

        // The refused one has no title: the check before queueing is skipped here, so the rule meets it inside a batch.
        var filings = Enumerable.Range(0, 24).Select(i => Draft(i == 11 ? "" : $"Queued {i}")).ToList();
        var outcomes = await Task.WhenAll(filings.Select(async Task<(ReportReceipt? Receipt, Exception? Error)> (f) =>
        {
            try
            {
                return (await queue.FileAsync(f, Ct), null);
            }
            catch (DomainException e)
            {
                return (null, e);
            }
        }));

        Assert.Contains("needs a title", Assert.Single(outcomes, o => o.Error is not null).Error!.Message, StringComparison.Ordinal);
        var receipts = outcomes.Where(o => o.Receipt is not null).Select(o => o.Receipt!).ToList();
        Assert.Equal(23, receipts.Count);
        Assert.Equal(Enumerable.Range(1, 23), receipts.Select(r => r.Number).Order());
        var stored = await db.Incidents.AsNoTracking().Where(i => i.ProjectId == project.Id).Select(i => i.Title).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(0, 24).Where(i => i != 11).Select(i => $"Queued {i}").Order(), stored.Order());
    }
}
