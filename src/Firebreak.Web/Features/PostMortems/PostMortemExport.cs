using System.Globalization;
using System.Text;
using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// A post-mortem as a file to keep: Markdown ready to commit to the project's repository (<c>docs/postmortems/…</c>) and
/// JSON for tools. Both carry only the visible timeline (hidden events left out, annotations kept) and the action items.
/// Instants are UTC so the file reads the same for everyone.
/// </summary>
internal static class PostMortemExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The file name an export is offered under (<c>springtale-12-postmortem.md</c>).</summary>
    public static string FileName(Project project, Incident incident, string extension)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        return $"{project.Slug}-{incident.Number.ToString(CultureInfo.InvariantCulture)}-postmortem.{extension}";
    }

    public static string Markdown(Project project, Incident incident, PostMortem postMortem, IReadOnlyList<PostMortemEvent> timeline, IReadOnlyList<ActionItemJson> items)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(postMortem);
        var c = postMortem.Content;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Post-mortem: {OneLine(incident.Title)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Project: {OneLine(project.Name)}\n- Incident: #{incident.Number} ({incident.Kind.ToWire()}, {incident.Severity.ToWire()})\n");
        md.Append(CultureInfo.InvariantCulture, $"- Opened: {Utc(incident.OpenedAt)}\n");
        if (incident.FixedAt is { } fixedAt) md.Append(CultureInfo.InvariantCulture, $"- Fixed: {Utc(fixedAt.UtcDateTime)} ({string.Join(", ", incident.ReleasedVersions)})\n");
        md.Append(postMortem.SignedOffAt is { } signed
            ? string.Create(CultureInfo.InvariantCulture, $"- Status: signed off by {OneLine(postMortem.SignedOffBy ?? "")} for the board, {Utc(signed)}\n")
            : string.Create(CultureInfo.InvariantCulture, $"- Status: draft, version {postMortem.Version}\n"));
        md.Append("\nThis post-mortem is blameless: it describes what the system and the process allowed, not who was at fault.\n");
        foreach (var section in Enum.GetValues<PostMortemSection>())
        {
            if (section == PostMortemSection.RootCause) Timeline(md, timeline);
            md.Append(CultureInfo.InvariantCulture, $"\n## {section.Heading()}\n\n");
            var text = c[section];
            md.Append(text.Length == 0 ? "_Not written._" : text).Append('\n');
            if (section == PostMortemSection.RegressionTest && c.RegressionTestUrl is { } link) md.Append(CultureInfo.InvariantCulture, $"\nLink: <{link}>\n");
        }
        md.Append("\n## Action items\n\n");
        if (items.Count == 0) md.Append("_None._\n");
        foreach (var item in items)
        {
            var box = item.Status == "open" ? "[ ]" : "[x]";
            md.Append(CultureInfo.InvariantCulture, $"- {box} {OneLine(item.Title)} — {OneLine(item.Owner)}, due {Utc(item.DueAt)}, {item.Status}");
            if (item.Link is { } link) md.Append(CultureInfo.InvariantCulture, $" (<{link}>)");
            if (item.Reason is { } reason) md.Append(CultureInfo.InvariantCulture, $": {OneLine(reason)}");
            md.Append('\n');
        }
        return md.ToString();
    }

    public static string ToJson(Project project, Incident incident, PostMortem postMortem, IReadOnlyList<PostMortemEvent> timeline, IReadOnlyList<ActionItemJson> items)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(postMortem);
        var c = postMortem.Content;
        var document = new
        {
            format = "firebreak-postmortem/1",
            project = project.Slug,
            incident = new { id = incident.Id, number = incident.Number, title = incident.Title, kind = incident.Kind.ToWire(), severity = incident.Severity.ToWire(), openedAt = incident.OpenedAt },
            version = postMortem.Version,
            signedOffAt = postMortem.SignedOffAt,
            signedOffBy = postMortem.SignedOffBy,
            sections = Enum.GetValues<PostMortemSection>().ToDictionary(s => s.ToWire(), s => c[s]),
            regressionTestUrl = c.RegressionTestUrl,
            timeline = timeline.Where(e => !e.Hidden).Select(e => new { e.Key, e.At, e.Actor, e.Source, e.Kind, e.Text, e.Annotation }),
            actionItems = items,
        };
        return JsonSerializer.Serialize(document, Json) + "\n";
    }

    private static void Timeline(StringBuilder md, IReadOnlyList<PostMortemEvent> timeline)
    {
        md.Append("\n## Timeline (UTC)\n\n");
        var shown = timeline.Where(e => !e.Hidden).ToList();
        if (shown.Count == 0) md.Append("_No events._\n");
        foreach (var e in shown)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Utc(e.At)} — ");
            if (e.Actor.Length > 0) md.Append(CultureInfo.InvariantCulture, $"{OneLine(e.Actor)}: ");
            md.Append(OneLine(e.Text));
            if (e.Source == "outside") md.Append(" _(outside the system)_");
            md.Append('\n');
            if (e.Annotation is { } note) md.Append(CultureInfo.InvariantCulture, $"  > {OneLine(note)}\n");
        }
    }

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    // A list item or heading stays one line whatever the text holds.
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
