using System.Net;
using System.Text;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Tests.Account;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Data;

/// <summary>
/// The key-encryption key: made on first start (owner-only), rotated by <c>admin rotate-key</c> without
/// touching sealed values, after which the old key opens nothing; and the TOTP key shown at setup is not
/// in the database.
/// </summary>
public sealed class KeyRotationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RotateKey_OldValuesStillRead_OldKeyNoLongerOpensTheDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"firebreak-rotate-{Guid.NewGuid():N}.db");
        try
        {
            string id, oldKey;
            await using (var first = new SqliteFactory(file, keepFile: true))
            {
                var (api, _) = await first.CreateUserClientAsync(admin: true);
                await api.PostJsonAsync("/api/v1/projects", new { slug = "rotated", name = "Rotated" }, HttpStatusCode.Created);
                id = (string)(await api.PostJsonAsync("/api/v1/projects/rotated/incidents", new { kind = "other", title = "Sealed before the rotation", severity = "low" }, HttpStatusCode.Created))["id"]!;
                if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.KeyFile));
                oldKey = await File.ReadAllTextAsync(first.KeyFile, Ct);

                var output = new StringWriter();
                var error = new StringWriter();
                Assert.True(await AdminCommand.RotateKeyAsync(first.Services, [], new StringReader(""), output, error) == 0, error.ToString());
                Assert.Contains("rewrapped 1 data key(s)", output.ToString(), StringComparison.Ordinal);
                Assert.NotEqual(oldKey, await File.ReadAllTextAsync(first.KeyFile, Ct));
                Assert.False(File.Exists(first.KeyFile + ".next"));
                // The running server keeps its unwrapped data key: nothing it does changes.
                Assert.Equal("Sealed before the rotation", (string?)(await api.GetJsonAsync($"/api/v1/incidents/{id}"))["title"]);
            }

            await using (var second = new SqliteFactory(file, keepFile: true))
            {
                var (again, _) = await second.CreateUserClientAsync(admin: true);
                Assert.Equal("Sealed before the rotation", (string?)(await again.GetJsonAsync($"/api/v1/incidents/{id}"))["title"]);
            }

            await using var withOldKey = new SqliteFactory(file, keepFile: true);
            withOldKey.Settings["Firebreak:KeyEncryptionKey"] = oldKey;
            var refused = Assert.ThrowsAny<Exception>(() => withOldKey.CreateClient());
            Assert.Contains("does not open data key", refused.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            if (Directory.Exists(file + ".data")) Directory.Delete(file + ".data", recursive: true);
        }
    }

    [Fact]
    public async Task RotateKey_FromStandardInput_WhenTheKeyIsASetting()
    {
        var current = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var next = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var file = Path.Combine(Path.GetTempPath(), $"firebreak-rotate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = new SqliteFactory(file, keepFile: true))
            {
                first.Settings["Firebreak:KeyEncryptionKey"] = current;
                var (api, _) = await first.CreateUserClientAsync(admin: true);
                Assert.False(File.Exists(first.KeyFile)); // a key given as a setting is not written anywhere
                var error = new StringWriter();
                Assert.Equal(2, await AdminCommand.RotateKeyAsync(first.Services, [], new StringReader(""), new StringWriter(), error));
                Assert.Contains("--new-key-stdin", error.ToString(), StringComparison.Ordinal);
                Assert.Equal(0, await AdminCommand.RotateKeyAsync(first.Services, ["--new-key-stdin"], new StringReader(next + "\n"), new StringWriter(), error));
            }
            await using var second = new SqliteFactory(file, keepFile: true);
            second.Settings["Firebreak:KeyEncryptionKey"] = next;
            await second.CreateUserClientAsync(admin: true);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            if (Directory.Exists(file + ".data")) Directory.Delete(file + ".data", recursive: true);
        }
    }

    [Fact]
    public async Task TotpKeyShownAtSetup_AndRecoveryCodes_AreNotInTheDatabase()
    {
        await using var factory = new SqliteFactory();
        var (_, key, codes) = await TwoFactorTests.EnableAsync(factory);
        var stored = key.Replace(" ", "", StringComparison.Ordinal);
        var needles = new[] { key, stored, stored.ToUpperInvariant() }.Concat(codes).ToList();
        var raw = Encoding.UTF8.GetString(Read(factory.DatabaseFile)) + Encoding.UTF8.GetString(Read(factory.DatabaseFile + "-wal"));
        Assert.All(needles, n => Assert.DoesNotContain(n, raw, StringComparison.OrdinalIgnoreCase));
    }

    private static byte[] Read(string file)
    {
        if (!File.Exists(file)) return [];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
