namespace Firebreak.Domain.Playbooks;

/// <summary>
/// The playbooks a server runs: the built-ins, optionally replaced or extended by custom files.
/// Every handover in the catalog names a playbook and step that exist.
/// </summary>
public sealed class PlaybookCatalog
{
    private readonly Dictionary<string, PlaybookDefinition> _byId;

    private PlaybookCatalog(IReadOnlyList<PlaybookDefinition> all)
    {
        All = all;
        _byId = all.ToDictionary(p => p.Id);
    }

    /// <summary>Every playbook, built-ins first, in a stable order.</summary>
    public IReadOnlyList<PlaybookDefinition> All { get; }

    /// <summary>The playbook with this id, or null.</summary>
    public PlaybookDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The playbook that starts for an incident: for a vulnerability report with a user-safety class,
    /// the first user-safety playbook that triggers on it; otherwise the first non-user-safety playbook
    /// whose triggers include the kind; null when none does.
    /// </summary>
    public PlaybookDefinition? DefaultFor(IncidentKind kind, bool userSafety) =>
        (userSafety ? All.FirstOrDefault(p => p.UserSafety && p.Triggers.Contains(kind)) : null)
        ?? All.FirstOrDefault(p => !p.UserSafety && p.Triggers.Contains(kind))
        ?? All.FirstOrDefault(p => p.Triggers.Contains(kind));

    /// <summary>The built-in playbooks shipped inside this assembly.</summary>
    public static PlaybookCatalog BuiltIn() => BuiltInCatalog.Value;

    private static readonly Lazy<PlaybookCatalog> BuiltInCatalog = new(() =>
    {
        var assembly = typeof(PlaybookCatalog).Assembly;
        var definitions = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".yaml", StringComparison.Ordinal) && n.Contains(".Playbooks.BuiltIn.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return PlaybookParser.Parse(reader.ReadToEnd(), "built-in/" + name[(name.IndexOf(".BuiltIn.", StringComparison.Ordinal) + 9)..]);
            })
            .ToList();
        var result = Build(definitions, []);
        return result.Errors.Count == 0 ? result.Catalog : throw new PlaybookFormatException(result.Errors);
    });

    /// <summary>
    /// The built-ins plus every *.yaml / *.yml file in <paramref name="folder"/>; a custom playbook
    /// with a built-in's id replaces it. Invalid files are left out and reported.
    /// </summary>
    public static CatalogLoadResult Load(IEnumerable<PlaybookDefinition> builtIns, string folder)
    {
        var errors = new List<PlaybookError>();
        var custom = new List<PlaybookDefinition>();
        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            if (info.Length > PlaybookParser.MaxLength)
            {
                errors.Add(new PlaybookError(file, 1, 1, $"The file is larger than {PlaybookParser.MaxLength} bytes."));
                continue;
            }
            if (PlaybookParser.TryParse(File.ReadAllText(file), file, out var definition, out var fileErrors)) custom.Add(definition!);
            else errors.AddRange(fileErrors);
        }
        var duplicates = custom.GroupBy(p => p.Id).Where(g => g.Count() > 1);
        foreach (var group in duplicates)
        {
            foreach (var p in group.Skip(1)) errors.Add(new PlaybookError(p.Source, 1, 1, $"Playbook id '{p.Id}' is also used by {group.First().Source}; this file was not loaded."));
        }
        var firstOfEach = custom.GroupBy(p => p.Id).Select(g => g.First()).ToList();
        var merged = builtIns.Where(b => firstOfEach.All(c => c.Id != b.Id)).Concat(firstOfEach).ToList();
        return Build(merged, errors);
    }

    /// <summary>Builds a catalog from already-parsed playbooks, dropping any whose handovers do not resolve.</summary>
    public static CatalogLoadResult Build(IReadOnlyList<PlaybookDefinition> playbooks, IEnumerable<PlaybookError> earlier)
    {
        var errors = earlier.ToList();
        var ids = playbooks.ToDictionary(p => p.Id);
        var valid = new List<PlaybookDefinition>();
        foreach (var playbook in playbooks)
        {
            var broken = playbook.Steps.SelectMany(s => s.Options.Where(o => o.Handover is not null).Select(o => (Step: s, o.Handover!)))
                .Where(h => !ids.TryGetValue(h.Item2.PlaybookId, out var target) || target.Step(h.Item2.StepId) is null)
                .Select(h => new PlaybookError(playbook.Source, 1, 1,
                    $"Playbook '{playbook.Id}', step '{h.Step.Id}': hands over to '{h.Item2.PlaybookId}' at '{h.Item2.StepId}', which does not exist."))
                .ToList();
            if (broken.Count == 0) valid.Add(playbook);
            else errors.AddRange(broken);
        }
        return new CatalogLoadResult(new PlaybookCatalog(valid), errors);
    }
}

/// <summary>A catalog and the problems met while loading it.</summary>
/// <param name="Catalog">The playbooks that loaded.</param>
/// <param name="Errors">Files or playbooks left out, with where and why.</param>
public sealed record CatalogLoadResult(PlaybookCatalog Catalog, IReadOnlyList<PlaybookError> Errors);
