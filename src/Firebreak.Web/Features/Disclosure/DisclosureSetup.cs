using Firebreak.Web.Features.Disclosure.Workflow;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>The disclosure feature's services, its settings API and its worker.</summary>
internal static class DisclosureSetup
{
    public static WebApplicationBuilder AddDisclosure(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DisclosureOptions>(builder.Configuration.GetSection("Disclosure"));
        foreach (var useCase in new[] { typeof(AdvisoryMoves), typeof(SaveAdvisory), typeof(RequestReview), typeof(ApproveAdvisory), typeof(ReturnAdvisory),
            typeof(ScheduleAdvisory), typeof(WithdrawAdvisory), typeof(QueuePrivateNotice), typeof(MoveDisclosure), typeof(ReportExploitation) })
            builder.Services.AddScoped(useCase);
        builder.Services.AddScoped<DisclosureMail>();
        builder.Services.AddScoped<ReporterNotice>();
        builder.Services.AddScoped<AdvisoryExporter>();
        builder.Services.AddScoped<AdvisoryRecord>();
        builder.Services.AddScoped<ReviewQueue>();
        builder.Services.AddScoped<ChangeDisclosureSettings>();
        builder.Services.AddScoped<PublicAdvisories>();
        builder.Services.AddScoped<PublishDueAdvisories>();
        builder.Services.AddHostedService<PublicationWorker>();
        return builder;
    }

    /// <summary><c>GET/PUT /api/v1/projects/{slug}/disclosure-settings</c>: the notice and announcement templates and the recipient lists.</summary>
    public static RouteGroupBuilder MapDisclosureSettingsApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/projects/{slug}/disclosure-settings").WithTags("Advisories");
        settings.MapGet("", async Task<Results<Ok<DisclosureSettingsJson>, NotFound>> (string slug, ProjectAccess access, ChangeDisclosureSettings change, CancellationToken ct) =>
            await access.FindProjectAsync(slug, ct) is { } project
                ? TypedResults.Ok(DisclosureSettingsJson.From(await change.GetAsync(project.Id, ct)))
                : TypedResults.NotFound()).RequirePermission(Permission.ProjectRead);
        settings.MapPut("", async Task<Results<Ok<DisclosureSettingsJson>, NotFound>> (string slug, DisclosureSettingsJson body, ProjectAccess access,
            ChangeDisclosureSettings change, CancellationToken ct) =>
            await access.FindProjectAsync(slug, ct) is { } project
                ? TypedResults.Ok(DisclosureSettingsJson.From(await change.ExecuteAsync(project.Id, body, ct)))
                : TypedResults.NotFound()).RequirePermission(Permission.ProjectAdmin);
        return api;
    }
}

internal sealed record DisclosureSettingsJson(string? PrivateNoticeSubject, string? PrivateNoticeBody, string? AnnouncementSubject, string? AnnouncementBody,
    IReadOnlyList<string>? PrivateRecipients, IReadOnlyList<string>? PublicRecipients, IReadOnlyList<string>? RepositoryOwners,
    string? AdvisoryBody = null, string? ChangelogLine = null, string? OsvPrefix = null)
{
    public static DisclosureSettingsJson From(DisclosureSettings s) => new(s.PrivateNoticeSubject, s.PrivateNoticeBody, s.AnnouncementSubject,
        s.AnnouncementBody, s.PrivateRecipients, s.PublicRecipients, s.RepositoryOwners, s.AdvisoryBody, s.ChangelogLine, s.OsvPrefix ?? "");
}
