using Firebreak.Domain.Common;
using System.Globalization;
using System.Text.Json;
using NSec.Cryptography;

namespace Firebreak.Cli.Archive;

/// <summary>Counts across the bundles of one archive, for the summary line.</summary>
internal sealed class ExcerptStats
{
    public long Full { get; set; }
    public long Withheld { get; set; }
    public int Checkpoints { get; set; }
}

/// <summary>
/// Checks an incident bundle's audit excerpt (<c>audit/records.json</c>) and its timeline against it. Every position
/// from <c>from</c> to <c>to</c> must be there once, in order, each linking to the hash before it; every record given
/// in full must hash to its stored hash (format 1) and touch the incident; a withheld record can only be followed, not
/// recomputed. A checkpoint, when present, must be signed by the key and hold the excerpt's last record as its head.
/// Every timeline entry must be the one its record's digest sealed, and every timeline record must have its entry.
/// </summary>
internal static class AuditExcerptCheck
{
    private const string Records = "audit/records.json";
    private const string CheckpointFile = "audit/checkpoint.json";

    private sealed record Entry(string Id, string IncidentId, long Sequence, string At, string Actor, string Kind, string Text);

    public static void Check(string prefix, Dictionary<string, ZipItem> items, PublicKey? key, List<string> problems, ExcerptStats stats)
    {
        var path = prefix + Records;
        if (!items.TryGetValue(path, out var file) || file.Content is null)
        {
            problems.Add($"{path}: missing or unreadable (the audit excerpt)");
            return;
        }
        var timelineRecords = new Dictionary<string, (long Sequence, string Detail, string Digest)>(StringComparer.Ordinal);
        string lastHash;
        long to;
        string incident;
        try
        {
            using var document = JsonDocument.Parse(file.Content);
            var root = document.RootElement;
            if (Json.Text(root, "format") != "firebreak-audit-excerpt/1") throw new FormatException("$.format is not \"firebreak-audit-excerpt/1\"");
            incident = Json.Text(root, "incident");
            var from = Json.Number(root, "from");
            to = Json.Number(root, "to");
            var subject = $"incident {incident}";
            var expected = from;
            string? previous = null;
            lastHash = "";
            var n = 0;
            foreach (var record in Json.Array(root, "records").EnumerateArray())
            {
                var at = $"$.records[{n++}]";
                var sequence = Json.Number(record, "sequence", at);
                var previousHash = Json.Text(record, "previousHash", at);
                var hash = Json.Text(record, "hash", at);
                if (sequence != expected)
                {
                    problems.Add(sequence > expected
                        ? $"{path}: record {expected} is missing (the excerpt goes from {expected - 1} to {sequence}): a record was removed"
                        : $"{path}: record {sequence} is out of order or repeated (expected {expected})");
                    expected = sequence;
                }
                if (previous is not null && previousHash != previous) problems.Add($"{path}: record {sequence} does not link to the record before it");
                if (Json.Flag(record, "withheld")) stats.Withheld++;
                else CheckFull(path, record, at, sequence, previousHash, hash, subject, timelineRecords, problems, stats);
                previous = hash;
                lastHash = hash;
                expected++;
            }
            if (n > 0 && expected - 1 != to) problems.Add($"{path}: the excerpt ends at record {expected - 1}, but says it runs to {to}: records were removed from its end");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            problems.Add($"{path}: not a readable audit excerpt ({ZipContents.OneLine(e.Message)})");
            return;
        }
        CheckCheckpoint(prefix, items, key, to, lastHash, problems, stats);
        CheckTimeline(prefix, items, incident, timelineRecords, problems);
    }

    private static void CheckFull(string path, JsonElement record, string at, long sequence, string previousHash, string hash, string subject,
        Dictionary<string, (long, string, string)> timelineRecords, List<string> problems, ExcerptStats stats)
    {
        stats.Full++;
        if (Json.Number(record, "hashFormat", at) != 1)
        {
            problems.Add($"{path}: record {sequence} has a hash format this version does not know");
            return;
        }
        var (action, recordSubject, detail, digest) = (Json.Text(record, "action", at), Json.Text(record, "subject", at), Json.Text(record, "detail", at),
            Json.Text(record, "entryDigest", at));
        var computed = CanonicalEncoding.Of("firebreak-audit-record/1").Add(Json.Text(record, "id", at)).Add(sequence).Add(Json.Text(record, "at", at))
            .Add(Json.Text(record, "actor", at)).Add(action).Add(recordSubject).Add(detail).Add(digest).Add(previousHash).Sha256();
        if (computed != hash) problems.Add($"{path}: record {sequence} does not match its hash (it was changed)");
        var timeline = action == "timeline" && detail.StartsWith(subject + " #", StringComparison.Ordinal);
        if (!timeline && recordSubject != subject) problems.Add($"{path}: record {sequence} is given in full but does not touch this incident");
        if (timeline) timelineRecords[recordSubject] = (sequence, detail, digest);
    }

    private static void CheckCheckpoint(string prefix, Dictionary<string, ZipItem> items, PublicKey? key, long to, string lastHash, List<string> problems, ExcerptStats stats)
    {
        var path = prefix + CheckpointFile;
        if (!items.TryGetValue(path, out var file)) return;
        stats.Checkpoints++;
        try
        {
            using var document = JsonDocument.Parse(file.Content ?? []);
            var root = document.RootElement;
            if (Json.Text(root, "format") != "firebreak-audit-checkpoint/1") throw new FormatException("$.format is not \"firebreak-audit-checkpoint/1\"");
            var (at, keyId) = (Json.Text(root, "at"), Json.Text(root, "keyId"));
            var chains = Json.Array(root, "chains");
            var encoding = CanonicalEncoding.Of("firebreak-audit-checkpoint/1").Add(at).Add(keyId).Add(chains.GetArrayLength());
            (long Sequence, string Head)? audit = null;
            var n = 0;
            foreach (var chain in chains.EnumerateArray())
            {
                var (name, sequence, sealedHead) = (Json.Text(chain, "name", $"$.chains[{n}]"), Json.Number(chain, "sequence", $"$.chains[{n}]"), Json.Text(chain, "head", $"$.chains[{n}]"));
                n++;
                encoding.Add(name).Add(sequence).Add(sealedHead);
                if (name == "audit") audit = (sequence, sealedHead);
            }
            var signature = Convert.FromBase64String(Json.Text(root, "signature"));
            if (key is null) return;
            if (keyId != ArchiveVerifier.KeyId(key)) problems.Add($"{path}: signed by {ZipContents.Shown(keyId)}, not by {ArchiveVerifier.KeyId(key)}");
            else if (!SignatureAlgorithm.Ed25519.Verify(key, encoding.ToArray(), signature)) problems.Add($"{path}: the checkpoint's signature does not verify");
            if (audit is not { } head) problems.Add($"{path}: names no audit chain");
            else if (head.Sequence != to || head.Head != lastHash)
                problems.Add($"{path}: seals record {head.Sequence.ToString(CultureInfo.InvariantCulture)}, which is not the excerpt's last record as given");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            problems.Add($"{path}: not a readable checkpoint ({ZipContents.OneLine(e.Message)})");
        }
    }

    private static void CheckTimeline(string prefix, Dictionary<string, ZipItem> items, string incident, Dictionary<string, (long Sequence, string Detail, string Digest)> records,
        List<string> problems)
    {
        var path = prefix + "timeline.json";
        if (!items.TryGetValue(path, out var file) || file.Content is null)
        {
            problems.Add($"{path}: missing or unreadable (the incident's timeline)");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(file.Content);
            var n = 0;
            foreach (var element in Json.Array(document.RootElement, "entries").EnumerateArray())
            {
                var at = $"$.entries[{n++}]";
                var e = new Entry(Json.Text(element, "id", at), Json.Text(element, "incidentId", at), Json.Number(element, "sequence", at), Json.Text(element, "at", at),
                    Json.Text(element, "actor", at), Json.Text(element, "kind", at), Json.Text(element, "text", at));
                seen.Add(e.Id);
                if (e.IncidentId != incident) problems.Add($"{path}: entry #{e.Sequence} belongs to another incident");
                if (!records.TryGetValue(e.Id, out var record))
                {
                    problems.Add($"{path}: entry #{e.Sequence} has no record in {prefix}{Records} (it was added, or its record removed)");
                    continue;
                }
                var digest = CanonicalEncoding.Of("firebreak-timeline-entry/1").Add(e.Id).Add(e.IncidentId).Add(e.Sequence).Add(e.At).Add(e.Actor).Add(e.Kind).Add(e.Text).Sha256();
                if (digest != record.Digest || record.Detail != $"incident {e.IncidentId} #{e.Sequence} {e.Kind}: {e.Text}")
                    problems.Add($"{path}: entry #{e.Sequence} is not what the audit chain recorded (record {record.Sequence}): it was changed");
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            problems.Add($"{path}: not a readable timeline ({ZipContents.OneLine(e.Message)})");
            return;
        }
        foreach (var (entry, record) in records.Where(r => !seen.Contains(r.Key)).OrderBy(r => r.Value.Sequence))
            problems.Add($"{path}: the entry of record {record.Sequence} ({entry}) is missing: it was removed");
    }
}
