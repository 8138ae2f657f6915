namespace Firebreak.Web.Features.Incidents;

/// <summary>What can be done to a step.</summary>
internal enum StepAction
{
    Complete,
    Skip,
    Reopen,
    Decide,
}

/// <summary>Body of the step endpoints: evidence for complete/decide, reason for skip, option for decide.</summary>
internal sealed record StepRequest(IReadOnlyDictionary<string, string>? Evidence, string? Reason, string? Option);
