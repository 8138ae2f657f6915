using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// The rules a type definition states in prose rather than in its structured fields: git's host-only
/// namespace, PyPI name
/// normalisation, CPAN distribution names, Chrome extension ids and versions, Julia's required uuid,
/// and MLflow's case folding on Databricks.
/// </summary>
internal static class PurlTypeChecks
{
    public static bool TryApply(PurlComponents c, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (c.Type)
        {
            case "git" when c.Namespace.Count > 1:
                // The namespace is the host alone; the rest of the path is the repository name.
                c.Name = string.Join('/', c.Namespace.Skip(1).Append(c.Name));
                c.Namespace.RemoveRange(1, c.Namespace.Count - 1);
                break;
            case "pypi":
                c.Name = c.Name.Replace('_', '-');
                break;
            case "cpan" when c.Name.Contains("::", StringComparison.Ordinal):
                error = $"A cpan name is a distribution name and must not contain '::' (got '{c.Name}').";
                return false;
            case "chrome-extension":
                return TryChromeExtension(c, out error);
            case "julia" when !c.Qualifiers.ContainsKey("uuid"):
                error = "A julia purl requires the 'uuid' qualifier.";
                return false;
            case "mlflow" when c.Qualifiers.TryGetValue("repository_url", out var url)
                && url.Contains("databricks", StringComparison.OrdinalIgnoreCase):
                // Databricks model names are case-insensitive; Azure ML and others keep case.
                c.Name = c.Name.ToLowerInvariant();
                break;
            default:
                break;
        }
        return true;
    }

    private static bool TryChromeExtension(PurlComponents c, [NotNullWhen(false)] out string? error)
    {
        // An extension id is 32 characters in 'a'..'p' (a base-16 digest written with letters).
        if (c.Name.Length != 32 || c.Name.Any(ch => ch is < 'a' or > 'p'))
        {
            error = $"A chrome-extension name is a 32-character id of letters a to p (got '{c.Name}').";
            return false;
        }
        // A version is one to four dot-separated integers.
        if (c.Version is { } v)
        {
            var parts = v.Split('.');
            if (parts.Length > 4 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
            {
                error = $"A chrome-extension version is one to four dot-separated integers (got '{v}').";
                return false;
            }
        }
        error = null;
        return true;
    }
}
