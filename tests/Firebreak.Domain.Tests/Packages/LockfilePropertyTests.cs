using CsCheck;
using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>
/// CsCheck properties: whatever text a reader is given, it returns or throws <see cref="LockfileFormatException"/> —
/// never another exception. Plain random strings rarely get past the first check, so each format also gets text
/// assembled from its own fragments (indentation, separators, keywords) to reach the deeper branches.
/// </summary>
public sealed class LockfilePropertyTests
{
    private static Gen<string> Fragments(params string[] fragments) =>
        Gen.OneOf(Gen.Int[0, fragments.Length - 1].Select(i => fragments[i]), Gen.String[Gen.Char["a1 @/:.-_=\"'\n\\#()[]{},!~^*"], 0, 4])
            .Array[0, 40].Select(parts => string.Concat(parts));

    private static readonly Gen<string> Text = Gen.OneOf(Gen.String, Gen.String[Gen.Char.AlphaNumeric, 0, 50]);

    private static void NeverThrowsOtherwise(LockfileFormat format, Gen<string> gen) =>
        Gen.OneOf(Text, gen).Sample(text =>
        {
            var exception = Record.Exception(() => Lockfile.Read(format, text, "lockfile"));
            Assert.True(exception is null or LockfileFormatException, $"{format}: {exception}\n--- input ---\n{text}");
        }, iter: 2000);

    [Fact]
    public void NuGetRead_ArbitraryText_OnlyLockfileFormatException() => NeverThrowsOtherwise(LockfileFormat.NuGet,
        Fragments("{", "}", "\"dependencies\"", ":", ",", "\"net8.0\"", "\"type\"", "\"Direct\"", "\"Project\"", "\"resolved\"", "\"1.0.0\"", "\"A\"", "[", "]", "null", "\"\""));

    [Fact]
    public void RequirementsRead_ArbitraryText_OnlyLockfileFormatException() => NeverThrowsOtherwise(LockfileFormat.Requirements,
        Fragments("\n", "pkg", "==", "===", ">=", "1.0", " ", "[extra]", "[", ";", "python_version < \"3\"", " --hash=sha256:1", " \\\n", "# c", "-r x", "-e .", "@ https://x", "./p", ","));

    [Fact]
    public void GoModRead_ArbitraryText_OnlyLockfileFormatException() => NeverThrowsOtherwise(LockfileFormat.GoMod,
        Fragments("\n", "module m", "go 1.16", "toolchain go1.2", "require", "replace", "exclude", " (", ")", " ", "\t", "github.com/a/b", "v1.0.0", "=>", "./local", "// indirect", "\"x\"", "`y`"));

    [Fact]
    public void GemfileRead_ArbitraryText_OnlyLockfileFormatException() => NeverThrowsOtherwise(LockfileFormat.Gemfile,
        Fragments("\n", "GEM", "GIT", "PATH", "DEPENDENCIES", "PLATFORMS", "  ", "    ", "      ", "specs:", "remote: x", "rack (2.0)", "nokogiri (1.0-x86_64-linux)", "rack!", " (", ")", "\t"));

    [Fact]
    public void PoetryRead_ArbitraryText_OnlyLockfileFormatException() => NeverThrowsOtherwise(LockfileFormat.Poetry,
        Fragments("\n", "[[package]]", "[metadata]", "name = ", "version = ", "\"a\"", "\"1.0\"", "1", "groups = ", "[\"dev\"]", "category = \"dev\"", "[package.source]", "type = \"git\"", "package = []", "="));

    [Fact]
    public void YarnRead_ArbitraryText_OnlyLockfileFormatException() => NeverThrowsOtherwise(LockfileFormat.Yarn,
        Fragments("\n", "__metadata:\n", "  ", "    ", "a@^1", "\"@s/a@npm:^1\"", ":", ",", "version ", "\"1.0.0\"", "resolution: ", "\"a@npm:1.0.0\"", "version: 1.0.0", "resolved \"https://r/a/-/a-1.0.0.tgz\"",
            "dependencies:", "x@npm:y@^1", "@workspace:.", "0.0.0-use.local", "# c", "[", "{", "&a", "*a", "- "));

    [Fact]
    public void PnpmRead_ArbitraryText_OnlyLockfileFormatException() => NeverThrowsOtherwise(LockfileFormat.Pnpm,
        Fragments("\n", "lockfileVersion: ", "'9.0'", "5.3", "packages:", "snapshots:", "importers:", "  ", "    ", "      ", "/a/1.0.0", "/@s/a@1.0.0(p@1)", "a@1.0.0", ":", " {}", "dev: true",
            "dependencies:", "a: 1.0.0", "version: 1.0.0", "name: x", "resolution: {tarball: x}", "file:x", "[", "{", "&a", "*a", "- "));

    [Fact]
    public void NpmRead_ArbitraryText_OnlyLockfileFormatException() => NeverThrowsOtherwise(LockfileFormat.Npm,
        Fragments("{", "}", "\"packages\"", "\"dependencies\"", ":", ",", "\"node_modules/a\"", "\"version\"", "\"npm:b@1\"", "\"1.0.0\"", "true", "\"dev\"", "\"\""));

    [Fact]
    public void YarnRead_ManyNestedFlowCollections_FailsWithoutStackOverflow()
    {
        var text = "__metadata:\n  version: 6\n" + string.Concat(Enumerable.Repeat("x:\n ", 5000));
        Assert.IsType<LockfileFormatException>(Record.Exception(() => Lockfile.Read(LockfileFormat.Yarn, text, "yarn.lock")), exactMatch: true);
    }
}
