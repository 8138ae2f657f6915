namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The battery's XSS filter-evasion vectors (issue 12 part 5), written for Firebreak after the families of the OWASP
/// cheat sheet: script elements, event handlers, javascript: and data: URLs, SVG and MathML, encodings (entities,
/// hex, decimal without semicolons, tabs and newlines inside the scheme), broken and nested markup, attribute
/// break-outs, and Markdown link forms. Every vector calls <c>fbx(n)</c> (a hook the test defines before any page
/// script runs), so an execution names the vector; <c>alert</c> is hooked as well.
/// </summary>
internal static class XssPayloads
{
    public static readonly string[] All =
    [
        "<script>fbx(1)</script>",
        "<SCRIPT SRC=data:text/javascript,fbx(2)></SCRIPT>",
        "<scr<script>ipt>fbx(3)</scr</script>ipt>",
        "<img src=x onerror=fbx(4)>",
        "<img src=x onerror=\"&#102;&#98;&#120;&#40;&#53;&#41;\">",
        "<IMG SRC=\"jav\tascript:fbx(6)\">",
        "<img src=`x` onerror=fbx(7)//",
        "<svg onload=fbx(8)>",
        "<svg><script>fbx(9)</script></svg>",
        "<svg><a xlink:href=\"javascript:fbx(10)\"><text x=\"0\" y=\"20\">svg link</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=fbx(11)>",
        "<math href=\"javascript:fbx(12)\">math link</math>",
        "<a href=\"javascript:fbx(13)\">plain link</a>",
        "<a href=\"JaVaScRiPt:fbx(14)\">mixed case</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;fbx(15)\">entities</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;fbx(16)\">hex entities</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058fbx(17)\">long decimal</a>",
        "<a href=\" &#14;  javascript:fbx(18)\">leading junk</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5wYXJlbnQuZmJ4KDE5KTwvc2NyaXB0Pg==\">data url</a>",
        "[markdown link](javascript:fbx(20))",
        "[entity link](&#106;avascript:fbx(21))",
        "![image](x\" onerror=\"fbx(22))",
        "<javascript:fbx(23)>",
        "<body onload=fbx(24)>",
        "<details open ontoggle=fbx(25)>",
        "<iframe src=\"javascript:fbx(26)\"></iframe>",
        "<iframe srcdoc=\"<script>parent.fbx(27)</script>\"></iframe>",
        "<object data=\"javascript:fbx(28)\"></object>",
        "<embed src=\"javascript:fbx(29)\">",
        "<input autofocus onfocus=fbx(30)>",
        "<video><source onerror=\"fbx(31)\"></video>",
        "<form><button formaction=javascript:fbx(32)>button</button></form>",
        "<div style=\"background-image:url(javascript:fbx(33))\">styled</div>",
        "<style>@import 'javascript:fbx(34)';</style>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:fbx(35)\">",
        "<base href=\"javascript:fbx(36)//\">",
        "\"><script>fbx(37)</script>",
        "'><img src=x onerror=fbx(38)>",
        "\" autofocus onfocus=\"fbx(39)",
        "' onmouseover='fbx(40)",
        "</textarea><script>fbx(41)</script>",
        "</title><script>fbx(42)</script>",
        "<!--<img src=\"--><img src=x onerror=fbx(43)//\">",
        "<img \"\"\"><script>fbx(44)</script>\">",
        "<<script>fbx(45);//<</script>",
        "<noscript><p title=\"</noscript><img src=x onerror=fbx(46)>\">",
        "%3Cscript%3Efbx(47)%3C/script%3E",
        "&lt;script&gt;fbx(48)&lt;/script&gt;",
        "{{constructor.constructor('fbx(49)')()}}",
        "<template><script>fbx(50)</script></template><a id=x tabindex=1 onfocusin=fbx(53)>",
        "<marquee onstart=fbx(51)>m</marquee>",
        "<x contenteditable onblur=fbx(52)>x</x>",
    ];

    /// <summary>A lead line followed by every vector, each its own paragraph (for Markdown fields).</summary>
    public static string Block(string lead) => lead + "\n\n" + string.Join("\n\n", All);

    /// <summary>A one-line field: the lead, then as many vectors as fit in <paramref name="max"/> characters, from vector <paramref name="start"/> on (so fields differ).</summary>
    public static string Line(string lead, int start, int max = 160)
    {
        var text = lead;
        foreach (var v in All.Skip(start % All.Length).Concat(All.Take(start % All.Length)))
        {
            if (text.Length + v.Length + 1 > max) break;
            text += " " + v;
        }
        return text;
    }

    /// <summary>Defined before any page script: records every call of <c>fbx</c> and every dialog function.</summary>
    public const string Hook = """
        (() => {
          const fired = [];
          Object.defineProperty(window, '__xssFired', { value: fired });
          window.fbx = n => fired.push('fbx(' + n + ')');
          for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = m => fired.push(name + '(' + m + ')');
        })();
        """;
}
