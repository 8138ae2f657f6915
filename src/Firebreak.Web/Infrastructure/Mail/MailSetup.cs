using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Firebreak.Web.Infrastructure.Mail;

internal static class MailSetup
{
    /// <summary>The durable outbox, its SMTP transport and the worker that drains it.</summary>
    public static WebApplicationBuilder AddFirebreakMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
        services.AddSingleton<MailSignal>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<MailSignal>());
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddScoped<Outbox>();
        services.AddScoped<MailDelivery>();
        services.AddHostedService<MailWorker>();
        return builder;
    }
}
