using System.Globalization;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Cvss;

/// <summary>Every one of the 104,976 CVSS v4.0 base vectors, scored and compared with FIRST's reference.</summary>
public class Cvss40ConformanceTests
{
    [Fact]
    public void Score_EveryBaseVector_MatchesReferenceScoreSeverityAndMacrovector()
    {
        var path = ConformanceData.Require("cvss/cvss40_base_exhaustive.tsv");
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var columns = line.Split('\t');
            rows++;
            var result = CvssScorer.Score(columns[0]);
            var score = result.Score?.ToString("0.0", CultureInfo.InvariantCulture);
            var severity = result.Severity.ToString();
            if (score != columns[1] || severity != columns[2] || result.MacroVector != columns[3])
                mismatches.Add($"{columns[0]}: got {score} {severity} {result.MacroVector}, expected {columns[1]} {columns[2]} {columns[3]}");
        }
        Assert.Equal(104_976, rows);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches, first: " + string.Join(Environment.NewLine, mismatches.Take(10)));
    }
}
