using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Disclosure;

/// <summary>
/// What the server publishes is the public rendition of the saved advisory (the reporter's own credit, dates from the
/// incident, published at the scheduled instant, withdrawn with a last revision): every export of it, scheduled and
/// withdrawn, validates against its official schema and passes the offline validator's own rules.
/// </summary>
public sealed class PublicRenditionConformanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, bool> Exports => new()
    {
        { "osv", "schemas/osv-schema.json", false },
        { "osv", "schemas/osv-schema.json", true },
        { "cve5", "schemas/cve-5.1-bundled.json", false },
        { "cve5-container", "schemas/cve-5.1-cna-container.json", false },
        { "csaf", "schemas/csaf-2.0/csaf_json_schema.json", false },
        { "csaf", "schemas/csaf-2.0/csaf_json_schema.json", true },
        { "csaf-vex", "schemas/csaf-2.0/csaf_json_schema.json", false },
        { "openvex", "schemas/openvex-schema.json", false },
    };

    private static SecurityAdvisory Rendition(bool withdrawn)
    {
        // The worked advisory as a maintainer saves it before publication: no publication date or revisions yet.
        var saved = WorkedAdvisory.Create() with { Timeline = WorkedAdvisory.Create().Timeline with { Published = null, Modified = null }, Revisions = [] };
        var publication = AdvisoryPublication.Start(Guid.NewGuid(), Guid.NewGuid(), saved, "{}", "alice", Now);
        publication.RequestReview(Now.AddDays(1), "alice", Now);
        publication.Approve(null, "bob", Now);
        if (withdrawn) publication.Withdraw("the affected code was never released", "bob", Now.AddDays(3));
        var reporter = new Reporter("jo@example.org", CreditPreference.Handle, "@jo", consent: true);
        return publication.PublicRendition(saved, reporter, new AdvisoryTimeline(Reported: Now.AddDays(-20), Acknowledged: Now.AddDays(-19)));
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task EveryExportOfThePublicRendition_IsValid(string format, string schema, bool withdrawn)
    {
        var json = AdvisoryExport.Write(Rendition(withdrawn), AdvisoryExport.Parse(format, "format"));
        Assert.Empty(await SchemaValidation.ErrorsAsync(schema, json));
        var (_, issues) = AdvisoryDocumentValidator.Validate(json);
        Assert.DoesNotContain(issues, i => i.IsError);
    }

    [Fact]
    public void Rendition_CarriesTheReportersChoiceAndTheScheduledInstant()
    {
        var rendition = Rendition(withdrawn: false);
        Assert.Equal(Now.AddDays(1), rendition.Timeline.Published);
        Assert.Equal("@jo", rendition.ReporterCredit);
        var osv = AdvisoryExport.Write(rendition, ExportFormat.Osv);
        Assert.Contains("\"published\": \"2026-12-02T09:00:00Z\"", osv, StringComparison.Ordinal);
        Assert.All(WorkedAdvisory.HiddenNames, name => Assert.DoesNotContain(name, osv, StringComparison.Ordinal));
    }
}
