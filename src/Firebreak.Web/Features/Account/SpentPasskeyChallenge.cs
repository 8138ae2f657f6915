using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// A passkey challenge that has been answered once. Identity keeps the challenge in a short-lived
/// cookie and clears it after use, but a copy of that cookie and the signed answer could be sent
/// again; a second answer to the same challenge finds this row and is refused.
/// </summary>
internal sealed class SpentPasskeyChallenge
{
    /// <summary>SHA-256 of the challenge bytes (32 bytes).</summary>
    public required byte[] Hash { get; init; }

    /// <summary>After this instant (UTC) the challenge's cookie has long expired, so the row may go.</summary>
    public DateTime KeepUntil { get; init; }
}

internal sealed class SpentPasskeyChallengeConfiguration : IEntityTypeConfiguration<SpentPasskeyChallenge>
{
    public void Configure(EntityTypeBuilder<SpentPasskeyChallenge> spent)
    {
        spent.ToTable("SpentPasskeyChallenges");
        spent.HasKey(s => s.Hash);
        spent.Property(s => s.Hash).HasMaxLength(32);
        spent.HasIndex(s => s.KeepUntil);
    }
}

/// <summary>Identity stores what a passkey is; when it was last used to sign in is ours to keep, beside it.</summary>
internal sealed class UserPasskeyConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<string>>
{
    /// <summary>The shadow column with the instant (UTC) of the last sign-in or confirmation with the passkey; null when never used.</summary>
    public const string LastUsedAt = "LastUsedAt";

    public void Configure(EntityTypeBuilder<IdentityUserPasskey<string>> passkey) => passkey.Property<DateTime?>(LastUsedAt);
}
