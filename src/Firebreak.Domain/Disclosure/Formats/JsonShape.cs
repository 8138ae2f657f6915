using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Schema-free shape checks written from the format specifications: each call checks one member and records an
/// <see cref="AdvisoryIssue"/> with its JSON path when it is missing or malformed, so one pass reports every problem.
/// </summary>
internal sealed class JsonShape
{
    public List<AdvisoryIssue> Issues { get; } = [];

    public void Add(string path, string message) => Issues.Add(new AdvisoryIssue(path, message));

    /// <summary>Records a CSAF optional or informative test that does not pass.</summary>
    public void Warn(string path, string message) => Issues.Add(new AdvisoryIssue(path, message, AdvisoryIssueLevel.Warning));

    /// <summary>The member when it is an object; records an issue when it is required and missing, or not an object.</summary>
    public JsonElement? Object(JsonElement parent, string name, string path, bool required = true) => Member(parent, name, path, JsonValueKind.Object, "an object", required);

    /// <summary>The items of an array member (empty when absent or malformed); <paramref name="minItems"/> applies when present or required.</summary>
    public IReadOnlyList<(JsonElement Item, string Path)> Array(JsonElement parent, string name, string path, bool required = false, int minItems = 0)
    {
        if (Member(parent, name, path, JsonValueKind.Array, "an array", required) is not { } array) return [];
        if (array.GetArrayLength() < minItems) Add($"{path}.{name}", $"needs at least {minItems} item(s).");
        return [.. array.EnumerateArray().Select((item, i) => (item, $"{path}.{name}[{i}]"))];
    }

    /// <summary>A string member, checked against a pattern and an enumeration when given.</summary>
    public string? String(JsonElement parent, string name, string path, bool required = true, Regex? pattern = null, IReadOnlyCollection<string>? allowed = null)
    {
        if (Member(parent, name, path, JsonValueKind.String, "a string", required) is not { } value) return null;
        var text = value.GetString()!;
        if (text.Length == 0) Add($"{path}.{name}", "must not be empty.");
        else if (pattern is not null && !pattern.IsMatch(text)) Add($"{path}.{name}", $"'{text}' does not match {pattern}.");
        else if (allowed is not null && !allowed.Contains(text)) Add($"{path}.{name}", $"'{text}' is not one of: {string.Join(", ", allowed)}.");
        return text;
    }

    /// <summary>An RFC 3339 date-time member.</summary>
    public DateTimeOffset? Timestamp(JsonElement parent, string name, string path, bool required = true)
    {
        if (String(parent, name, path, required) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && text.Contains('T', StringComparison.OrdinalIgnoreCase))
            return value;
        Add($"{path}.{name}", $"'{text}' is not an RFC 3339 date-time.");
        return null;
    }

    /// <summary>An absolute URI member.</summary>
    public void Uri(JsonElement parent, string name, string path, bool required = true)
    {
        if (String(parent, name, path, required) is { } text && !System.Uri.TryCreate(text, UriKind.Absolute, out _))
            Add($"{path}.{name}", $"'{text}' is not an absolute URI.");
    }

    /// <summary>A numeric member within bounds.</summary>
    public double? Number(JsonElement parent, string name, string path, double min, double max, bool required = true)
    {
        if (Member(parent, name, path, JsonValueKind.Number, "a number", required) is not { } value) return null;
        var number = value.GetDouble();
        if (number < min || number > max) Add($"{path}.{name}", $"{number} is outside {min}–{max}.");
        return number;
    }

    /// <summary>The strings of an array member; records non-strings.</summary>
    public IReadOnlyList<(string Value, string Path)> Strings(JsonElement parent, string name, string path, bool required = false, int minItems = 0) =>
        [.. Array(parent, name, path, required, minItems).Where(e =>
        {
            if (e.Item.ValueKind == JsonValueKind.String) return true;
            Add(e.Path, "expected a string.");
            return false;
        }).Select(e => (e.Item.GetString()!, e.Path))];

    private JsonElement? Member(JsonElement parent, string name, string path, JsonValueKind kind, string what, bool required)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            if (required) Add($"{path}.{name}", "required.");
            return null;
        }
        if (value.ValueKind == kind) return value;
        Add($"{path}.{name}", $"expected {what}.");
        return null;
    }
}
