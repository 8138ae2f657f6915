namespace Firebreak.Domain.Advisories.Index;

/// <summary>What importing one source changed.</summary>
/// <param name="Records">Records (or KEV entries) the source now holds.</param>
/// <param name="Replaced">True when the source had been imported before and was replaced.</param>
/// <param name="KeptNewer">Ids whose stored copy was kept because it was modified later than the imported one.</param>
/// <param name="Removed">Ids the source held before that the new import no longer has.</param>
public sealed record AdvisoryImportSummary(int Records, bool Replaced, int KeptNewer, int Removed);
