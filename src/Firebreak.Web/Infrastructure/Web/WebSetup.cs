using Firebreak.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Json;

namespace Firebreak.Web.Infrastructure.Web;

internal static class WebSetup
{
    public static WebApplicationBuilder AddFirebreakWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<CspNonce>();
        services.AddScoped<ViewerTime>();
        services.AddSingleton<PublicUrl>();
        services.AddSingleton<Templates.LiquidTemplates>();
        // Ahead of the JSON writer AddProblemDetails adds: the first writer that can write an answer writes it.
        services.AddSingleton<IProblemDetailsWriter, HtmlProblemWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.AllowTrailingCommas = false);
        services.AddOpenApi();
        services.AddRazorPages(o => o.RootDirectory = "/Features").AddMvcOptions(o =>
        {
            o.Filters.Add<Auth.PermissionPageFilter>(); // first: nothing runs, or is reloaded, for a caller the role table refuses
            o.Filters.Add<RefusalPageFilter>();
            // Pages check their input themselves (and through the domain); only values that do not bind are model errors.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });
        var tls = builder.Configuration["Firebreak:PublicUrl"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = tls ? "__Host-firebreak.csrf" : "firebreak.csrf";
            o.Cookie.SecurePolicy = tls ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-Token";
        });
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 4 * 1024 * 1024);
        ReverseProxy.Configure(builder);
        return builder;
    }

    public static WebApplication UseFirebreakWeb(this WebApplication app)
    {
        ReverseProxy.Use(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        Auth.TwoFactorRequirement.UseTwoFactorRequirement(app, app.Configuration);
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseLostRaceRetry();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().WithTags("Health");
        // The API description is deliberately public: it describes shapes, never data.
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
