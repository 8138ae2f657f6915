namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// The builder's strings while records are staged: each distinct string once, numbered in the order it was
/// first staged. Staged records refer to these numbers; the writer renumbers them into the file's string
/// table in the order the file reaches them, so a string only a replaced record used never reaches the file.
/// </summary>
internal sealed class StagedStrings
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    public int Count => _strings.Count;

    public string this[int id] => _strings[id];

    public int Intern(string text)
    {
        if (_ids.TryGetValue(text, out var id)) return id;
        _ids[text] = id = _strings.Count;
        _strings.Add(text);
        return id;
    }
}
