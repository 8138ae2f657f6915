using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Secrets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// Identity's store with its tokens (<c>AspNetUserTokens</c>: the authenticator key, the recovery codes)
/// stored protected instead of as given: a copy of the database yields no TOTP key and no recovery code.
/// Each value is bound to its token's provider and name. A value that cannot be read (altered, or its
/// Data Protection key lost) reads as absent: the second factor then fails, and the account's owner
/// sets it up again after signing in with a recovery code or an administrator's help.
/// </summary>
internal sealed class ProtectedTokenUserStore(FirebreakDbContext context, StoredSecrets secrets, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, FirebreakDbContext, string, IdentityUserClaim<string>, IdentityUserRole<string>, IdentityUserLogin<string>,
        IdentityUserToken<string>, IdentityRoleClaim<string>, IdentityUserPasskey<string>>(context, describer)
{
    public override Task SetTokenAsync(AppUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : secrets.Protect(StoredSecrets.Purposes.IdentityToken, value, loginProvider, name), cancellationToken);

    public override async Task<string?> GetTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        await base.GetTokenAsync(user, loginProvider, name, cancellationToken) is { } stored
            ? secrets.Reveal(StoredSecrets.Purposes.IdentityToken, stored, loginProvider, name)
            : null;
}
