namespace Firebreak.Domain.Risks;

/// <summary>
/// The band a risk rating falls in. Likelihood and impact are each scored 1 (lowest) to 5 (highest); the rating is
/// their product (1 to 25): 1–4 low, 5–9 medium, 10–16 high, 20–25 critical (no product of two scores lies
/// between 16 and 20).
/// </summary>
public enum RiskLevel
{
    /// <summary>Rating 1–4.</summary>
    Low,
    /// <summary>Rating 5–9.</summary>
    Medium,
    /// <summary>Rating 10–16.</summary>
    High,
    /// <summary>Rating 20–25.</summary>
    Critical,
}

/// <summary>The scale of likelihood and impact, and the rating they give.</summary>
public static class RiskScale
{
    /// <summary>The lowest score of likelihood or impact.</summary>
    public const int Min = 1;

    /// <summary>The highest score of likelihood or impact.</summary>
    public const int Max = 5;

    /// <summary>The band of a rating (likelihood × impact).</summary>
    public static RiskLevel LevelOf(int rating) => rating switch
    {
        <= 4 => RiskLevel.Low,
        <= 9 => RiskLevel.Medium,
        <= 16 => RiskLevel.High,
        _ => RiskLevel.Critical,
    };
}
