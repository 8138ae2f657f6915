namespace Firebreak.Fuzz;

/// <summary>
/// One parser under fuzzing: its name, the call that feeds it one input, and where its seeds come from in the shared
/// conformance data (read at run time, never copied into the repository).
/// </summary>
internal sealed record FuzzTarget(string Name, Action<string> Feed, Func<string, IEnumerable<string>> Seeds);
