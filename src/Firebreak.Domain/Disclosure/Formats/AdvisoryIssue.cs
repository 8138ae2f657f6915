namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>One problem in an advisory document: where (a JSON path such as <c>$.document.tracking.version</c>) and what.</summary>
/// <param name="Path">JSON path of the offending value; <c>$</c> for the document.</param>
/// <param name="Message">What is wrong, and for a CSAF test its number.</param>
/// <param name="Level">Error (the document is invalid) or warning (CSAF's optional and informative tests).</param>
public sealed record AdvisoryIssue(string Path, string Message, AdvisoryIssueLevel Level = AdvisoryIssueLevel.Error)
{
    /// <summary>Whether the issue makes the document invalid.</summary>
    public bool IsError => Level == AdvisoryIssueLevel.Error;

    /// <inheritdoc />
    public override string ToString() => Level == AdvisoryIssueLevel.Error ? $"{Path}: {Message}" : $"{Path}: warning: {Message}";
}
