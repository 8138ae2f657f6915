using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Risks;

/// <summary>One thing wrong with an imported register: line and column (Markdown) or JSON path, the column or field, what.</summary>
internal sealed record ImportError(int? Line, int? Column, string? Path, string Field, string Message)
{
    public override string ToString() => Path is null ? $"line {Line}, column {Column} ({Field}): {Message}" : $"{Path}: {Message}";
}

/// <summary>What an import did (or, on a dry run, would do), by entry id.</summary>
internal sealed record ImportOutcome(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> NotInFile, bool DryRun);

/// <summary>Either the outcome or every error found; nothing is written unless the whole file is sound.</summary>
internal sealed record ImportResult(ImportOutcome? Outcome, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports a register document (RISK-REGISTER.md or the JSON export) into a project: all or nothing. Every row is
/// checked first (with its line and column, or JSON path) and every incident number must name an incident of the
/// project. Then, in one transaction, an id already in the register takes the row's fields and links, a new id is
/// entered with that number (the project's RISK sequence is raised past it), and entries the file does not name are
/// left as they are and reported. Each change is audited as "imported".
/// </summary>
internal sealed class ImportRegister(FirebreakDbContext db, UnitOfWork unitOfWork, RiskRecords records, CurrentUser user, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false, MaxDepth = 16 };

    private sealed record Row(RiskId Id, RiskFields Fields, IReadOnlyList<int> Incidents, Func<int, ImportError> IncidentError);

    public async Task<ImportResult> ExecuteAsync(Project project, string content, bool json, bool dryRun, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(content);
        var (rows, errors) = json ? ReadJson(content) : ReadMarkdown(content);
        if (errors.Count > 0) return new(null, errors);
        var numbers = rows.SelectMany(r => r.Incidents).Distinct().ToList();
        var known = await db.Incidents.Where(i => i.ProjectId == project.Id && numbers.Contains(i.Number)).Select(i => i.Number).ToListAsync(ct);
        errors = [.. rows.SelectMany(r => r.Incidents.Where(n => !known.Contains(n)).Select(r.IncidentError)).Take(RiskRegisterMarkdown.MaxErrors)];
        if (errors.Count > 0) return new(null, errors);
        if (dryRun) return new(await PlanAsync(project, rows, ct), []);
        return new(await unitOfWork.RunAsync(c => ApplyAsync(project, rows, c), ct), []);
    }

    private async Task<ImportOutcome> PlanAsync(Project project, List<Row> rows, CancellationToken ct)
    {
        var existing = await db.Set<RiskEntry>().AsNoTracking().Where(r => r.ProjectId == project.Id).ToDictionaryAsync(r => r.Number, ct);
        List<string> created = [], updated = [], unchanged = [];
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Id.Number, out var entry)) created.Add(row.Id.ToString());
            else if (entry.Fields.SameAs(row.Fields) && RiskRow.Of(entry).Incidents.SequenceEqual(row.Incidents)) unchanged.Add(row.Id.ToString());
            else updated.Add(row.Id.ToString());
        }
        return new(created, updated, unchanged, NotInFile(existing.Keys, rows), DryRun: true);
    }

    private async Task<ImportOutcome> ApplyAsync(Project project, List<Row> rows, CancellationToken ct)
    {
        var existing = await db.Set<RiskEntry>().Where(r => r.ProjectId == project.Id).ToDictionaryAsync(r => r.Number, ct);
        var numbers = rows.SelectMany(r => r.Incidents).Distinct().ToList();
        var incidents = await db.Incidents.Where(i => i.ProjectId == project.Id && numbers.Contains(i.Number)).ToDictionaryAsync(i => i.Number, ct);
        List<string> created = [], updated = [], unchanged = [];
        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            List<Incident> linked = [.. row.Incidents.Select(n => incidents[n])];
            if (existing.TryGetValue(row.Id.Number, out var entry))
            {
                var links = await records.SetLinksAsync(entry, linked, ct);
                var changes = entry.Change(row.Fields, user.Name, now);
                (records.Changed(project, entry, changes, links, "imported") ? updated : unchanged).Add(row.Id.ToString());
                continue;
            }
            await db.RaiseAsync(project.Id, Counters.Risk, row.Id.Number, ct);
            entry = RiskEntry.Create(project.Id, row.Id.Number, row.Fields, user.Name, now);
            db.Add(entry);
            foreach (var incident in linked) records.Link(entry, incident);
            records.Created(project, entry, "imported");
            created.Add(row.Id.ToString());
        }
        return new(created, updated, unchanged, NotInFile(existing.Keys, rows), DryRun: false);
    }

    private static List<string> NotInFile(IEnumerable<int> existing, List<Row> rows) =>
        [.. existing.Except(rows.Select(r => r.Id.Number)).Order().Select(n => RiskId.Of(n).ToString())];

    private static (List<Row>, List<ImportError>) ReadMarkdown(string content)
    {
        var reading = RiskRegisterMarkdown.Read(content);
        if (!reading.IsValid) return ([], [.. reading.Errors.Select(e => new ImportError(e.Line, e.Column, null, e.Field, e.Message))]);
        return ([.. reading.Rows.Zip(reading.Places, (row, place) => new Row(row.Id, row.Fields, row.Incidents,
            n => new ImportError(place.Line, place.IncidentsColumn, null, "Incidents", $"#{n} is not an incident of this project.")))], []);
    }

    private static (List<Row>, List<ImportError>) ReadJson(string content)
    {
        RegisterJson? register;
        try
        {
            register = JsonSerializer.Deserialize<RegisterJson>(content, Json);
        }
        catch (JsonException e)
        {
            return ([], [new ImportError((int?)e.LineNumber + 1, (int?)e.BytePositionInLine + 1, e.Path ?? "$", "json", "malformed JSON: " + FirstSentence(e.Message))]);
        }
        if (register is null) return ([], [new ImportError(null, null, "$", "json", "the document is null; expected the register object.")]);
        if (register.Format != RegisterJson.FormatName) return ([], [new ImportError(null, null, "$.format", "format", $"expected \"{RegisterJson.FormatName}\".")]);
        if (register.Version != 1) return ([], [new ImportError(null, null, "$.version", "version", "expected 1.")]);
        var rows = new List<Row>();
        var errors = new List<ImportError>();
        var seen = new Dictionary<int, int>();
        var risks = register.Risks ?? [];
        for (var i = 0; i < risks.Count && errors.Count < RiskRegisterMarkdown.MaxErrors; i++)
        {
            var path = $"$.risks[{i}]";
            if (risks[i] is not { } r)
            {
                errors.Add(new ImportError(null, null, path, "risk", "null; expected an entry."));
                continue;
            }
            if (!RiskId.TryParse(r.Id, out var id, out var idError))
            {
                errors.Add(new ImportError(null, null, path + ".id", "id", idError));
                continue;
            }
            if (!seen.TryAdd(id.Number, i))
            {
                errors.Add(new ImportError(null, null, path + ".id", "id", $"{id} appears twice (first at $.risks[{seen[id.Number]}])."));
                continue;
            }
            var incidents = (r.Incidents ?? []).Select(x => x?.Number ?? 0).ToList();
            try
            {
                if (incidents.IndexOf(0) is var bad and >= 0) throw new DomainException($"incidents[{bad}]: not an incident number.");
                var fields = new RiskInput(r.Title, r.Categories, r.Asset, r.Threat, r.Likelihood, r.Impact, r.Mitigations, r.Owner, r.Status,
                    r.AcceptedUntil, r.AcceptedBy, r.TransferredTo).ToNew();
                rows.Add(new Row(id, fields, [.. incidents.Distinct().Order()], n => new ImportError(null, null, path + ".incidents", "incidents",
                    $"#{n} is not an incident of this project.")));
            }
            catch (DomainException e)
            {
                var colon = e.Message.IndexOf(':', StringComparison.Ordinal);
                var field = colon > 0 ? e.Message[..colon] : "risk";
                errors.Add(new ImportError(null, null, $"{path}.{field}", field, colon > 0 ? e.Message[(colon + 1)..].Trim() : e.Message));
            }
        }
        return (rows, errors);
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.') + ".";
}
