using Microsoft.AspNetCore.Identity;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// Who the passkeys belong to (the WebAuthn relying party). With <c>Firebreak:PublicUrl</c> set, its
/// host is the relying party id and its origin the only one accepted, so a proxy in front of the
/// server (TLS ended there, another Host header) changes nothing and a forged Host header cannot
/// move the passkeys elsewhere. Without it (development, tests) the request's own host and origin are used.
/// </summary>
internal static class PasskeyRelyingParty
{
    public static void Configure(IdentityPasskeyOptions options, string? publicUrl)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UserVerificationRequirement = "required"; // the authenticator checks a PIN or biometric: the second factor
        options.ResidentKeyRequirement = "required"; // discoverable, so sign-in needs no e-mail first
        options.AuthenticatorTimeout = TimeSpan.FromMinutes(3);
        if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var url)) return;
        options.ServerDomain = url.Host;
        var origin = url.GetLeftPart(UriPartial.Authority);
        options.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin
            && string.Equals(context.Origin, origin, StringComparison.OrdinalIgnoreCase));
    }
}
