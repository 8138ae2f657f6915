using Firebreak.Domain.Common;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Reads an OpenVEX document (through <see cref="OpenVexReader"/>) into one <see cref="SecurityAdvisory"/> per
/// vulnerability: affected statements become affected products (the first action statement the remediation),
/// fixed statements patched versions, not_affected statements unaffected entries with justification and impact
/// statement. under_investigation statements have no place in the model and are dropped. A problem throws
/// <see cref="VexFormatException"/> with its JSON path.
/// </summary>
public static class OpenVexImporter
{
    /// <summary>The largest document accepted, in characters.</summary>
    public const int MaxLength = 16 * 1024 * 1024;

    // Where a document whose @id is not a web address is said to come from: the model needs a namespace URL.
    private const string UnknownNamespace = "https://openvex.dev";

    /// <summary>The advisories of the document, in the order the vulnerabilities first appear.</summary>
    public static IReadOnlyList<SecurityAdvisory> Import(string json, string source = "openvex")
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength) throw new VexFormatException(source, "$", $"the document is larger than {MaxLength} characters.");
        var document = OpenVexReader.Read(json, source);
        var publisher = At(source, "$.author", () => new AdvisoryPublisher(ImportedText.Line(document.Author, 200)!, Namespace(document.Id)));
        return [.. document.Statements.Select((s, i) => (Statement: s, Index: i)).GroupBy(s => s.Statement.Vulnerability, StringComparer.Ordinal)
            .Select(g => Advisory(source, publisher, g.Key, [.. g]))];
    }

    private static SecurityAdvisory Advisory(string source, AdvisoryPublisher publisher, string name, List<(VexStatement Statement, int Index)> statements)
    {
        var path = $"$.statements[{statements[0].Index}].vulnerability";
        var names = statements.SelectMany(s => s.Statement.Names).Distinct(StringComparer.Ordinal).ToList();
        // The exporter names the vulnerability by its CVE and lists the Firebreak id among the aliases.
        var id = names.FirstOrDefault(n => !AdvisoryIdentifiers.IsCve(n) && !AdvisoryIdentifiers.IsGhsa(n) && IsLocalId(n)) ?? name;
        var at = statements.Max(s => s.Statement.Timestamp).ToUniversalTime();
        var products = new OpenVexProducts();
        foreach (var (statement, index) in statements)
            At(source, $"$.statements[{index}]", () => products.Add(statement));
        return At(source, path, () => new SecurityAdvisory(id, ImportedText.Line(name, 200)!, publisher, products.Affected())
        {
            Aliases = [.. names.Where(n => AdvisoryIdentifiers.IsCve(n) || AdvisoryIdentifiers.IsGhsa(n))],
            Unaffected = products.Unaffected(),
            Remediation = ImportedText.Line(statements.Select(s => s.Statement).FirstOrDefault(s => s.Status == VexStatus.Affected)?.ActionStatement, 1000),
            Timeline = new AdvisoryTimeline(Published: at, Modified: at),
        });
    }

    // The exporter's @id is "<namespace>/vex/<id>"; any web @id gives its origin, which is stable under re-export.
    private static string Namespace(string id) =>
        Uri.TryCreate(id, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority) : UnknownNamespace;

    private static bool IsLocalId(string text)
    {
        try
        {
            AdvisoryIdentifiers.LocalId(text, "id");
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private static T At<T>(string source, string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (DomainException e)
        {
            throw new VexFormatException(source, path, e.Message);
        }
    }

    private static void At(string source, string path, Action build) => At(source, path, () => { build(); return 0; });
}
