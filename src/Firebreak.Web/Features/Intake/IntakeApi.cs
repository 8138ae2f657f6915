using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Confirmation;
using Firebreak.Web.Features.Intake.Mail;
using Firebreak.Web.Features.Intake.Portal;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Features.Intake.Settings;
using Firebreak.Web.Features.Intake.Threads;
using Firebreak.Web.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Firebreak.Web.Features.Intake;

/// <summary>
/// Public intake (<c>POST /projects/{slug}/reports</c>, anonymous), the reporter's portal
/// (<c>/portal</c>, authorised by the <c>X-Reporter-Token</c> header alone), and the maintainers'
/// side of the thread (<c>/incidents/{id}/messages</c>, project members).
/// </summary>
internal static class IntakeApi
{
    public static WebApplicationBuilder AddIntake(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<SubmitReport>();
        services.AddScoped<FileReport>();
        services.TryAddSingleton<Infrastructure.Telemetry.FirebreakMetrics>();
        services.AddSingleton<IntakeQueue>();
        services.AddSingleton<IntakeRateLimiter>();
        services.AddHostedService<IntakeWriter>();
        services.AddScoped<ConfirmReport>();
        services.AddScoped<Threads.ThreadRecord>();
        services.AddScoped<Confirmation.RedactHeldReports>();
        services.AddScoped<AttachToReport>();
        services.AddSingleton<AttachmentLimits>();
        // The pages that take files may receive more than the server's default body limit.
        var limits = new AttachmentLimits(builder.Configuration);
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.Add(new TakesAttachmentsAttribute.Convention(limits)));
        services.AddScoped<ReportMail>();
        services.AddScoped<ReportThreads>();
        services.AddScoped<PostMessage>();
        services.AddScoped<SendAcknowledgement>();
        services.AddScoped<MarkAcknowledged>();
        services.AddScoped<ChangeIntakeSettings>();
        services.AddScoped<JudgeReport>();
        services.AddScoped<IOutboxObserver, AcknowledgementSent>();
        return builder;
    }

    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder api)
    {
        ReportsApi.Map(api);
        SettingsApi.Map(api);
        AttachmentApi.Map(PortalApi.Map(api), ThreadApi.Map(api));
        return api;
    }
}
