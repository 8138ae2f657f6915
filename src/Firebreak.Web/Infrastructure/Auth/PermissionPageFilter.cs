using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// The same table for pages: the handler's <see cref="RequiresPermissionAttribute"/>, else its
/// page's, checked on the route's object before the handler runs. A page that declares nothing and
/// is not anonymous is refused. An allowed handler marked <see cref="RequiresRecentSignInAttribute"/>
/// is then sent to confirm the password first when the last confirmation is too old.
/// </summary>
internal sealed class PermissionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var page = context.ActionDescriptor.ModelTypeInfo;
        if (page?.GetCustomAttributes(typeof(AllowAnonymousAttribute), true).Length > 0)
        {
            await next();
            return;
        }
        var required = (context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(RequiresPermissionAttribute), false).FirstOrDefault()
            ?? page?.GetCustomAttributes(typeof(RequiresPermissionAttribute), true).FirstOrDefault()) as RequiresPermissionAttribute;
        if (required is null)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        switch (await PermissionFilter.DecideAsync(context.HttpContext, required.Permission))
        {
            case AccessDecision.Allowed:
                if (context.HttpContext.RequestServices.GetRequiredService<RecentSignIn>().ChallengeFor(context) is { } confirm) context.Result = confirm;
                else await next();
                break;
            case AccessDecision.NotFound: context.Result = new NotFoundResult(); break;
            case AccessDecision.Forbidden: context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden); break;
        }
    }
}
