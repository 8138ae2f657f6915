using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Firebreak.Web.Tests.Pages;

/// <summary>When a page gives a form's typed values back: only after a refused write, and only to the form that was posted.</summary>
public sealed class RefusedFormTests
{
    private sealed class AnyPage : PageModel;

    private static AnyPage Page(string method, string? handler, bool refused, string? routedHandler = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Form = new FormCollection(new Dictionary<string, StringValues> { ["reason"] = "typed <here>", ["empty"] = "" });
        if (handler is not null) http.Request.QueryString = new QueryString("?handler=" + handler);
        var route = new RouteData();
        if (routedHandler is not null) route.Values["handler"] = routedHandler;
        var state = new ModelStateDictionary();
        if (refused) state.AddModelError(string.Empty, "refused");
        return new AnyPage { PageContext = new PageContext(new ActionContext(http, route, new Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor(), state)) };
    }

    [Fact]
    public void RefusedPost_GivesBackTheField_ToItsOwnForm()
    {
        var page = Page("POST", "Reopen", refused: true);
        Assert.Equal("typed <here>", page.Posted("reason"));
        Assert.Equal("typed <here>", page.Posted("reason", "Reopen"));
        Assert.Equal("typed <here>", page.Posted("reason", "reopen")); // handler names are not case-sensitive
        Assert.Equal("", page.Posted("empty")); // an emptied field stays empty rather than showing the stored value
        Assert.Null(page.Posted("reason", "Reject")); // another form on the page with a field of the same name
        Assert.Null(page.Posted("missing"));
    }

    [Fact]
    public void HandlerFromTheRoute_CountsAsThePostedForm()
    {
        var page = Page("POST", null, refused: true, routedHandler: "Withdraw");
        Assert.Equal("typed <here>", page.Posted("reason", "Withdraw"));
        Assert.Null(page.Posted("reason", "Return"));
    }

    [Theory]
    [InlineData("POST", false)] // accepted: the page redirects, and if it renders, it shows what is stored
    [InlineData("GET", true)]   // a read never fills a form from its query
    public void NotARefusedWrite_GivesNothingBack(string method, bool refused)
    {
        var page = Page(method, "Reopen", refused);
        Assert.Null(page.Posted("reason", "Reopen"));
        Assert.Null(page.Posted("reason"));
    }
}
