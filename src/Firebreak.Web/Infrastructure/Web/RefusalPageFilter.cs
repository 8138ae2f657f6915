using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// The one way a page shows a refusal: the page comes back with the message in its error summary
/// (<c>Features/Shared/_Errors.cshtml</c>) instead of an error page, so handlers hold no catch blocks.
/// A refusal is a broken rule (<see cref="DomainException"/>, 200), a rate limit
/// (<see cref="TooManyRequestsException"/>, 429 with Retry-After), or a form whose input did not bind
/// (model errors; the handler does not run). Before the page is shown again EF's change tracker is
/// cleared, so nothing half-done is shown (or saved by a later call), and the page reloads itself
/// (<see cref="IReloadablePage"/>); if its object vanished meanwhile it answers 404.
/// Lost write races are not refusals and are not caught here: <see cref="LostRaceRetry"/> reruns them.
/// A post (or other write) for a handler the page does not have is refused, rather than the page rendered with nothing loaded.
/// </summary>
internal sealed class RefusalPageFilter(FirebreakDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var ct = context.HttpContext.RequestAborted;
        var method = context.HttpContext.Request.Method;
        var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        // A read that selects no handler is a page without OnGet (a blank form): it renders as it stands.
        if (context.HandlerMethod is null && !reads && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = NoSuchHandler(context);
            return;
        }
        // A read shows its model errors itself (a filter value that did not bind); a write with them does not run.
        if (!context.ModelState.IsValid && !reads)
        {
            context.Result = await ShowAgainAsync(context.HandlerInstance, ct);
            return;
        }
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not { } refusal || refusal is not (DomainException or TooManyRequestsException)) return;
        executed.ExceptionHandled = true;
        context.ModelState.AddModelError(string.Empty, refusal.Message);
        executed.Result = await ShowAgainAsync(context.HandlerInstance, ct);
        if (refusal is TooManyRequestsException limit && executed.Result is PageResult)
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(limit.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>404 for a handler name the page does not have; 405 when the page takes no request of that method at all.</summary>
    private static IActionResult NoSuchHandler(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        var taken = context.ActionDescriptor.HandlerMethods.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase));
        return taken ? new NotFoundResult() : new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    private async Task<IActionResult> ShowAgainAsync(object page, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (page is IReloadablePage reloadable && !await reloadable.ReloadAsync(ct)) return new NotFoundResult();
        return new PageResult();
    }
}
