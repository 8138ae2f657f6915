using System.Text;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>The writer's string table: each distinct string is stored once and referred to by its number.</summary>
internal sealed class IndexStringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    public int Count => _strings.Count;

    public int Id(string text)
    {
        if (_ids.TryGetValue(text, out var id)) return id;
        _ids[text] = id = _strings.Count;
        _strings.Add(text);
        return id;
    }

    /// <summary>u32 count, u32 offsets[count + 1] into the UTF-8 blob, then the blob.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        var blobs = _strings.Select(Encoding.UTF8.GetBytes).ToList();
        writer.Write((uint)blobs.Count);
        uint offset = 0;
        foreach (var blob in blobs)
        {
            writer.Write(offset);
            offset += (uint)blob.Length;
        }
        writer.Write(offset);
        foreach (var blob in blobs) writer.Write(blob);
    }
}
