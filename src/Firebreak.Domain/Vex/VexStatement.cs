namespace Firebreak.Domain.Vex;

/// <summary>
/// One OpenVEX statement: what its author asserts about a vulnerability in some products. The constructor
/// enforces the spec's rules that a <c>not_affected</c> statement says why (a justification or an impact
/// statement) and an <c>affected</c> one says what to do (an action statement).
/// </summary>
public sealed record VexStatement
{
    /// <summary>Creates a statement; throws <see cref="ArgumentException"/> when a rule above is broken.</summary>
    public VexStatement(string vulnerability, IReadOnlyList<string> aliases, IReadOnlyList<VexProduct> products, VexStatus status,
        DateTimeOffset timestamp, VexJustification? justification = null, string? impactStatement = null, string? actionStatement = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vulnerability);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(products);
        if (status == VexStatus.NotAffected && justification is null && string.IsNullOrWhiteSpace(impactStatement))
            throw new ArgumentException("A not_affected statement needs a justification or an impact statement.", nameof(justification));
        if (status == VexStatus.Affected && string.IsNullOrWhiteSpace(actionStatement))
            throw new ArgumentException("An affected statement needs an action statement.", nameof(actionStatement));
        Vulnerability = vulnerability;
        Aliases = aliases;
        Products = products;
        Status = status;
        Timestamp = timestamp;
        Justification = justification;
        ImpactStatement = impactStatement;
        ActionStatement = actionStatement;
    }

    /// <summary>The vulnerability's main identifier (<c>vulnerability.name</c>), e.g. a CVE or GHSA id.</summary>
    public string Vulnerability { get; }

    /// <summary>Other names of the vulnerability (<c>vulnerability.aliases</c>).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Products the statement applies to.</summary>
    public IReadOnlyList<VexProduct> Products { get; }

    /// <summary>The asserted status.</summary>
    public VexStatus Status { get; }

    /// <summary>
    /// When the statement was known to be true: its own <c>last_updated</c> or <c>timestamp</c>, else the
    /// document's (the spec makes statements inherit the document's time). Orders statements: the latest wins.
    /// </summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Why the product is not affected, when the status is <see cref="VexStatus.NotAffected"/>.</summary>
    public VexJustification? Justification { get; }

    /// <summary>Free-text reason the product is not affected.</summary>
    public string? ImpactStatement { get; }

    /// <summary>What to do, for an affected product.</summary>
    public string? ActionStatement { get; }

    /// <summary>The vulnerability's name followed by its aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Vulnerability);
}
