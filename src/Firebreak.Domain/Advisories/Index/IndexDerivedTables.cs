using System.Text;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// What the writer derives from the staged records: the postings per (ecosystem, normalised name) of records
/// that are not withdrawn, and the vulnerabilities formed by ids and aliases the records share (union–find
/// over staged string numbers). A record held by two sources stays in both, as `scan --osv … --rustsec …`
/// reports it from both.
/// </summary>
internal sealed class IndexDerivedTables
{
    public IndexDerivedTables(IReadOnlyList<StagedRecord> records, StagedStrings strings)
    {
        var postings = new Dictionary<(Ecosystem, string), List<(int, int)>>();
        var ecosystems = new Dictionary<int, Ecosystem?>();
        var parent = new int[strings.Count];
        Array.Fill(parent, -1);
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        int Node(int id)
        {
            if (parent[id] < 0) parent[id] = id;
            return id;
        }
        var ids = new int[records.Count];
        var keys = new RecordKeys();
        for (var i = 0; i < records.Count; i++)
        {
            keys.Read(records[i].Bytes);
            ids[i] = keys.Id;
            var root = Find(Node(keys.Id));
            foreach (var alias in keys.Aliases)
            {
                var other = Find(Node(alias));
                if (other != root) parent[other] = root;
            }
            if (keys.Withdrawn) continue;
            for (var j = 0; j < keys.Affected.Count; j++)
            {
                var (name, package) = keys.Affected[j];
                if (!ecosystems.TryGetValue(name, out var known))
                    ecosystems[name] = known = EcosystemNames.TryFromOsvName(strings[name], out var e) ? e : null;
                if (known is not { } ecosystem) continue;
                var key = (ecosystem, OsvMatcher.NormaliseName(ecosystem, strings[package]));
                if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
                list.Add((i, j));
            }
        }
        Packages = [.. postings.Select(p => (p.Key.Item1, Encoding.UTF8.GetBytes(p.Key.Item2), p.Key.Item2, (IReadOnlyList<(int, int)>)p.Value))
            .OrderBy(p => p.Item1).ThenBy(p => p.Item2, Utf8Order.Instance)];
        var vulnerabilityOf = new Dictionary<int, int>();
        for (var i = 0; i < records.Count; i++)
        {
            var root = Find(ids[i]);
            if (!vulnerabilityOf.TryGetValue(root, out var v))
            {
                vulnerabilityOf[root] = v = Vulnerabilities.Count;
                Vulnerabilities.Add([]);
            }
            Vulnerabilities[v].Add(i);
        }
        for (var id = 0; id < parent.Length; id++)
            if (parent[id] >= 0) Ids.Add((id, vulnerabilityOf[Find(id)]));
        Ids.Sort((a, b) => Utf8Compare(strings[a.Id], strings[b.Id]));
    }

    /// <summary>Per package, sorted by ecosystem then UTF-8 name bytes: its (record, affected entry) pairs.</summary>
    public List<(Ecosystem Ecosystem, byte[] Key, string Name, IReadOnlyList<(int Record, int Affected)> Postings)> Packages { get; }

    /// <summary>Vulnerabilities: the records of each.</summary>
    public List<List<int>> Vulnerabilities { get; } = [];

    /// <summary>Every id and alias of a record (a staged string number), sorted by UTF-8 bytes, with its vulnerability.</summary>
    public List<(int Id, int Vulnerability)> Ids { get; } = [];

    /// <summary>
    /// Orders strings as their UTF-8 bytes order (code point order): UTF-16 ordinal order agrees except where a
    /// surrogate meets U+E000–U+FFFF, and a lone surrogate, which UTF-8 writes as U+FFFD, takes the byte path.
    /// </summary>
    private static int Utf8Compare(string a, string b)
    {
        var common = Math.Min(a.Length, b.Length);
        for (var i = 0; i < common; i++)
        {
            if (a[i] == b[i]) continue;
            if (char.IsSurrogate(a[i]) || char.IsSurrogate(b[i]))
                return Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
            return a[i].CompareTo(b[i]);
        }
        return a.Length.CompareTo(b.Length);
    }
}
