using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// What a refused form held, so the page shown again with the error (<see cref="RefusalPageFilter"/>) keeps what the
/// person typed instead of the stored value. A form field's value is given back only on a refused write (the page's
/// model state holds an error) and only to the form that was posted: naming the form's handler keeps a "reason" typed
/// into one form out of another form on the same page that has a field of the same name.
/// </summary>
internal static class RefusedForm
{
    /// <summary>The value the refused form posted in <paramref name="field"/>; null on a read, on success, or when another form was posted.</summary>
    public static string? Posted(this PageModel page, string field, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var request = page.Request;
        if (page.ModelState.IsValid || HttpMethods.IsGet(request.Method) || !request.HasFormContentType) return null;
        if (handler is not null && !string.Equals(PostedHandler(page), handler, StringComparison.OrdinalIgnoreCase)) return null;
        return request.Form.TryGetValue(field, out var value) ? value.ToString() : null;
    }

    private static string? PostedHandler(PageModel page) =>
        page.RouteData.Values.TryGetValue("handler", out var routed) && routed is string name ? name
        : page.Request.Query.TryGetValue("handler", out var asked) ? asked.ToString() : null;
}
