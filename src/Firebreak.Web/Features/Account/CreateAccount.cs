using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Firebreak.Web.Features.Account;

/// <summary>Creates a local account, with or without a password (a token-only account signs in by API).</summary>
internal sealed class CreateAccount(UserManager<AppUser> users, TimeProvider time)
{
    public async Task<AppUser> ExecuteAsync(string email, string? password, bool admin)
    {
        email = (email ?? "").Trim();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, IsAdmin = admin, CreatedAt = time.GetUtcNow().UtcDateTime };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new DomainException("The account was not created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }
}
