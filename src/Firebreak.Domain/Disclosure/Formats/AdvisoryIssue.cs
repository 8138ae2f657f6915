namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>One problem in an advisory document: where (a JSON path such as <c>$.document.tracking.version</c>) and what.</summary>
/// <param name="Path">JSON path of the offending value; <c>$</c> for the document.</param>
/// <param name="Message">What is wrong, and for a CSAF rule its number.</param>
public sealed record AdvisoryIssue(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
