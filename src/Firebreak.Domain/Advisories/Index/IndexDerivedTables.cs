using System.Text;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// What the writer derives from the records: the postings per (ecosystem, normalised name) of records that
/// are not withdrawn, and the vulnerabilities formed by ids and aliases the records share (union–find).
/// A record held by two sources stays in both, as `scan --osv … --rustsec …` reports it from both.
/// </summary>
internal sealed class IndexDerivedTables
{
    public IndexDerivedTables(IReadOnlyList<IndexedAdvisory> records)
    {
        var postings = new Dictionary<(Ecosystem, string), List<(int, int)>>();
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Advisory.Withdrawn) continue;
            var affected = records[i].Advisory.Affected;
            for (var j = 0; j < affected.Count; j++)
            {
                if (affected[j].Ecosystem is not { } ecosystem) continue;
                var key = (ecosystem, OsvMatcher.NormaliseName(ecosystem, affected[j].Package));
                if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
                list.Add((i, j));
            }
        }
        Packages = [.. postings.Select(p => (p.Key.Item1, Encoding.UTF8.GetBytes(p.Key.Item2), p.Key.Item2, (IReadOnlyList<(int, int)>)p.Value))
            .OrderBy(p => p.Item1).ThenBy(p => p.Item2, Utf8Order.Instance)];
        Groups(records);
    }

    /// <summary>Per package, sorted by ecosystem then UTF-8 name bytes: its (record, affected entry) pairs.</summary>
    public List<(Ecosystem Ecosystem, byte[] Key, string Name, IReadOnlyList<(int Record, int Affected)> Postings)> Packages { get; }

    /// <summary>Vulnerabilities: the records of each.</summary>
    public List<List<int>> Vulnerabilities { get; } = [];

    /// <summary>Every id and alias of a record, sorted by UTF-8 bytes, with its vulnerability.</summary>
    public List<(string Id, int Vulnerability)> Ids { get; } = [];

    private void Groups(IReadOnlyList<IndexedAdvisory> records)
    {
        var number = new Dictionary<string, int>(StringComparer.Ordinal);
        var parent = new List<int>();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        int Node(string id)
        {
            if (number.TryGetValue(id, out var n)) return n;
            number[id] = n = parent.Count;
            parent.Add(n);
            return n;
        }
        for (var i = 0; i < records.Count; i++)
        {
            var root = Find(Node(records[i].Advisory.Id));
            foreach (var alias in records[i].Advisory.Aliases)
            {
                var other = Find(Node(alias));
                if (other != root) parent[other] = root;
            }
        }
        var vulnerabilityOf = new Dictionary<int, int>();
        for (var i = 0; i < records.Count; i++)
        {
            var root = Find(number[records[i].Advisory.Id]);
            if (!vulnerabilityOf.TryGetValue(root, out var v))
            {
                vulnerabilityOf[root] = v = Vulnerabilities.Count;
                Vulnerabilities.Add([]);
            }
            Vulnerabilities[v].Add(i);
        }
        Ids.AddRange(number.Select(n => (n.Key, vulnerabilityOf[Find(n.Value)])).OrderBy(n => Encoding.UTF8.GetBytes(n.Key), Utf8Order.Instance));
    }
}
