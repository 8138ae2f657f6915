using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// Loads a YAML lockfile (yarn berry, pnpm) into a node tree with located errors. Building the tree recurses once per
/// nesting level, so nesting is bounded before parsing: lockfiles nest a handful of levels, an attack thousands.
/// </summary>
internal static class LockfileYaml
{
    private const int MaxNesting = 64;

    /// <summary>The document's root node, or null for an empty file.</summary>
    public static YamlNode? Load(string text, string source)
    {
        CheckNesting(text, source);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var inner = e.InnerException is { } cause && cause.Message.Length > 0 ? cause.Message : e.Message;
            throw new LockfileFormatException(source, (int)e.Start.Line, (int)e.Start.Column, "Not valid YAML: " + inner.Split('\n')[0]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet's scanner can fail on some malformed plain scalars with an InvalidOperationException
            // and no position; the file is still just malformed input.
            throw new LockfileFormatException(source, 0, 0, "Not valid YAML: " + e.Message.Split('\n')[0]);
        }
    }

    /// <summary>A scalar's text, or null when the node is missing or not a scalar.</summary>
    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>A child mapping, or null when it is missing or not a mapping.</summary>
    public static YamlMappingNode? Mapping(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    /// <summary>
    /// A conservative bound: block nesting needs a column of indentation or a <c>- </c>/<c>? </c> indicator per level,
    /// flow nesting a bracket; so a line's leading indentation and indicators, plus open brackets, bound the depth.
    /// </summary>
    private static void CheckNesting(string text, string source)
    {
        var line = 1;
        var start = true;
        var prefix = 0;
        var brackets = 0;
        foreach (var c in text)
        {
            if (c == '\n') { (line, start, prefix) = (line + 1, true, 0); continue; }
            if (start && c is ' ' or '\t' or '-' or '?' or ':') prefix++;
            else start = false;
            if (c is '[' or '{') brackets++;
            else if (c is ']' or '}' && brackets > 0) brackets--;
            if (prefix > MaxNesting * 2 || brackets > MaxNesting)
                throw new LockfileFormatException(source, line, 1, $"Nested more than {MaxNesting} levels deep; no lockfile is.");
        }
    }
}
