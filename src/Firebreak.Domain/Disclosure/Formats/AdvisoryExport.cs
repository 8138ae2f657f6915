using Firebreak.Domain.Common;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>One advisory written in any of the standard formats; shared by the CLI and the server.</summary>
public static class AdvisoryExport
{
    /// <summary>The formats' wire names, in the order documented.</summary>
    public static IReadOnlyList<string> Formats { get; } = [.. Enum.GetValues<ExportFormat>().Select(f => f.ToWire())];

    /// <summary>Reads a format's wire name, or throws a <see cref="DomainException"/> naming <paramref name="field"/> and listing the formats.</summary>
    public static ExportFormat Parse(string? name, string field) =>
        WireNames.TryParse<ExportFormat>(name, out var format)
            ? format
            : throw new DomainException($"{field}: '{name}' is not an advisory format; use {string.Join(", ", Formats)}.");

    /// <summary>The document's text.</summary>
    public static string Write(SecurityAdvisory advisory, ExportFormat format) => format switch
    {
        ExportFormat.Osv => OsvExporter.Write(advisory),
        ExportFormat.Cve5 => CveExporter.WriteRecord(advisory),
        ExportFormat.Cve5Container => CveExporter.WriteCnaContainer(advisory),
        ExportFormat.Csaf => CsafExporter.Write(advisory),
        ExportFormat.CsafVex => CsafExporter.Write(advisory, vex: true),
        ExportFormat.Openvex => OpenVexExporter.Write(advisory),
        ExportFormat.GhsaMd => AdvisoryMarkdown.Write(advisory),
        ExportFormat.Changelog => ChangelogLine.Write(advisory) + "\n",
    };

    /// <summary>The media type a format is served with.</summary>
    public static string MediaType(ExportFormat format) => format switch
    {
        ExportFormat.GhsaMd => "text/markdown; charset=utf-8",
        ExportFormat.Changelog => "text/plain; charset=utf-8",
        ExportFormat.Osv or ExportFormat.Cve5 or ExportFormat.Cve5Container or ExportFormat.Csaf or ExportFormat.CsafVex or ExportFormat.Openvex
            => "application/json; charset=utf-8",
    };

    /// <summary>The file name extension a download of the format carries.</summary>
    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.GhsaMd => "md",
        ExportFormat.Changelog => "txt",
        ExportFormat.Osv or ExportFormat.Cve5 or ExportFormat.Cve5Container or ExportFormat.Csaf or ExportFormat.CsafVex or ExportFormat.Openvex => "json",
    };
}
