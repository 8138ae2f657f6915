using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// Server-side administration, run as <c>dotnet run --project src/Firebreak.Web -- admin …</c>
/// against the configured database. <c>create-user --email E [--admin] [--token]
/// [--password-stdin]</c> creates an account; with --token it prints a personal API token alone
/// on the last line, for automation and recovery. The audit commands (<c>verify-audit</c>,
/// <c>audit-key</c>, <c>audit-checkpoint</c>) are in <see cref="AuditAdminCommand"/>.
/// </summary>
internal static class AdminCommand
{
    private const string Usage = "usage: admin create-user --email E [--admin] [--token] [--password-stdin] | " + AuditAdminCommand.Usage;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (await AuditAdminCommand.TryRunAsync(services, args, output, error) is { } audited) return audited;
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
}
