using BenchmarkDotNet.Running;
using Firebreak.Benchmarks;

// `-- generate DIR` writes the index benchmarks' corpus for bench/peers/scan-side-by-side.sh:
// DIR/records.json (every record in one OSV JSON array) and DIR/purls.txt (the 5,000 components).
if (args is ["generate", var folder])
{
    var corpus = AdvisoryCorpus.Create(SharedData.Locate());
    Directory.CreateDirectory(folder);
    using (var records = new StreamWriter(Path.Combine(folder, "records.json"))) corpus.WriteArray(records);
    File.WriteAllLines(Path.Combine(folder, "purls.txt"), corpus.Purls);
    Console.WriteLine($"{corpus.RecordJson.Count} records, {corpus.Purls.Count} components in {folder}");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
