using Firebreak.Domain.Common;
using Firebreak.Web.Infrastructure.Audit;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// The audit commands of <c>admin</c>. <c>verify-audit [--checkpoint FILE [--public-key FILE]]</c>
/// walks the chain and, given a checkpoint, first checks its signature (with the public key given,
/// else the server's own key file) and then that the chain still holds its head. Exit 0 intact,
/// 1 tampered, 2 usage or a bad checkpoint. <c>audit-key</c> prints the public key and its id;
/// <c>audit-checkpoint</c> takes a checkpoint now and prints its file.
/// </summary>
internal static class AuditAdminCommand
{
    public const string Usage = "admin verify-audit [--checkpoint FILE [--public-key FILE]] | admin audit-key | admin audit-checkpoint";

    /// <summary>The exit code, or null when the arguments are not an audit command.</summary>
    public static async Task<int?> TryRunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error) => args switch
    {
        ["verify-audit"] => await VerifyAsync(services, null, null, output, error),
        ["verify-audit", "--checkpoint", var file] => await VerifyAsync(services, file, null, output, error),
        ["verify-audit", "--checkpoint", var file, "--public-key", var key] => await VerifyAsync(services, file, key, output, error),
        ["verify-audit", "--public-key", var key, "--checkpoint", var file] => await VerifyAsync(services, file, key, output, error),
        ["verify-audit", ..] => await UsageAsync(error),
        ["audit-key"] => await PrintKeyAsync(services, output),
        ["audit-checkpoint"] => await CheckpointAsync(services, output, error),
        _ => null,
    };

    private static async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync($"usage: {Usage}");
        return 2;
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, string? file, string? publicKey, TextWriter output, TextWriter error)
    {
        AuditCheckpoint? checkpoint = null;
        if (file is not null)
        {
            var (read, problem) = Checkpoint(services, file, publicKey);
            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                return 2;
            }
            checkpoint = read;
        }
        await using var scope = services.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(checkpoint?.Chain(ChainHead.Audit), CancellationToken.None);
        if (!verdict.Intact)
        {
            await error.WriteLineAsync(verdict.ToString());
            return 1;
        }
        var anchored = checkpoint is null ? "" : $"; it holds the checkpoint of {CanonicalEncoding.Instant(checkpoint.At)} " +
            $"(record {checkpoint.Chain(ChainHead.Audit)!.Sequence}, key {checkpoint.KeyId})";
        await output.WriteLineAsync(verdict + anchored);
        return 0;
    }

    /// <summary>The checkpoint in the file when it is well-formed and signed by the key; otherwise why not.</summary>
    private static (AuditCheckpoint?, string?) Checkpoint(IServiceProvider services, string file, string? publicKeyFile)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the checkpoint {file}: {e.Message}");
        }
        if (!AuditCheckpoint.TryParse(text, out var checkpoint, out var parseError)) return (null, $"{file}: {parseError}");
        NSec.Cryptography.PublicKey? key;
        if (publicKeyFile is not null)
        {
            key = File.Exists(publicKeyFile) ? AuditSigningKey.ReadPublicPem(File.ReadAllText(publicKeyFile)) : null;
            if (key is null) return (null, $"{publicKeyFile} is not an Ed25519 public key (PEM, BEGIN PUBLIC KEY); print one with admin audit-key");
        }
        else
        {
            var path = services.GetRequiredService<AuditSigningKey>().Path;
            key = AuditSigningKey.ReadPublicOfPrivate(path);
            if (key is null) return (null, $"there is no audit signing key at {path}; pass --public-key FILE");
        }
        var id = AuditSigningKey.IdOf(key);
        if (checkpoint!.KeyId != id) return (null, $"{file} names key {checkpoint.KeyId}, not {id}, the key it is checked with");
        if (!AuditSigningKey.Verify(key, checkpoint.SignedBytes(), checkpoint.Signature))
            return (null, $"{file}: the signature does not verify with key {id}: the checkpoint was altered or forged");
        if (checkpoint.Chain(ChainHead.Audit) is null) return (null, $"{file} holds no head of the {ChainHead.Audit} chain");
        return (checkpoint, null);
    }

    private static async Task<int> PrintKeyAsync(IServiceProvider services, TextWriter output)
    {
        var key = services.GetRequiredService<AuditSigningKey>();
        await output.WriteLineAsync($"# {key.KeyId} (private key: {key.Path})");
        await output.WriteAsync(key.PublicKeyPem);
        return 0;
    }

    private static async Task<int> CheckpointAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<TakeCheckpoint>().ExecuteAsync(onlyWhenMoved: false, CancellationToken.None);
        if (outcome.Problem is { } problem)
        {
            await error.WriteLineAsync($"no checkpoint written: {problem}");
            return 1;
        }
        await output.WriteLineAsync($"checkpoint of record {outcome.Checkpoint!.Chain(ChainHead.Audit)!.Sequence} written to {outcome.File}");
        return 0;
    }
}
