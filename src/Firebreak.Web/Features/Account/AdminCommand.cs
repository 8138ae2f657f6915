using Firebreak.Web.Data;
using Firebreak.Web.Data.Sealing;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// Server-side administration, run as <c>dotnet run --project src/Firebreak.Web -- admin …</c>
/// against the configured database. <c>create-user --email E [--admin] [--token]
/// [--password-stdin]</c> creates an account; with --token it prints a personal API token alone
/// on the last line, for automation and recovery. The audit commands (<c>verify-audit</c>,
/// <c>audit-key</c>, <c>audit-checkpoint</c>) are in <see cref="AuditAdminCommand"/>. <c>rotate-key [--new-key-stdin]</c>
/// rewraps the data keys under a new key-encryption key (docs/security.md, Data at rest). <c>setup-link [--url BASE]</c>
/// prints a fresh one-time link to create the first administrator while no account exists. <c>backup</c> and
/// <c>restore</c> are in <see cref="Operations.OperationsAdminCommand"/> (docs/operations.md).
/// </summary>
internal static class AdminCommand
{
    private const string Usage = "usage: admin create-user --email E [--admin] [--token] [--password-stdin] | admin rotate-key [--new-key-stdin] | admin setup-link [--url BASE] | " + AuditAdminCommand.Usage + " | " + Operations.OperationsAdminCommand.Usage;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (await AuditAdminCommand.TryRunAsync(services, args, output, error) is { } audited) return audited;
        if (await Operations.OperationsAdminCommand.TryRunAsync(services, args, output, error) is { } operated) return operated;
        if (args is ["rotate-key", .. var options])
            return await RotateKeyAsync(services, options, Console.In, output, error);
        if (args is ["setup-link", .. var linkOptions])
            return await SetupLinkAsync(services, linkOptions, output, error);
        if (args is not ["create-user", .. var rest])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        string? email = null;
        bool admin = false, token = false, passwordStdin = false;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--email" when i + 1 < rest.Length: email = rest[++i]; break;
                case "--admin": admin = true; break;
                case "--token": token = true; break;
                case "--password-stdin": passwordStdin = true; break;
                default:
                    await error.WriteLineAsync($"unknown or incomplete option '{rest[i]}'; {Usage}");
                    return 2;
            }
        }
        if (string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync($"--email is required; {Usage}");
            return 2;
        }
        var password = passwordStdin ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') : null;
        await using var scope = services.CreateAsyncScope();
        try
        {
            var user = await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(email, password, admin);
            await output.WriteLineAsync($"created {(admin ? "administrator" : "user")} {user.Email}");
            if (token)
            {
                var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "created by admin create-user", CancellationToken.None);
                await output.WriteLineAsync(secret);
            }
            return 0;
        }
        catch (Domain.Common.DomainException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// With the key in a file: a new key is written next to it (<c>.next</c>, 0600, flushed), the data keys
    /// are rewrapped under it in one transaction, and it replaces the old file (a crash in between is
    /// finished at the next start). With <c>--new-key-stdin</c> (the key comes from a setting): the new key
    /// is read from standard input, and the operator puts it in the setting before the next start.
    /// </summary>
    public static async Task<int> RotateKeyAsync(IServiceProvider services, string[] options, TextReader input, TextWriter output, TextWriter error)
    {
        var current = services.GetRequiredService<KeyEncryptionKey>();
        var fromStdin = options is ["--new-key-stdin"];
        if (!fromStdin && options.Length > 0 || !fromStdin && current.File is null)
        {
            await error.WriteLineAsync(current.File is null
                ? "The key-encryption key comes from Firebreak:KeyEncryptionKey: give the new one (base64, 32 bytes) on standard input with --new-key-stdin."
                : $"unknown option; {Usage}");
            return 2;
        }
        KeyEncryptionKey next;
        try
        {
            next = fromStdin ? KeyEncryptionKey.FromText(await input.ReadLineAsync() ?? "", "standard input") : KeyEncryptionKey.New(current.File);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        if (next.Id == current.Id)
        {
            await error.WriteLineAsync("The new key-encryption key is the current one; nothing to do.");
            return 1;
        }
        if (!fromStdin) KeyEncryptionKey.Write(current.NextFile!, next.Key);
        await using var scope = services.CreateAsyncScope();
        var count = await DataKeys.RewrapAsync(scope.ServiceProvider.GetRequiredService<FirebreakDbContext>(), current, next,
            services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        if (!fromStdin) File.Move(current.NextFile!, current.File!, overwrite: true);
        await output.WriteLineAsync($"rewrapped {count} data key(s) from key-encryption key {current.Id} to {next.Id}" +
            (fromStdin ? "; set Firebreak:KeyEncryptionKey to the new key before the next start" : $"; {current.File} now holds the new key"));
        return 0;
    }

    /// <summary>
    /// A new setup link for a server that has no account yet (the one printed at start-up scrolled away, or
    /// the server runs as a service). The base is --url, else Firebreak:PublicUrl, else the first of the
    /// configured urls, else the framework's default.
    /// </summary>
    private static async Task<int> SetupLinkAsync(IServiceProvider services, string[] options, TextWriter output, TextWriter error)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        string? url = null;
        if (options is ["--url", var given]) url = given;
        else if (options.Length > 0)
        {
            await error.WriteLineAsync($"unknown or incomplete option '{options[0]}'; usage: admin setup-link [--url BASE]");
            return 2;
        }
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            await error.WriteLineAsync($"--url '{url}' is not an absolute http or https address");
            return 2;
        }
        url ??= configuration["Firebreak:PublicUrl"] is { Length: > 0 } publicUrl ? publicUrl
            : configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://localhost:5000";
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Users.AnyAsync())
        {
            await error.WriteLineAsync("An account exists already, so there is no setup link: sign in, or create an account with admin create-user.");
            return 1;
        }
        await output.WriteAsync(AccountSetup.SetupLinkBlock(scope.ServiceProvider.GetRequiredService<SetupToken>().Issue(), url));
        return 0;
    }
}
