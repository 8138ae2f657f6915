namespace Firebreak.Domain.Risks;

/// <summary>One row of a register document: the entry's id, what it says and the numbers of the incidents it names (ascending).</summary>
public sealed record RiskRow(RiskId Id, RiskFields Fields, IReadOnlyList<int> Incidents)
{
    /// <summary>The row of an entry.</summary>
    public static RiskRow Of(RiskEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Code, entry.Fields, [.. entry.Incidents.Select(l => l.Number).Distinct().Order()]);
    }
}

/// <summary>Where a register document is wrong: line and column (1-based; column counts UTF-16 code units), the column's name, what is wrong.</summary>
public sealed record RiskRegisterError(int Line, int Column, string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {Line}, column {Column} ({Field}): {Message}";
}

/// <summary>Where a row was read: its line, and the column of its Incidents cell (for errors found after reading, such as an unknown incident).</summary>
public sealed record RiskRowPlace(int Line, int IncidentsColumn);
