using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Errors;
using Firebreak.Web.Infrastructure.Web;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Pages;

/// <summary>
/// The seam every page's refusals go through, tried directly: what the filter does with each outcome of a handler,
/// on a real DbContext (its change tracker must be empty before the page reloads).
/// </summary>
public sealed class RefusalPageFilterTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private sealed class FakePage(bool exists) : PageModel, IReloadablePage
    {
        public int Reloads { get; private set; }
        public int TrackedAtReload { get; private set; } = -1;
        public FirebreakDbContext? Db { get; init; }

        public Task<bool> ReloadAsync(CancellationToken ct)
        {
            Reloads++;
            TrackedAtReload = Db!.ChangeTracker.Entries().Count();
            return Task.FromResult(exists);
        }
    }

    private static readonly HandlerMethodDescriptor Handler = new() { HttpMethod = "Post", Name = "Save", Parameters = [] };

    /// <summary>Runs the filter around a handler that throws <paramref name="thrown"/> (or returns), with a half-done change tracked.</summary>
    private async Task<(PageHandlerExecutingContext Context, PageHandlerExecutedContext? Executed)> RunAsync(FakePage page, FirebreakDbContext db,
        Exception? thrown, Action<ModelStateDictionary>? arrange = null, string method = "POST", HandlerMethodDescriptor? selected = null, bool noHandler = false)
    {
        var http = new DefaultHttpContext { RequestServices = factory.Services };
        http.Request.Method = method;
        selected ??= Handler;
        var descriptor = new CompiledPageActionDescriptor { HandlerMethods = [selected] };
        var pageContext = new PageContext(new ActionContext(http, new RouteData(), descriptor, new ModelStateDictionary()));
        arrange?.Invoke(pageContext.ModelState);
        var context = new PageHandlerExecutingContext(pageContext, [], noHandler ? null : selected, new Dictionary<string, object?>(), page);
        PageHandlerExecutedContext? executed = null;
        db.Projects.Add(Domain.Projects.Project.Create("tracked", "Half done", null, [], DateTimeOffset.UnixEpoch));
        await new RefusalPageFilter(db).OnPageHandlerExecutionAsync(context, () =>
        {
            executed = new PageHandlerExecutedContext(pageContext, [], selected, page) { Exception = thrown };
            return Task.FromResult(executed);
        });
        return (context, executed);
    }

    [Fact]
    public async Task BrokenRule_BecomesAModelError_AndThePageReloadsOnACleanTracker()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var page = new FakePage(exists: true) { Db = db };

        var (context, executed) = await RunAsync(page, db, new DomainException("A step cannot be completed twice."));

        Assert.True(executed!.ExceptionHandled);
        Assert.IsType<PageResult>(executed.Result);
        Assert.Equal("A step cannot be completed twice.", Assert.Single(context.ModelState[string.Empty]!.Errors).ErrorMessage);
        Assert.Equal((1, 0), (page.Reloads, page.TrackedAtReload));
        Assert.Equal(StatusCodes.Status200OK, context.HttpContext.Response.StatusCode);
    }

    [Fact]
    public async Task BrokenRule_WhenTheObjectVanished_IsNotFound()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();

        var (_, executed) = await RunAsync(new FakePage(exists: false) { Db = db }, db, new DomainException("gone meanwhile"));

        Assert.IsType<NotFoundResult>(executed!.Result);
    }

    [Fact]
    public async Task RateLimit_ShowsThePageWith429AndRetryAfter()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();

        var (context, executed) = await RunAsync(new FakePage(exists: true) { Db = db }, db, new TooManyRequestsException("Slow down.", TimeSpan.FromSeconds(2.5)));

        Assert.IsType<PageResult>(executed!.Result);
        Assert.Equal(StatusCodes.Status429TooManyRequests, context.HttpContext.Response.StatusCode);
        Assert.Equal("3", context.HttpContext.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task OtherExceptions_AreNotTheFiltersBusiness()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var page = new FakePage(exists: true) { Db = db };

        var (context, executed) = await RunAsync(page, db, new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("lost a race"));

        Assert.False(executed!.ExceptionHandled);
        Assert.Null(executed.Result);
        Assert.Equal(0, page.Reloads);
        Assert.True(context.ModelState.IsValid);
    }

    [Fact]
    public async Task PostWithModelErrors_DoesNotRunTheHandler_AndShowsThePageAgain()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var page = new FakePage(exists: true) { Db = db };

        var (context, executed) = await RunAsync(page, db, null, state => state.AddModelError("duplicateOf", "The value 'abc' is not valid for duplicateOf."));

        Assert.Null(executed);
        Assert.IsType<PageResult>(context.Result);
        Assert.Equal((1, 0), (page.Reloads, page.TrackedAtReload));
    }

    [Fact]
    public async Task GetWithModelErrors_RunsTheHandler_WhichShowsTheErrors()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var get = new HandlerMethodDescriptor { HttpMethod = "Get", Parameters = [] };

        var (context, executed) = await RunAsync(new FakePage(exists: true) { Db = db }, db, null, state => state.AddModelError("Kev", "bad"), "GET", get);

        Assert.NotNull(executed);
        Assert.Null(context.Result);
    }

    [Theory]
    [InlineData("POST", StatusCodes.Status404NotFound)] // ?handler=Bogus on a page that takes posts
    [InlineData("PUT", StatusCodes.Status405MethodNotAllowed)] // a method the page takes nowhere
    public async Task NoHandlerSelected_IsRefused_NotRenderedEmpty(string method, int expected)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();

        var (context, executed) = await RunAsync(new FakePage(exists: true) { Db = db }, db, null, method: method, noHandler: true);

        Assert.Null(executed);
        Assert.Equal(expected, Assert.IsAssignableFrom<IStatusCodeActionResult>(context.Result).StatusCode);
    }

    [Fact]
    public async Task GetWithoutHandler_RendersThePage_ForPagesThatHaveNoOnGet()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();

        var (context, executed) = await RunAsync(new FakePage(exists: true) { Db = db }, db, null, method: "GET", noHandler: true);

        Assert.NotNull(executed);
        Assert.Null(context.Result);
    }
}
