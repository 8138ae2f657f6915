using System.Collections.Concurrent;
using System.Globalization;

namespace Firebreak.Load;

/// <summary>
/// What the server acknowledged (marker → the number in its 201) and what else it answered, kept across cycles; then
/// held against what the server lists afterwards.
/// </summary>
internal sealed class Ledger(string run)
{
    private readonly ConcurrentDictionary<string, int> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private int _sent;

    public int Sent => _sent;
    public int Acknowledged => _acknowledged.Count;
    public int Unanswered => _statuses.GetValueOrDefault(0);
    /// <summary>Answered, but not 201: a refusal the submitter saw (409, 429, 500, 503…).</summary>
    public int Refused => _statuses.Where(s => s.Key is not (0 or 201)).Sum(s => s.Value);
    public string RefusedByStatus => string.Join(",", _statuses.Where(s => s.Key is not (0 or 201)).OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"));

    public void Record(string marker, Answer answer)
    {
        Interlocked.Increment(ref _sent);
        _statuses.AddOrUpdate(answer.Status, 1, (_, n) => n + 1);
        if (answer is { Status: 201, Number: { } number }) _acknowledged[marker] = number;
    }

    /// <summary>Compares with the stored (number, title) pairs: every acknowledged marker stored exactly once under its number.</summary>
    public Check CheckAgainst(IEnumerable<(int Number, string Title)> stored)
    {
        var byMarker = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (number, title) in stored)
        {
            // Only this run's markers: the project may hold other runs' submissions (the load's reports before its incidents).
            if (Submission.MarkerOf(title) is not { } marker || !marker.StartsWith($"load-{run}-", StringComparison.Ordinal)) continue;
            if (!byMarker.TryGetValue(marker, out var numbers)) byMarker[marker] = numbers = [];
            numbers.Add(number);
        }
        var missing = new List<string>();
        var wrongNumber = new List<string>();
        foreach (var (marker, number) in _acknowledged)
        {
            if (!byMarker.TryGetValue(marker, out var numbers)) missing.Add(marker);
            else if (!numbers.Contains(number)) wrongNumber.Add($"{marker} acknowledged as #{number}, stored as #{string.Join(",#", numbers)}");
        }
        var duplicates = byMarker.Where(m => m.Value.Count > 1).Select(m => $"{m.Key} ×{m.Value.Count}").ToList();
        var storedAcknowledged = _acknowledged.Keys.Count(byMarker.ContainsKey);
        var storedUnacknowledged = byMarker.Keys.Count(m => !_acknowledged.ContainsKey(m));
        return new Check(Acknowledged, storedAcknowledged, storedUnacknowledged, missing, wrongNumber, duplicates);
    }

    public string Figures()
    {
        var byStatus = Refused > 0 ? $" ({RefusedByStatus})" : "";
        return FormattableString.Invariant($"sent={Sent} acknowledged={Acknowledged} refused={Refused}{byStatus} unanswered={Unanswered}");
    }
}

/// <summary>The outcome of holding a ledger against the stored records.</summary>
internal sealed record Check(int Acknowledged, int Stored, int StoredWithoutAnswer, IReadOnlyList<string> Missing,
    IReadOnlyList<string> WrongNumber, IReadOnlyList<string> Duplicates)
{
    public bool Holds => Missing.Count == 0 && WrongNumber.Count == 0 && Duplicates.Count == 0 && Stored == Acknowledged;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"stored={Stored}/{Acknowledged} missing={Missing.Count} wrong-number={WrongNumber.Count} duplicates={Duplicates.Count} stored-without-answer={StoredWithoutAnswer}")
        + string.Concat(Missing.Concat(WrongNumber).Concat(Duplicates).Take(10).Select(x => "\n  " + x));
}
