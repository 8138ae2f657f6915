using System.Globalization;

namespace Firebreak.Load;

/// <summary>"--name value" pairs from the command line.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"expected --name at argument {i + 1}: {args[i]}");
            values[args[i][2..]] = args[i + 1];
        }
        return new Options(values);
    }

    public string Text(string name, string? fallback = null) =>
        values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required");

    public int Number(string name, int fallback) =>
        values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? Maybe(string name) => values.GetValueOrDefault(name);
}
