using NJsonSchema;

namespace Firebreak.Domain.Tests.Common;

/// <summary>Validates JSON against the official schemas in the conformance data, with NJsonSchema.</summary>
public static class SchemaValidation
{
    /// <summary>
    /// The validation errors (empty when valid). NJsonSchema reads draft 4–7 keywords; draft 2020-12's
    /// <c>$defs</c> is renamed to <c>definitions</c> so its references resolve, and keywords it does not
    /// know (if/then) are not checked — tests assert those rules on their own.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string schemaRelativePath, string json)
    {
        var path = ConformanceData.Require(schemaRelativePath);
        var text = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal)
            .Replace("\"https://www.first.org/cvss/", "\"referenced_schema/first/", StringComparison.Ordinal);
        var schema = await JsonSchema.FromJsonAsync(text, path, TestContext.Current.CancellationToken);
        return [.. schema.Validate(json).Select(e => $"{e.Path}: {e.Kind} {e}")];
    }
}
