using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Features.AuditLog;
using Firebreak.Web.Features.Cvss;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Features.Incidents;
using Firebreak.Web.Features.Intake;
using Firebreak.Web.Features.MailQueue;
using Firebreak.Web.Features.Playbooks;
using Firebreak.Web.Features.Projects;
using Firebreak.Web.Features.Watch;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Playbooks;
using Firebreak.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddFirebreakData();
builder.AddFirebreakAuth();
builder.AddFirebreakWeb();
builder.AddFirebreakMail();
builder.AddFirebreakAudit();
builder.AddPlaybookLibrary();
builder.AddProjects();
builder.AddIncidents();
builder.AddAccount();
builder.AddIntake();
builder.AddWatch();
builder.AddDisclosure();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
if (args is ["admin", .. var adminArgs]) return await AdminCommand.RunAsync(app.Services, adminArgs, Console.Out, Console.Error);

app.UseFirebreakWeb();
var api = app.MapGroup("/api/v1").RequireAuthorization(AuthSetup.ApiPolicy).EnforcePermissions();
api.MapProjectsApi();
api.MapIncidentsApi();
api.MapPlaybooksApi();
api.MapCvssApi();
api.MapIntakeApi();
api.MapOutboxApi();
api.MapAuditApi();
api.MapWatchApi();
api.MapAdvisoryApi();
api.MapDisclosureSettingsApi();
app.MapAccount();
app.MapSecurityTxt();
app.MapProjectSecurityTxt();
app.MapPublicAdvisories();
await app.StartAsync();
await app.Services.AnnounceSetupAsync(Console.Out, app.Urls.FirstOrDefault());
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
