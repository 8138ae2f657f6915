using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using YamlDotNet.Core.Events;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Domain.Playbooks;

/// <summary>
/// Reads playbook YAML (format in docs/playbooks.md) into a <see cref="PlaybookDefinition"/>,
/// reporting every problem it finds with file, line and column. Documents over 1 MiB, anchors and
/// aliases (the stuff of YAML bombs) and more than one document are refused outright.
/// </summary>
public static class PlaybookParser
{
    /// <summary>Largest document accepted, in characters.</summary>
    public const int MaxLength = 1024 * 1024;

    /// <summary>Parses or throws <see cref="PlaybookFormatException"/> with every error found.</summary>
    public static PlaybookDefinition Parse(string yaml, string sourceName) =>
        TryParse(yaml, sourceName, out var definition, out var errors) ? definition! : throw new PlaybookFormatException(errors);

    /// <summary>Parses; false with the located errors when the document is not a valid playbook.</summary>
    public static bool TryParse(string yaml, string sourceName, out PlaybookDefinition? definition, out IReadOnlyList<PlaybookError> errors)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        definition = null;
        var reader = new YamlReader(sourceName);
        errors = reader.Errors;
        if (yaml.Length > MaxLength)
        {
            reader.Error(null, $"The document is larger than {MaxLength} characters.");
            return false;
        }
        var root = Load(yaml, reader);
        if (root is null) return false;
        definition = PlaybookReader.Read(root, sourceName, reader);
        if (reader.Errors.Count == 0) return true;
        definition = null;
        return false;
    }

    private static YamlMappingNode? Load(string yaml, YamlReader reader)
    {
        try
        {
            var parser = new Parser(new StringReader(yaml));
            var documents = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        reader.ErrorAt(alias.Start, "Anchors and aliases are not allowed in playbooks.");
                        return null;
                    case NodeEvent { Anchor.IsEmpty: false } anchored:
                        reader.ErrorAt(anchored.Start, "Anchors and aliases are not allowed in playbooks.");
                        return null;
                    case DocumentStart start when ++documents > 1:
                        reader.ErrorAt(start.Start, "A playbook file holds exactly one document.");
                        return null;
                }
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                reader.Error(null, "The document is empty.");
                return null;
            }
            return reader.Mapping(stream.Documents[0].RootNode, "A playbook");
        }
        catch (YamlException e)
        {
            reader.ErrorAt(e.Start, "Malformed YAML: " + e.Message.Split(": ", 2).Last());
            return null;
        }
    }

    /// <summary>Turns the YAML tree into the model, checking cross-references within the playbook.</summary>
    private static class PlaybookReader
    {
        public static PlaybookDefinition? Read(YamlMappingNode root, string source, YamlReader r)
        {
            r.OnlyKeys(root, "the playbook", "id", "title", "description", "triggers", "user-safety", "steps");
            var id = r.Id(root, "id", "the playbook");
            var title = r.Text(root, "title", "the playbook", required: true, max: 200);
            var description = r.Text(root, "description", "the playbook", required: false) ?? "";
            var triggers = new List<IncidentKind>();
            foreach (var node in r.Sequence(root, "triggers", "the playbook", required: true))
            {
                if (node is YamlScalarNode { Value: { } text } && WireNames.TryParse<IncidentKind>(text, out var kind)) triggers.Add(kind);
                else r.Error(node, $"'{(node as YamlScalarNode)?.Value}' is not an incident kind; expected one of: {WireNames.AllowedList<IncidentKind>()}.");
            }
            var userSafety = r.Bool(root, "user-safety", "the playbook");
            var stepNodes = r.Sequence(root, "steps", "the playbook", required: true);
            if (stepNodes.Count == 0 && YamlReader.Value(root, "steps") is { } empty) r.Error(empty, "A playbook needs at least one step.");
            var steps = new List<(PlaybookStep Step, YamlNode Node)>();
            foreach (var node in stepNodes)
            {
                if (ReadStep(node, r) is { } step) steps.Add((step, node));
            }
            CheckReferences(steps, r);
            if (id is null || title is null) return null;
            return new PlaybookDefinition(id, title, description, triggers, userSafety, [.. steps.Select(s => s.Step)], source);
        }

        private static PlaybookStep? ReadStep(YamlNode node, YamlReader r)
        {
            if (r.Mapping(node, "A step") is not { } map) return null;
            var id = r.Id(map, "id", "a step");
            var what = $"step '{id}'";
            r.OnlyKeys(map, what, "id", "title", "guidance", "role", "deadline", "stage", "marks", "evidence", "kind", "options");
            var title = r.Text(map, "title", what, required: true, max: 200);
            var guidance = r.Text(map, "guidance", what, required: false) ?? "";
            Role? role = null;
            if (r.Text(map, "role", what, required: true) is { } roleText)
            {
                if (Role.TryParse(roleText, out var parsed)) role = parsed;
                else r.Error(YamlReader.Value(map, "role"), $"The role '{roleText}' of {what} {Role.NameRule} The built-in roles are {string.Join(", ", Role.BuiltIn)}; a project may add its own.");
            }
            TimeSpan? deadline = null;
            if (r.Text(map, "deadline", what, required: false) is { } d)
            {
                if (DurationText.TryParse(d, out var span)) deadline = span;
                else r.Error(YamlReader.Value(map, "deadline"), $"'{d}' is not a duration in {what}; write a whole number and m, h or d (e.g. 4h, 7d).");
            }
            var stage = r.Enum<IncidentStage>(map, "stage", what, required: false);
            if (stage is IncidentStage.Closed or IncidentStage.Rejected or IncidentStage.Duplicate)
                r.Error(YamlReader.Value(map, "stage"), $"The stage of {what} must be one of discovery, assessment, disclosure, post-mortem.");
            var marks = r.Enum<PlaybookEvent>(map, "marks", what, required: false);
            var kind = r.Enum<StepKind>(map, "kind", what, required: false) ?? StepKind.Task;
            var evidence = r.Sequence(map, "evidence", what, required: false).Select(e => ReadEvidence(e, what, r)).OfType<EvidenceField>().ToList();
            Unique(evidence.Select(e => e.Id), YamlReader.Value(map, "evidence"), $"evidence id in {what}", r);
            var optionNodes = r.Sequence(map, "options", what, required: kind == StepKind.Decision);
            var options = optionNodes.Select(o => ReadOption(o, what, r)).OfType<DecisionOption>().ToList();
            Unique(options.Select(o => o.Id), YamlReader.Value(map, "options"), $"option id in {what}", r);
            if (kind == StepKind.Decision && optionNodes.Count is > 0 and < 2) r.Error(YamlReader.Value(map, "options"), $"The decision {what} needs at least two options.");
            if (kind == StepKind.Task && optionNodes.Count > 0) r.Error(YamlReader.Value(map, "options"), $"Only a decision step has options; add 'kind: decision' to {what}.");
            if (kind == StepKind.Decision && marks is not null) r.Error(YamlReader.Value(map, "marks"), $"A decision step cannot mark an event ({what}).");
            if (id is null || title is null || role is null) return null;
            return new PlaybookStep(id, title, guidance, role.Value, deadline, stage, marks, evidence, kind, options);
        }

        private static EvidenceField? ReadEvidence(YamlNode node, string step, YamlReader r)
        {
            if (r.Mapping(node, $"Evidence of {step}") is not { } map) return null;
            var id = r.Id(map, "id", $"evidence of {step}");
            var what = $"evidence '{id}' of {step}";
            r.OnlyKeys(map, what, "id", "label", "kind", "required", "choices");
            var label = r.Text(map, "label", what, required: true, max: 200);
            var kind = r.Enum<EvidenceKind>(map, "kind", what, required: true);
            var required = r.Bool(map, "required", what);
            var choices = r.Strings(map, "choices", what);
            if (kind == EvidenceKind.Choice && choices.Count < 2) r.Error(node, $"The choice {what} needs 'choices' with at least two values.");
            if (kind is not EvidenceKind.Choice and not null && choices.Count > 0) r.Error(YamlReader.Value(map, "choices"), $"Only a choice has 'choices' ({what}).");
            if (id is null || label is null || kind is null) return null;
            return new EvidenceField(id, label, kind.Value, required, choices);
        }

        private static DecisionOption? ReadOption(YamlNode node, string step, YamlReader r)
        {
            if (r.Mapping(node, $"An option of {step}") is not { } map) return null;
            var id = r.Id(map, "id", $"an option of {step}");
            var what = $"option '{id}' of {step}";
            r.OnlyKeys(map, what, "id", "label", "next", "handover");
            var label = r.Text(map, "label", what, required: true, max: 200);
            var next = r.Strings(map, "next", what);
            PlaybookHandover? handover = null;
            if (YamlReader.Value(map, "handover") is { } h && r.Mapping(h, $"The handover of {what}") is { } hm)
            {
                r.OnlyKeys(hm, $"the handover of {what}", "playbook", "step");
                var playbook = r.Id(hm, "playbook", $"the handover of {what}");
                var target = r.Id(hm, "step", $"the handover of {what}");
                if (playbook is not null && target is not null) handover = new PlaybookHandover(playbook, target);
            }
            if (handover is not null && next.Count > 0) r.Error(map, $"An option hands over or enables steps, not both ({what}).");
            if (id is null || label is null) return null;
            return new DecisionOption(id, label, next, handover);
        }

        private static void CheckReferences(List<(PlaybookStep Step, YamlNode Node)> steps, YamlReader r)
        {
            Unique(steps.Select(s => s.Step.Id), null, "step id", r, steps.Select(s => s.Node).ToList());
            var position = steps.Select((s, i) => (s.Step.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);
            foreach (var (step, node) in steps)
            {
                foreach (var option in step.Options)
                {
                    foreach (var target in option.Next)
                    {
                        if (!position.TryGetValue(target, out var at)) r.Error(node, $"Option '{option.Id}' of step '{step.Id}' names an unknown step '{target}'.");
                        else if (at <= position[step.Id]) r.Error(node, $"Option '{option.Id}' of step '{step.Id}' enables step '{target}', which does not come after the decision.");
                    }
                }
            }
        }

        private static void Unique(IEnumerable<string> ids, YamlNode? at, string what, YamlReader r, List<YamlNode>? nodes = null)
        {
            var seen = new HashSet<string>();
            var index = 0;
            foreach (var id in ids)
            {
                if (!seen.Add(id)) r.Error(nodes is null ? at : nodes[index], $"Duplicate {what} '{id}'.");
                index++;
            }
        }
    }
}
