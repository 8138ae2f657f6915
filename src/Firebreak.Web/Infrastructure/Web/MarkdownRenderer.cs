using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// Renders user Markdown to HTML that is safe to show: raw HTML in the source is escaped by
/// Markdig, and the result still passes through an allow-list sanitiser (links limited to
/// http, https and mailto; no scripts, styles, frames or event handlers).
/// </summary>
internal sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return HtmlString.Empty;
        var html = Markdown.ToHtml(markdown, _pipeline);
        return new HtmlString(_sanitizer.Sanitize(html));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Add("input"); // task-list checkboxes, made inert below
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "input" } input)
                input.SetAttribute("disabled", "disabled");
        };
        return sanitizer;
    }
}
