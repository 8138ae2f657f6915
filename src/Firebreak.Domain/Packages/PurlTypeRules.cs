using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// Type-specific rules from the registered purl type definitions (purl-spec <c>types/*-definition.json</c>):
/// whether a namespace is required or prohibited, which components are case-insensitive (canonical form
/// lowercase), and the few extra name, version and qualifier rules the definitions state. Types not
/// listed here are unregistered and get only the generic rules.
/// </summary>
internal static class PurlTypeRules
{
    private static readonly FrozenDictionary<string, PurlTypeRule> Rules = new Dictionary<string, PurlTypeRule>
    {
        ["alpm"] = new(PurlRequirement.Required, LowerNamespace: true, LowerName: true),
        ["apk"] = new(PurlRequirement.Required, LowerNamespace: true, LowerName: true),
        ["bazel"] = new(PurlRequirement.Prohibited),
        ["bitbucket"] = new(PurlRequirement.Required, LowerNamespace: true, LowerName: true),
        ["bitnami"] = new(PurlRequirement.Prohibited, LowerName: true),
        ["brew"] = new(PurlRequirement.Optional, LowerNamespace: true, LowerName: true),
        ["cargo"] = new(PurlRequirement.Prohibited),
        ["chrome-extension"] = new(PurlRequirement.Prohibited, LowerName: true),
        ["cocoapods"] = new(PurlRequirement.Prohibited),
        ["composer"] = new(PurlRequirement.Required, LowerNamespace: true, LowerName: true),
        ["conan"] = new(PurlRequirement.Optional),
        ["conda"] = new(PurlRequirement.Prohibited),
        ["cpan"] = new(PurlRequirement.Optional),
        ["cran"] = new(PurlRequirement.Prohibited),
        ["deb"] = new(PurlRequirement.Required, LowerNamespace: true, LowerName: true),
        ["docker"] = new(PurlRequirement.Optional),
        ["gem"] = new(PurlRequirement.Prohibited),
        ["generic"] = new(PurlRequirement.Optional),
        ["git"] = new(PurlRequirement.Required),
        ["github"] = new(PurlRequirement.Required, LowerNamespace: true, LowerName: true),
        ["golang"] = new(PurlRequirement.Required),
        ["hackage"] = new(PurlRequirement.Prohibited),
        ["hex"] = new(PurlRequirement.Optional, LowerNamespace: true, LowerName: true),
        ["huggingface"] = new(PurlRequirement.Required, LowerVersion: true),
        ["julia"] = new(PurlRequirement.Prohibited),
        ["luarocks"] = new(PurlRequirement.Optional, LowerNamespace: true, LowerName: true),
        ["maven"] = new(PurlRequirement.Required),
        ["mlflow"] = new(PurlRequirement.Prohibited),
        ["npm"] = new(PurlRequirement.Optional),
        ["nuget"] = new(PurlRequirement.Prohibited),
        ["oci"] = new(PurlRequirement.Prohibited, LowerName: true, LowerVersion: true),
        ["opam"] = new(PurlRequirement.Prohibited),
        ["otp"] = new(PurlRequirement.Prohibited, LowerName: true),
        ["pub"] = new(PurlRequirement.Prohibited, LowerName: true),
        ["pypi"] = new(PurlRequirement.Prohibited, LowerName: true, LowerVersion: true),
        ["qpkg"] = new(PurlRequirement.Required, LowerNamespace: true),
        ["rpm"] = new(PurlRequirement.Required, LowerNamespace: true),
        ["swid"] = new(PurlRequirement.Optional),
        ["swift"] = new(PurlRequirement.Required),
        ["vcpkg"] = new(PurlRequirement.Prohibited),
        ["vscode-extension"] = new(PurlRequirement.Required, LowerNamespace: true, LowerName: true, LowerVersion: true),
        ["yocto"] = new(PurlRequirement.Optional, LowerNamespace: true),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether the type is one of the registered purl types this build knows.</summary>
    public static bool IsRegistered(string type) => Rules.ContainsKey(type);

    /// <summary>Whether the name is a '/'-separated path whose slashes stay literal (git: owner/repo).</summary>
    public static bool NameIsPath(string type) => type == "git";

    public static bool TryApply(PurlComponents c, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (!Rules.TryGetValue(c.Type, out var rule)) return true;
        switch (rule.Namespace)
        {
            case PurlRequirement.Required when c.Namespace.Count == 0:
                error = $"The namespace is required for type '{c.Type}'.";
                return false;
            case PurlRequirement.Prohibited when c.Namespace.Count > 0:
                error = $"A namespace is not allowed for type '{c.Type}'.";
                return false;
            default:
                break;
        }
        if (rule.LowerNamespace)
        {
            for (var i = 0; i < c.Namespace.Count; i++) c.Namespace[i] = c.Namespace[i].ToLowerInvariant();
        }
        if (rule.LowerName) c.Name = c.Name.ToLowerInvariant();
        if (rule.LowerVersion) c.Version = c.Version?.ToLowerInvariant();
        return PurlTypeChecks.TryApply(c, out error);
    }
}
