namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>One advisory written in any of the standard formats, by name; shared by the CLI and the server.</summary>
public static class AdvisoryExport
{
    /// <summary>The format names, in the order documented.</summary>
    public static readonly string[] Formats = ["osv", "cve5", "cve5-container", "csaf", "csaf-vex", "openvex", "ghsa-md", "changelog"];

    /// <summary>The document's text; <paramref name="format"/> must be one of <see cref="Formats"/>.</summary>
    public static string Write(SecurityAdvisory advisory, string format) => format switch
    {
        "osv" => OsvExporter.Write(advisory),
        "cve5" => CveExporter.WriteRecord(advisory),
        "cve5-container" => CveExporter.WriteCnaContainer(advisory),
        "csaf" => CsafExporter.Write(advisory),
        "csaf-vex" => CsafExporter.Write(advisory, vex: true),
        "openvex" => OpenVexExporter.Write(advisory),
        "ghsa-md" => AdvisoryMarkdown.Write(advisory),
        "changelog" => ChangelogLine.Write(advisory) + "\n",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an advisory format."),
    };

    /// <summary>The media type a format is served with.</summary>
    public static string MediaType(string format) => format switch
    {
        "ghsa-md" => "text/markdown; charset=utf-8",
        "changelog" => "text/plain; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };
}
