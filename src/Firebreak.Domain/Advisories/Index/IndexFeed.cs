namespace Firebreak.Domain.Advisories.Index;

/// <summary>One source's contents as the index builder holds them: its staged records (OSV, RustSec) or catalog entries (KEV).</summary>
/// <param name="Source">The source.</param>
/// <param name="Records">Its advisory records, (id, origin) unique, staged.</param>
/// <param name="Kev">Its KEV entries.</param>
internal sealed record IndexFeed(AdvisorySource Source, IReadOnlyList<StagedRecord> Records, IReadOnlyList<KevEntry> Kev)
{
    public int RecordCount => Source.Kind == AdvisorySourceKind.Kev ? Kev.Count : Records.Count;
}
