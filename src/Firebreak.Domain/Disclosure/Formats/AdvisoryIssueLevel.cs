namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>How much an <see cref="AdvisoryIssue"/> matters: an error makes the document invalid; CSAF's optional (6.2) and informative (6.3) tests only warn.</summary>
public enum AdvisoryIssueLevel
{
    /// <summary>The document breaks its format (a schema rule or a mandatory test).</summary>
    Error,

    /// <summary>An optional or informative test of CSAF 2.0 (sections 6.2 and 6.3) does not pass.</summary>
    Warning,
}
