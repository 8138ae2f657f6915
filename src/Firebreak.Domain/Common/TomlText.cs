using Tomlyn;
using Tomlyn.Model;

namespace Firebreak.Domain.Common;

/// <summary>
/// Reads TOML from outside (lockfiles, advisory front matter) without letting the parser's own
/// failures escape: Tomlyn reports most errors as <see cref="TomlException"/> with a location, but
/// some malformed escapes (a surrogate such as <c>\uD800</c>) surface as <see cref="ArgumentException"/>.
/// </summary>
internal static class TomlText
{
    /// <summary>The document, or null with a one-line message and 1-based line and column (0 when unknown).</summary>
    public static TomlTable? TryRead(string text, out (int Line, int Column, string Message) error)
    {
        try
        {
            error = default;
            return TomlSerializer.Deserialize(text, TomlContext.Default.TomlTable) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            // The generated context wraps the parser's exception (which has the location) in its own.
            var inner = e;
            while (inner.Line is null && inner.InnerException is TomlException next) inner = next;
            error = (inner.Line ?? 0, inner.Column ?? 0, inner.Message.Split('\n')[0]);
        }
        catch (ArgumentException e)
        {
            error = (0, 0, e.Message.Split('\n')[0]);
        }
        return null;
    }
}
