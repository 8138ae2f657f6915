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
        var names = new Dictionary<(Ecosystem, int), string>();
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
                if (!names.TryGetValue((ecosystem, package), out var normalised))
                    names[(ecosystem, package)] = normalised = OsvMatcher.NormaliseName(ecosystem, strings[package]);
                var key = (ecosystem, normalised);
                if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
                list.Add((i, j));
            }
        }
        Packages = [.. postings.Select(p => (p.Key.Item1, Encoding.UTF8.GetBytes(p.Key.Item2), p.Key.Item2, (IReadOnlyList<(int, int)>)p.Value))
            .OrderBy(p => p.Item1).ThenBy(p => p.Item2, Utf8Order.Instance)];
        // Vulnerabilities numbered by their first record; members in record order (a counting sort).
        var vulnerabilityOf = new Dictionary<int, int>();
        var groupOf = new int[records.Count];
        var sizes = new List<int>();
        for (var i = 0; i < records.Count; i++)
        {
            var root = Find(ids[i]);
            if (!vulnerabilityOf.TryGetValue(root, out var v))
            {
                vulnerabilityOf[root] = v = sizes.Count;
                sizes.Add(0);
            }
            groupOf[i] = v;
            sizes[v]++;
        }
        GroupStarts = new int[sizes.Count + 1];
        for (var v = 0; v < sizes.Count; v++) GroupStarts[v + 1] = GroupStarts[v] + sizes[v];
        Members = new int[records.Count];
        var next = GroupStarts[..^1];
        for (var i = 0; i < records.Count; i++) Members[next[groupOf[i]]++] = i;
        for (var id = 0; id < parent.Length; id++)
            if (parent[id] >= 0) Ids.Add((id, vulnerabilityOf[Find(id)]));
        Ids.Sort((a, b) => strings.Utf8(a.Id).SequenceCompareTo(strings.Utf8(b.Id)));
    }

    /// <summary>Per package, sorted by ecosystem then UTF-8 name bytes: its (record, affected entry) pairs.</summary>
    public List<(Ecosystem Ecosystem, byte[] Key, string Name, IReadOnlyList<(int Record, int Affected)> Postings)> Packages { get; }

    /// <summary>Vulnerability v's records are <see cref="Members"/>[GroupStarts[v]..GroupStarts[v + 1]]; one more entry than vulnerabilities.</summary>
    public int[] GroupStarts { get; }

    /// <summary>The records of every vulnerability in turn, each vulnerability's in record order.</summary>
    public int[] Members { get; }

    /// <summary>Every id and alias of a record (a staged string number), sorted by UTF-8 bytes, with its vulnerability.</summary>
    public List<(int Id, int Vulnerability)> Ids { get; } = [];
}
