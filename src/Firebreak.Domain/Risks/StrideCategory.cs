namespace Firebreak.Domain.Risks;

/// <summary>
/// The six STRIDE threat categories. Each has a one-letter code (its initial, which spells STRIDE) used in the
/// register's Markdown table, and a wire name (<c>information-disclosure</c>) used in JSON, URLs and forms.
/// </summary>
public enum StrideCategory
{
    /// <summary>Pretending to be someone or something else.</summary>
    Spoofing,
    /// <summary>Changing data or code without permission.</summary>
    Tampering,
    /// <summary>Denying an action when nothing can prove it.</summary>
    Repudiation,
    /// <summary>Exposing information to someone not allowed to see it.</summary>
    InformationDisclosure,
    /// <summary>Making a service unavailable or degraded.</summary>
    DenialOfService,
    /// <summary>Gaining capabilities without authorisation.</summary>
    ElevationOfPrivilege,
}

/// <summary>Letter codes and bit masks of <see cref="StrideCategory"/>.</summary>
public static class StrideCategories
{
    /// <summary>Every category in STRIDE order.</summary>
    public static IReadOnlyList<StrideCategory> All { get; } = Enum.GetValues<StrideCategory>();

    /// <summary>The category's initial: S, T, R, I, D or E.</summary>
    public static char Letter(this StrideCategory category) => category switch
    {
        StrideCategory.Spoofing => 'S',
        StrideCategory.Tampering => 'T',
        StrideCategory.Repudiation => 'R',
        StrideCategory.InformationDisclosure => 'I',
        StrideCategory.DenialOfService => 'D',
        StrideCategory.ElevationOfPrivilege => 'E',
    };

    /// <summary>The category of a letter (either case), or null.</summary>
    public static StrideCategory? FromLetter(char letter) =>
        All.Cast<StrideCategory?>().FirstOrDefault(c => c!.Value.Letter() == char.ToUpperInvariant(letter));

    /// <summary>The category's bit in a stored mask (bit 0 for spoofing … bit 5 for elevation of privilege).</summary>
    public static int Bit(this StrideCategory category) => 1 << (int)category;

    /// <summary>The mask of a set of categories.</summary>
    public static int MaskOf(IEnumerable<StrideCategory> categories) => categories.Aggregate(0, (mask, c) => mask | c.Bit());

    /// <summary>The categories of a mask, in STRIDE order.</summary>
    public static IReadOnlyList<StrideCategory> FromMask(int mask) => [.. All.Where(c => (mask & c.Bit()) != 0)];
}
