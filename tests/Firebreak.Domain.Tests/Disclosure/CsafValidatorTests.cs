using System.Text.Json;
using System.Text.Json.Nodes;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Disclosure;

public sealed class CsafValidatorTests
{
    public static TheoryData<string> Examples() => [.. CsafExamples.Files()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Validate_OfficialExample_PassesEveryMandatoryTest(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ConformanceData.Require(file)));
        Assert.DoesNotContain(CsafValidator.Validate(doc.RootElement), i => i.IsError);
    }

    [Fact]
    public void Validate_UndefinedProductId_Reports611()
    {
        var issues = Validate(d => d["vulnerabilities"]![0]!["product_status"]!["fixed"]!.AsArray().Add("CSAFPID-9999"));
        Assert.Contains(issues, i => i.Path == "$.vulnerabilities[0].product_status.fixed[2]" && i.Message.Contains("(6.1.1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateProductId_Reports612()
    {
        var issues = Validate(d => Leaf(d, 1)["product_id"] = "CSAFPID-0001");
        Assert.Contains(issues, i => i.Message.Contains("defined more than once (6.1.2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_VersionNotLatestRevision_Reports6116()
    {
        var issues = Validate(d => d["document"]!["tracking"]!["version"] = "1");
        Assert.Contains(issues, i => i.Path == "$.document.tracking.version" && i.Message.Contains("(6.1.16)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RevisionNumbersDescendingByDate_Reports6114()
    {
        var issues = Validate(d => d["document"]!["tracking"]!["revision_history"]![0]!["number"] = "3");
        Assert.Contains(issues, i => i.Message.Contains("(6.1.14)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_VexNotAffectedWithoutImpact_Reports61279()
    {
        var issues = Validate(d =>
        {
            d["vulnerabilities"]![0]!.AsObject().Remove("flags");
            var threats = d["vulnerabilities"]![0]!["threats"]!.AsArray();
            threats.RemoveAt(threats.Count - 1);
        }, vex: true);
        Assert.Contains(issues, i => i.Path == "$.vulnerabilities[0].product_status.known_not_affected[0]" && i.Message.Contains("(6.1.27.9)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_VexWithoutProductStatus_Reports61276()
    {
        var issues = Validate(d => d["vulnerabilities"]![0]!.AsObject().Remove("product_status"), vex: true);
        Assert.Contains(issues, i => i.Path == "$.vulnerabilities[0].product_status" && i.Message.Contains("6.1.27", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadEnumAndMissingMember_ReportsPaths()
    {
        var issues = Validate(d =>
        {
            d["document"]!["tracking"]!["status"] = "published";
            d["document"]!["publisher"]!.AsObject().Remove("namespace");
        });
        Assert.Contains(issues, i => i.Path == "$.document.tracking.status" && i.Message.Contains("draft, final, interim", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Path == "$.document.publisher.namespace" && i.Message == "required.");
    }

    private static JsonObject Leaf(JsonNode d, int index) =>
        d["product_tree"]!["branches"]![0]!["branches"]![0]!["branches"]![index]!["product"]!.AsObject();

    private static IReadOnlyList<AdvisoryIssue> Validate(Action<JsonNode> change, bool vex = false)
    {
        var node = JsonNode.Parse(CsafExporter.Write(WorkedAdvisory.Create(), vex))!;
        change(node);
        using var doc = JsonDocument.Parse(node.ToJsonString());
        return CsafValidator.Validate(doc.RootElement);
    }
}
