namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// What a RustSec advisory says beyond its OSV shape, kept so the index can give back the advisory itself
/// (Cargo.lock audits report RustSec findings with dependency paths and RustSec's fixed-version rule).
/// </summary>
/// <param name="Patched">The <c>patched</c> requirements as written.</param>
/// <param name="Unaffected">The <c>unaffected</c> requirements as written.</param>
/// <param name="Informational">The informational kind (unmaintained, unsound, notice), if any.</param>
public sealed record RustSecVersions(IReadOnlyList<string> Patched, IReadOnlyList<string> Unaffected, string? Informational);
