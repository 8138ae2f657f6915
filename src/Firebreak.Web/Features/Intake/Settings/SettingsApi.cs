using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Intake.Settings;

/// <summary><c>GET|PUT /projects/{slug}/intake</c>: a project's intake settings.</summary>
internal static class SettingsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/projects/{slug}/intake", GetSettings).WithTags("Intake").RequirePermission(Permission.ProjectRead);
        api.MapPut("/projects/{slug}/intake", PutSettings).WithTags("Intake").RequirePermission(Permission.ProjectAdmin);
    }

    private static async Task<Results<Ok<IntakeSettingsJson>, NotFound>> GetSettings(string slug, ProjectAccess access, FirebreakDbContext db, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        return TypedResults.Ok(IntakeSettingsJson.From(await db.Set<IntakeSettings>().FindAsync([project.Id], ct) ?? IntakeSettings.For(project.Id)));
    }

    private static async Task<Results<Ok<IntakeSettingsJson>, NotFound>> PutSettings(string slug, IntakeSettingsJson change, ProjectAccess access,
        ChangeIntakeSettings useCase, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        return TypedResults.Ok(IntakeSettingsJson.From(await useCase.ExecuteAsync(project, change, ct)));
    }
}
