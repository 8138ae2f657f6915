namespace Firebreak.Web.Features.Intake.Threads;

/// <summary>What triage concluded about a report. No verdict deletes anything: spam is kept, rejected and silent.</summary>
internal enum TriageVerdict
{
    /// <summary>A real vulnerability: on to assessment.</summary>
    Valid,
    /// <summary>Already reported: linked to the original.</summary>
    Duplicate,
    /// <summary>Not a vulnerability (informative).</summary>
    Informative,
    /// <summary>Outside the project's security scope.</summary>
    OutOfScope,
    /// <summary>Junk or abuse: rejected without a reply.</summary>
    Spam,
}
