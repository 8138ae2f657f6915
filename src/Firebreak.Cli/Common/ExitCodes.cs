namespace Firebreak.Cli.Common;

/// <summary>The exit codes every command uses; documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;
    /// <summary>The input was read but some of it was invalid (a bad vector, an invalid playbook).</summary>
    public const int InvalidInput = 1;
    /// <summary>The command line itself was wrong (unknown option, missing argument).</summary>
    public const int Usage = 2;
    /// <summary>The server refused: not signed in, token revoked, or no permission.</summary>
    public const int Unauthorized = 3;
    /// <summary>The thing named does not exist (or is not visible to you).</summary>
    public const int NotFound = 4;
    /// <summary>The server could not be reached or answered with an error.</summary>
    public const int ServerError = 5;
    /// <summary>`scan` found vulnerable dependencies at or above the --fail-on level.</summary>
    public const int Findings = 6;
}
