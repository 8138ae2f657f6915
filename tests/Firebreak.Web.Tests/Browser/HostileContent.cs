using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>What the browser tests put in every Markdown field, and how they notice if any of it ever ran.</summary>
internal static class HostileContent
{
    /// <summary>XSS filter-evasion payloads after the OWASP cheat sheet's families.</summary>
    public static readonly string[] Payloads =
    [
        "<script>alert('xss-1')</script>",
        "<img src=x onerror=alert('xss-2')>",
        "<svg/onload=alert('xss-3')>",
        "[click me](javascript:alert('xss-4'))",
        "<a href=\"javascript:alert('xss-5')\">x</a>",
        "<IMG SRC=JaVaScRiPt:alert('xss-6')>",
        "<iframe src=\"javascript:alert('xss-7')\"></iframe>",
        "\"><script>alert('xss-8')</script>",
        "<body onload=alert('xss-9')>",
        "<div style=\"background:url(javascript:alert('xss-10'))\">x</div>",
        "[a](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('xss-11'))",
        "<details open ontoggle=alert('xss-12')>",
    ];

    /// <summary>A lead line followed by every payload, each its own paragraph.</summary>
    public static string Hostile(string lead) => lead + "\n\n" + string.Join("\n\n", Payloads);

    /// <summary>Collects every dialog (an executed payload) and script error on the page.</summary>
    public static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            problems.Add($"dialog: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"console: {m.Text}"); };
        return problems;
    }
}
