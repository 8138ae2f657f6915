using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

/// <summary>
/// What maintainers wrote in a post-mortem: the Markdown of each section, the link to the regression test or lint, and
/// how they curated the assembled timeline (events hidden, events annotated, events from outside the system added).
/// Built through <see cref="Create"/>, which names the field of every refusal (<c>sections.root-cause</c>,
/// <c>curation.hidden[2]</c>); stored as canonical JSON (<see cref="ToJson"/>, read back by <see cref="FromJson"/>).
/// </summary>
public sealed record PostMortemContent
{
    /// <summary>The longest section, in characters.</summary>
    public const int MaxSectionLength = 50_000;

    /// <summary>The longest annotation or outside event, in characters.</summary>
    public const int MaxNoteLength = 2_000;

    /// <summary>The most outside events, hidden events or annotations one post-mortem keeps.</summary>
    public const int MaxCurations = 500;

    private PostMortemContent() { }

    /// <summary>The written sections; a section never written is absent.</summary>
    public ImmutableSortedDictionary<PostMortemSection, string> Sections { get; private init; } = ImmutableSortedDictionary<PostMortemSection, string>.Empty;

    /// <summary>The https link to the regression test or lint that would have caught it.</summary>
    public string? RegressionTestUrl { get; private init; }

    /// <summary>Keys of the assembled timeline's events left out of the document (<c>timeline-12</c>, <c>audit-3051</c>).</summary>
    public ImmutableSortedSet<string> HiddenEvents { get; private init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>Notes on assembled events, by event key.</summary>
    public ImmutableSortedDictionary<string, string> Annotations { get; private init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Events that happened outside the system (a call, a tweet, a release elsewhere), in time order.</summary>
    public ImmutableArray<OutsideEvent> OutsideEvents { get; private init; } = [];

    /// <summary>Nothing written yet.</summary>
    public static PostMortemContent Empty { get; } = new();

    /// <summary>The text of a section, empty when never written.</summary>
    public string this[PostMortemSection section] => Sections.TryGetValue(section, out var text) ? text : "";

    /// <summary>True when the event key names an event of the assembled timeline (<c>timeline-N</c> or <c>audit-N</c>, N from 1).</summary>
    public static bool IsEventKey(string? key)
    {
        if (key is null) return false;
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || key[..dash] is not ("timeline" or "audit")) return false;
        var number = key[(dash + 1)..];
        return number.Length is > 0 and <= 18 && number[0] != '0' && number.All(char.IsAsciiDigit);
    }

    /// <summary>Checks and builds content; every refusal names its field. Blank sections are dropped; texts are trimmed.</summary>
    public static PostMortemContent Create(IReadOnlyDictionary<string, string?>? sections, string? regressionTestUrl,
        IEnumerable<string?>? hidden, IReadOnlyDictionary<string, string?>? annotations, IEnumerable<(DateTimeOffset? At, string? Text)>? outside)
    {
        var written = new SortedDictionary<PostMortemSection, string>();
        foreach (var (name, text) in sections ?? new Dictionary<string, string?>())
        {
            if (!WireNames.TryParse<PostMortemSection>(name, out var section))
                throw new DomainException($"sections.{FixRelease.Shown(name ?? "")}: not a section; expected one of: {WireNames.AllowedList<PostMortemSection>()}.");
            var trimmed = Clean(text);
            if (trimmed.Length > MaxSectionLength) throw new DomainException($"sections.{section.ToWire()}: longer than {MaxSectionLength:N0} characters.");
            if (trimmed.Length > 0 && !written.TryAdd(section, trimmed)) throw new DomainException($"sections.{section.ToWire()}: given twice.");
        }
        var hiddenKeys = new SortedSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var key in hidden ?? [])
        {
            if (!IsEventKey(key)) throw new DomainException($"curation.hidden[{index}]: '{FixRelease.Shown(key ?? "")}' is not an event key (timeline-N or audit-N).");
            hiddenKeys.Add(key!);
            index++;
        }
        var notes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in annotations ?? new Dictionary<string, string?>())
        {
            if (!IsEventKey(key)) throw new DomainException($"curation.annotations: '{FixRelease.Shown(key ?? "")}' is not an event key (timeline-N or audit-N).");
            var note = Clean(text);
            if (note.Length > MaxNoteLength) throw new DomainException($"curation.annotations[{key}]: longer than {MaxNoteLength:N0} characters.");
            if (note.Length > 0) notes[key] = note;
        }
        var events = new List<OutsideEvent>();
        index = 0;
        foreach (var (at, text) in outside ?? [])
        {
            if (at is null) throw new DomainException($"curation.outsideEvents[{index}].at: required (when it happened).");
            var note = Clean(text);
            if (note.Length == 0) throw new DomainException($"curation.outsideEvents[{index}].text: required (what happened).");
            if (note.Length > MaxNoteLength) throw new DomainException($"curation.outsideEvents[{index}].text: longer than {MaxNoteLength:N0} characters.");
            if (at.Value.Year is < 1990 or > 9000) throw new DomainException($"curation.outsideEvents[{index}].at: {at.Value:u} is not a plausible instant.");
            events.Add(new OutsideEvent(at.Value.UtcDateTime, note));
            index++;
        }
        if (hiddenKeys.Count > MaxCurations) throw new DomainException($"curation.hidden: more than {MaxCurations} events.");
        if (notes.Count > MaxCurations) throw new DomainException($"curation.annotations: more than {MaxCurations} notes.");
        if (events.Count > MaxCurations) throw new DomainException($"curation.outsideEvents: more than {MaxCurations} events.");
        return new PostMortemContent
        {
            Sections = ImmutableSortedDictionary.CreateRange(written),
            RegressionTestUrl = FixRelease.CheckUrl(regressionTestUrl, "regressionTestUrl"),
            HiddenEvents = [.. hiddenKeys],
            Annotations = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, notes),
            OutsideEvents = [.. events.OrderBy(e => e.At)],
        };
    }

    /// <summary>The sections whose text differs from <paramref name="before"/>'s, and whether the timeline curation or the link changed.</summary>
    public IReadOnlyList<string> Differences(PostMortemContent before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changed = Enum.GetValues<PostMortemSection>().Where(s => this[s] != before[s]).Select(s => s.Heading()).ToList();
        if (RegressionTestUrl != before.RegressionTestUrl) changed.Add("regression test link");
        if (!HiddenEvents.SetEquals(before.HiddenEvents) || !Annotations.OrderBy(a => a.Key, StringComparer.Ordinal).SequenceEqual(before.Annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
            || !OutsideEvents.SequenceEqual(before.OutsideEvents))
            changed.Add("timeline");
        return changed;
    }

    /// <summary>The stored form: one JSON object with fixed key order, so equal content gives equal bytes.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject("sections");
            foreach (var (section, text) in Sections) json.WriteString(section.ToWire(), text);
            json.WriteEndObject();
            if (RegressionTestUrl is not null) json.WriteString("regressionTestUrl", RegressionTestUrl);
            json.WriteStartArray("hidden");
            foreach (var key in HiddenEvents) json.WriteStringValue(key);
            json.WriteEndArray();
            json.WriteStartObject("annotations");
            foreach (var (key, text) in Annotations) json.WriteString(key, text);
            json.WriteEndObject();
            json.WriteStartArray("outsideEvents");
            foreach (var e in OutsideEvents)
            {
                json.WriteStartObject();
                json.WriteString("at", e.At.AsInstant().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
                json.WriteString("text", e.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the stored form back through <see cref="Create"/> (stored content obeys the same rules).</summary>
    public static PostMortemContent FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var sections = root.GetProperty("sections").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        var link = root.TryGetProperty("regressionTestUrl", out var url) ? url.GetString() : null;
        var hidden = root.GetProperty("hidden").EnumerateArray().Select(e => e.GetString()).ToList();
        var annotations = root.GetProperty("annotations").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        var outside = root.GetProperty("outsideEvents").EnumerateArray()
            .Select(e => ((DateTimeOffset?)e.GetProperty("at").GetDateTimeOffset(), e.GetProperty("text").GetString())).ToList();
        return Create(sections, link, hidden, annotations, outside);
    }

    // Line ends normalised, so a browser's CRLF and the API's LF store the same text.
    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}

/// <summary>An event from outside the system that maintainers added to a post-mortem's timeline.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Text">What happened.</param>
public sealed record OutsideEvent(DateTime At, string Text);
