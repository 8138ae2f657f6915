using System.Text.RegularExpressions;
using Firebreak.Domain.Common;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Domain.Playbooks;

/// <summary>Reads typed values out of a YAML tree, collecting located errors instead of throwing.</summary>
internal sealed partial class YamlReader(string source)
{
    public List<PlaybookError> Errors { get; } = [];

    public void Error(YamlNode? node, string message) =>
        Errors.Add(new PlaybookError(source, (int)(node?.Start.Line ?? 1), (int)(node?.Start.Column ?? 1), message));

    public void ErrorAt(YamlDotNet.Core.Mark mark, string message) =>
        Errors.Add(new PlaybookError(source, (int)mark.Line, (int)mark.Column, message));

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is YamlMappingNode map) return map;
        Error(node, $"{what} must be a mapping of keys to values.");
        return null;
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>, and non-scalar keys.</summary>
    public void OnlyKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name }) Error(key, $"{what} has a key that is not a plain name.");
            else if (!allowed.Contains(name)) Error(key, $"Unknown key '{name}' in {what}; expected one of: {string.Join(", ", allowed)}.");
        }
    }

    public static YamlNode? Value(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? Text(YamlMappingNode map, string key, string what, bool required, int max = 100_000)
    {
        var node = Value(map, key);
        if (node is null)
        {
            if (required) Error(map, $"{what} needs '{key}'.");
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"'{key}' in {what} must be text.");
            return null;
        }
        var text = scalar.Value ?? "";
        if (required && string.IsNullOrWhiteSpace(text)) Error(node, $"'{key}' in {what} cannot be empty.");
        if (text.Length > max) Error(node, $"'{key}' in {what} is longer than {max} characters.");
        return text;
    }

    public string? Id(YamlMappingNode map, string key, string what)
    {
        var text = Text(map, key, what, required: true, max: 64);
        if (text is null) return null;
        if (!IdPattern().IsMatch(text))
        {
            Error(Value(map, key), $"'{text}' is not a valid id in {what}: use lowercase letters, digits and hyphens, starting with a letter.");
            return null;
        }
        return text;
    }

    public bool Bool(YamlMappingNode map, string key, string what)
    {
        var text = Text(map, key, what, required: false);
        if (text is null) return false;
        if (text is "true" or "false") return text == "true";
        Error(Value(map, key), $"'{key}' in {what} must be true or false, not '{text}'.");
        return false;
    }

    public TEnum? Enum<TEnum>(YamlMappingNode map, string key, string what, bool required) where TEnum : struct, Enum
    {
        var text = Text(map, key, what, required);
        if (text is null) return null;
        if (WireNames.TryParse<TEnum>(text, out var value)) return value;
        Error(Value(map, key), $"'{text}' is not a valid {key} in {what}; expected one of: {WireNames.AllowedList<TEnum>()}.");
        return null;
    }

    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, string what, bool required)
    {
        var node = Value(map, key);
        if (node is null)
        {
            if (required) Error(map, $"{what} needs '{key}'.");
            return [];
        }
        if (node is YamlSequenceNode seq) return [.. seq.Children];
        Error(node, $"'{key}' in {what} must be a list.");
        return [];
    }

    public IReadOnlyList<string> Strings(YamlMappingNode map, string key, string what)
    {
        var list = new List<string>();
        foreach (var item in Sequence(map, key, what, required: false))
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text }) list.Add(text);
            else Error(item, $"Every entry of '{key}' in {what} must be non-empty text.");
        }
        return list;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
