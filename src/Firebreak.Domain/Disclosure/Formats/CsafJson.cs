using System.Globalization;
using System.Text.Json;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Typed reads of an imported CSAF document: a member of the wrong type, or a value the model refuses, becomes a
/// <see cref="CsafFormatException"/> with its JSON path instead of an exception from deep inside System.Text.Json.
/// </summary>
internal static class CsafJson
{
    public static string? String(JsonElement e, string name, string path) =>
        Member(e, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : throw new CsafFormatException($"{path}.{name}", "expected a string.");

    public static JsonElement? Object(JsonElement e, string name, string path) =>
        Member(e, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Object ? value : throw new CsafFormatException($"{path}.{name}", "expected an object.");

    /// <summary>The items of an array member with their paths; empty when absent.</summary>
    public static IReadOnlyList<(JsonElement Item, string Path)> Array(JsonElement e, string name, string path) =>
        Member(e, name) is not { } value ? []
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select((item, i) => (item, $"{path}.{name}[{i}]"))]
        : throw new CsafFormatException($"{path}.{name}", "expected an array.");

    public static IReadOnlyList<string> Strings(JsonElement e, string name, string path) =>
        [.. Array(e, name, path).Select(x => x.Item.ValueKind == JsonValueKind.String ? x.Item.GetString()! : throw new CsafFormatException(x.Path, "expected a string."))];

    /// <summary>An RFC 3339 date-time member as a UTC instant.</summary>
    public static DateTimeOffset? Time(JsonElement e, string name, string path) =>
        String(e, name, path) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime()
        : throw new CsafFormatException($"{path}.{name}", $"'{text}' is not an RFC 3339 date-time.");

    /// <summary>Builds a model value, reporting the model's refusal at <paramref name="path"/>.</summary>
    public static T At<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (DomainException e)
        {
            throw new CsafFormatException(path, e.Message);
        }
    }

    private static JsonElement? Member(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
