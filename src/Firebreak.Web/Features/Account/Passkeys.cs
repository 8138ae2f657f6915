using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Firebreak.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// Passkeys (WebAuthn) through Identity's own ceremonies: the server makes the options and keeps
/// the challenge, the browser's authenticator answers, and the answer is checked here. What comes
/// back from the browser is untrusted: anything malformed, expired, replayed or belonging to
/// another account ends as a refusal with a sentence for the page, never an exception.
/// </summary>
internal sealed class Passkeys(SignInManager<AppUser> signIn, UserManager<AppUser> users, FirebreakDbContext db, TimeProvider time)
{
    /// <summary>Real answers are one to three kilobytes; anything far larger is not one.</summary>
    public const int MaxCredentialLength = 32 * 1024;

    public const int MaxNameLength = 100;

    private const string Expired = "That passkey request expired or was already answered. Start again.";
    private const string NoAnswer = "No passkey answer arrived: passkeys need JavaScript in this browser. Allow scripts for this site, or use the password.";
    private const string Malformed = "The browser's passkey answer could not be read. Start again; if it keeps failing, this browser may not support passkeys.";

    /// <summary>Options for <c>navigator.credentials.create()</c>, for a new passkey of <paramref name="account"/>.</summary>
    public Task<string> CreationOptionsAsync(AppUser account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var name = account.Email ?? account.UserName ?? account.Id;
        return signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = account.Id, Name = name, DisplayName = name });
    }

    /// <summary>Options for <c>navigator.credentials.get()</c>: any passkey of this site (null), or only <paramref name="account"/>'s.</summary>
    public Task<string> RequestOptionsAsync(AppUser? account) => signIn.MakePasskeyRequestOptionsAsync(account);

    /// <summary>Checks the browser's answer to <see cref="CreationOptionsAsync"/> and stores the new passkey; returns why not, or null when stored.</summary>
    public async Task<string?> RegisterAsync(AppUser account, string? name, string? credentialJson, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) return "Name the passkey (for example, the device it lives on).";
        if (name.Length > MaxNameLength) return $"A passkey's name has at most {MaxNameLength} characters.";
        if (string.IsNullOrWhiteSpace(credentialJson)) return NoAnswer;
        if (Read(credentialJson) is not { } answer) return Malformed;
        PasskeyAttestationResult result;
        try
        {
            result = await signIn.PerformPasskeyAttestationAsync(credentialJson!);
        }
        catch (InvalidOperationException)
        {
            return Expired; // no creation under way in this browser (expired, answered, or never started)
        }
        if (!result.Succeeded) return $"The passkey was not accepted: {result.Failure.Message}";
        if (!string.Equals(result.UserEntity.Id, account.Id, StringComparison.Ordinal)) return "That passkey request was made for another account.";
        if (!await SpendAsync(answer.Challenge, ct)) return Expired;
        var made = result.Passkey;
        // Identity stamps the creation with the wall clock; this server's instants come from its TimeProvider.
        var passkey = new UserPasskeyInfo(made.CredentialId, made.PublicKey, time.GetUtcNow(), made.SignCount, made.Transports,
            made.IsUserVerified, made.IsBackupEligible, made.IsBackedUp, made.AttestationObject, made.ClientDataJson) { Name = name };
        var saved = await users.AddOrUpdatePasskeyAsync(account, passkey);
        return saved.Succeeded ? null : string.Join(" ", saved.Errors.Select(e => e.Description));
    }

    /// <summary>
    /// Checks the browser's answer to <see cref="RequestOptionsAsync"/>. A failure that can be
    /// pinned on an account (the expected one, or the one owning the presented passkey) counts
    /// towards its lockout like a wrong password; a success resets the count and updates the
    /// passkey's sign count and last use.
    /// </summary>
    public async Task<PasskeyCheck> VerifyAsync(string? credentialJson, AppUser? expected, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(credentialJson)) return new(expected, null, NoAnswer, "no answer (no script in the browser)");
        if (Read(credentialJson) is not { } answer) return new(expected, null, Malformed, "unreadable answer");
        PasskeyAssertionResult<AppUser> result;
        try
        {
            result = await signIn.PerformPasskeyAssertionAsync(credentialJson!);
        }
        catch (InvalidOperationException)
        {
            return new(expected ?? await OwnerAsync(answer), null, Expired, "no passkey request under way (expired or already answered)");
        }
        if (!result.Succeeded)
            return await FailedAsync(expected ?? await OwnerAsync(answer), "That passkey was not accepted.", result.Failure.Message);
        var account = result.User;
        if (!await SpendAsync(answer.Challenge, ct)) return await FailedAsync(account, Expired, "a challenge answered a second time (replay)");
        if (await users.IsLockedOutAsync(account)) return new(account, null, Locked, "locked out", LockedOut: true);
        if (!await signIn.CanSignInAsync(account)) return new(account, null, "This account may not sign in.", "not allowed");
        var stored = await users.AddOrUpdatePasskeyAsync(account, result.Passkey);
        if (!stored.Succeeded) return new(account, null, "That passkey was not accepted.", "its sign count could not be saved");
        await users.ResetAccessFailedCountAsync(account);
        var id = result.Passkey.CredentialId;
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<IdentityUserPasskey<string>>().Where(p => p.CredentialId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<DateTime?>(p, UserPasskeyConfiguration.LastUsedAt), now), ct);
        return new(account, result.Passkey, null, $"succeeded with passkey '{result.Passkey.Name}'");
    }

    /// <summary>The account's passkeys, oldest first.</summary>
    public async Task<IReadOnlyList<PasskeyRow>> ListAsync(AppUser account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var id = account.Id;
        var used = (await db.Set<IdentityUserPasskey<string>>().Where(p => p.UserId == id)
                .Select(p => new { p.CredentialId, LastUsed = EF.Property<DateTime?>(p, UserPasskeyConfiguration.LastUsedAt) }).ToListAsync(ct))
            .ToDictionary(p => Base64Url.EncodeToString(p.CredentialId), p => p.LastUsed, StringComparer.Ordinal);
        return [.. (await users.GetPasskeysAsync(account)).OrderBy(p => p.CreatedAt).Select(p =>
        {
            var key = Base64Url.EncodeToString(p.CredentialId);
            return new PasskeyRow(key, p.Name ?? "unnamed passkey", p.CreatedAt.UtcDateTime, used.GetValueOrDefault(key));
        })];
    }

    /// <summary>Renames one of the account's passkeys; returns its old name, or null when the account has no such passkey.</summary>
    public async Task<string?> RenameAsync(AppUser account, string? credentialId, string name)
    {
        if (await FindAsync(account, credentialId) is not { } passkey) return null;
        var old = passkey.Name ?? "unnamed passkey";
        passkey.Name = name;
        return (await users.AddOrUpdatePasskeyAsync(account, passkey)).Succeeded ? old : null;
    }

    /// <summary>Removes one of the account's passkeys; returns its name, or null when the account has no such passkey.</summary>
    public async Task<string?> RemoveAsync(AppUser account, string? credentialId)
    {
        if (await FindAsync(account, credentialId) is not { } passkey) return null;
        return (await users.RemovePasskeyAsync(account, passkey.CredentialId)).Succeeded ? passkey.Name ?? "unnamed passkey" : null;
    }

    private const string Locked = "This account is locked for a while after too many failed attempts.";

    private async Task<UserPasskeyInfo?> FindAsync(AppUser account, string? credentialId)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrEmpty(credentialId) || credentialId.Length > 2048 || !Base64Url.IsValid(credentialId)) return null;
        return await users.GetPasskeyAsync(account, Base64Url.DecodeFromChars(credentialId));
    }

    private async Task<PasskeyCheck> FailedAsync(AppUser? account, string refusal, string detail)
    {
        if (account is null) return new(null, null, refusal, detail);
        await users.AccessFailedAsync(account);
        var locked = await users.IsLockedOutAsync(account);
        return new(account, null, locked ? Locked : refusal, detail, LockedOut: locked);
    }

    /// <summary>The account owning the passkey the answer names, if any: a failed answer for it counts against that account.</summary>
    private async Task<AppUser?> OwnerAsync(Answer answer) =>
        answer.CredentialId is { } id ? await users.FindByPasskeyIdAsync(id) : null;

    /// <summary>
    /// Marks a challenge as answered. The first answer wins; a second (a copied cookie and answer
    /// sent again) finds the row, or loses the race on the primary key, and is refused.
    /// </summary>
    private async Task<bool> SpendAsync(byte[] challenge, CancellationToken ct)
    {
        var hash = SHA256.HashData(challenge);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<SpentPasskeyChallenge>().Where(s => s.KeepUntil < now).ExecuteDeleteAsync(ct);
        if (await db.Set<SpentPasskeyChallenge>().AnyAsync(s => s.Hash == hash, ct)) return false;
        var spent = new SpentPasskeyChallenge { Hash = hash, KeepUntil = now.AddHours(1) };
        db.Add(spent);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(spent).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>The parts of an answer read before Identity checks it; null when it is not a WebAuthn answer at all.</summary>
    private static Answer? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > MaxCredentialLength) return null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object
                || !response.TryGetProperty("clientDataJSON", out var clientData) || clientData.ValueKind != JsonValueKind.String
                || clientData.GetString() is not { } clientDataText || !Base64Url.IsValid(clientDataText))
                return null;
            using var client = JsonDocument.Parse(Base64Url.DecodeFromChars(clientDataText), new JsonDocumentOptions { MaxDepth = 16 });
            if (client.RootElement.ValueKind != JsonValueKind.Object || !client.RootElement.TryGetProperty("challenge", out var challenge)
                || challenge.ValueKind != JsonValueKind.String || challenge.GetString() is not { } challengeText || !Base64Url.IsValid(challengeText))
                return null;
            byte[]? credentialId = root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 2048 } idText
                && Base64Url.IsValid(idText) ? Base64Url.DecodeFromChars(idText) : null;
            return new Answer(Base64Url.DecodeFromChars(challengeText), credentialId);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Answer(byte[] Challenge, byte[]? CredentialId);
}

/// <summary>The outcome of a passkey answer: the account when known, the passkey when accepted, and the page's refusal otherwise.</summary>
/// <param name="Account">Whose passkey it was (on a refusal, the account the failure counted against, if any).</param>
/// <param name="Passkey">The accepted passkey; null on a refusal.</param>
/// <param name="Refusal">The sentence for the page; null when accepted.</param>
/// <param name="Detail">What happened, for the audit record.</param>
/// <param name="LockedOut">The account is locked out (now or already).</param>
internal sealed record PasskeyCheck(AppUser? Account, UserPasskeyInfo? Passkey, string? Refusal, string Detail, bool LockedOut = false);

/// <summary>One passkey as the account page lists it.</summary>
/// <param name="Id">The credential id, base64url.</param>
/// <param name="Name">The name its owner gave it.</param>
/// <param name="CreatedAt">When it was registered (UTC).</param>
/// <param name="LastUsedAt">When it last signed in or confirmed (UTC); null when never.</param>
internal sealed record PasskeyRow(string Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt);
