namespace Firebreak.Domain.Vex;

/// <summary>Why a finding is not counted: the VEX statement that settled it, kept so reports can show the reason.</summary>
/// <param name="Vulnerability">The statement's vulnerability name.</param>
/// <param name="Status">Not affected or fixed (the only statuses that suppress).</param>
/// <param name="Justification">The statement's justification, if any.</param>
/// <param name="ImpactStatement">The statement's impact statement, if any.</param>
/// <param name="Timestamp">When the statement was made.</param>
public sealed record VexSuppression(string Vulnerability, VexStatus Status, VexJustification? Justification, string? ImpactStatement, DateTimeOffset Timestamp)
{
    /// <summary>A short human reason: the justification word, the impact statement, or the status.</summary>
    public string Reason => string.Join(": ", new[]
    {
        Justification is { } j ? VexTerms.ToText(j) : VexTerms.ToText(Status),
        ImpactStatement,
    }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
