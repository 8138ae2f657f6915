using AngleSharp.Html.Dom;

namespace Firebreak.Web.Tests.Pages.LinkWalk;

/// <summary>A form's submission as a browser makes it, for the forms the walk submits.</summary>
internal static class FormValues
{
    /// <summary>The values a browser would send for the form as it stands (checked boxes, selected options, no files).</summary>
    public static List<KeyValuePair<string, string>> Of(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && !e.HasAttribute("disabled")))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" or "file" }: break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box: if (box.IsChecked) fields.Add(new(name, box.Value)); break;
                case IHtmlInputElement input: fields.Add(new(name, input.Value)); break;
                case IHtmlSelectElement select: fields.Add(new(name, select.Value ?? "")); break;
                case IHtmlTextAreaElement text: fields.Add(new(name, text.Value)); break;
            }
        }
        return fields;
    }

    /// <summary>A GET form's submission: its fields replace the action's query, as browsers do.</summary>
    public static string Query(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        url.Split('?')[0] + Microsoft.AspNetCore.Http.QueryString.Create(fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));
}
