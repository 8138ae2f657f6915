using System.Text;
using Firebreak.Fuzz;
using SharpFuzz;

// The parsers under SharpFuzz (scripts/battery fuzz drives AFL++ with it; docs/reliability.md records the runs).
//   list                              the targets
//   seeds TARGET DIR [DATA]           writes the target's seeds from the shared conformance data (default ../shared/testdata)
//   fuzz TARGET                       the AFL++ entry point: one input per AFL iteration (run under afl-fuzz, instrumented)
//   replay TARGET PATH...             every file (or every file under a folder) once, in process; exit 1 on any crash
return args switch
{
    ["list"] => List(),
    ["seeds", var name, var dir, .. var rest] => Seeds(Targets.Find(name), dir, rest.Length > 0 ? rest[0] : DefaultData()),
    ["fuzz", var name] => Fuzz(Targets.Find(name)),
    ["replay", var name, .. var paths] when paths.Length > 0 => Replay(Targets.Find(name), paths),
    _ => Usage(),
};

static int List()
{
    foreach (var t in Targets.All) Console.WriteLine(t.Name);
    return 0;
}

static string DefaultData() =>
    Environment.GetEnvironmentVariable("FIREBREAK_CONFORMANCE_DATA") is { Length: > 0 } d ? d : Path.GetFullPath("../shared/testdata");

static int Seeds(FuzzTarget target, string dir, string data)
{
    Directory.CreateDirectory(dir);
    var n = 0;
    foreach (var seed in target.Seeds(data)) File.WriteAllText(Path.Combine(dir, $"seed-{n++:D4}"), seed);
    Console.WriteLine($"{target.Name}: {n} seed(s) from {data}");
    return n > 0 ? 0 : 1;
}

static int Fuzz(FuzzTarget target)
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false));
        Verdict.Run(target, reader.ReadToEnd());
    });
    return 0;
}

static int Replay(FuzzTarget target, string[] paths)
{
    var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p])
        .Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    var crashes = 0;
    foreach (var file in files)
    {
        try
        {
            Verdict.Run(target, File.ReadAllText(file, new UTF8Encoding(false, false)));
        }
        catch (Exception e)
        {
            crashes++;
            Console.WriteLine($"{target.Name}: CRASH on {file}: {e.GetType().Name}: {e.Message}\n{e.StackTrace?.Split('\n').Take(6).Aggregate((a, b) => a + "\n" + b)}");
        }
    }
    Console.WriteLine($"{target.Name}: replayed {files.Count} input(s), {crashes} crash(es)");
    return crashes == 0 ? 0 : 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Firebreak.Fuzz list | seeds TARGET DIR [DATA] | fuzz TARGET | replay TARGET PATH...");
    return 2;
}
