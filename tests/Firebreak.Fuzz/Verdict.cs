using Firebreak.Domain.Common;

namespace Firebreak.Fuzz;

/// <summary>What counts as a parser's answer to malformed input, and what is a crash.</summary>
internal static class Verdict
{
    /// <summary>A refusal the parser meant: its own format error (every one derives from <see cref="FormatException"/>) or a broken rule.</summary>
    public static bool IsRefusal(Exception e) => e is FormatException or DomainException;

    /// <summary>Runs one input; a refusal is swallowed, anything else escapes (to the fuzzer, a crash).</summary>
    public static void Run(FuzzTarget target, string text)
    {
        try
        {
            target.Feed(text);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            // malformed input answered with a precise error: what a parser should do
        }
    }
}
