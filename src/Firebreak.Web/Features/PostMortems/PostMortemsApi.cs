using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// <c>/api/v1/incidents/{id}/postmortem</c>: read it (<c>?format=markdown|json</c> exports a file; every export is
/// audited), save the whole document made from a version (IncidentWork; an outdated version is 409), and the board's
/// sign-off (PostMortemSignOff). <c>…/action-items</c> lists and adds follow-ups; <c>/api/v1/action-items/{itemId}</c>
/// changes one (checked on its incident); <c>/api/v1/projects/{slug}/action-items</c> lists a project's open ones.
/// </summary>
internal static class PostMortemsApi
{
    public static WebApplicationBuilder AddPostMortems(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PostMortemTimeline>();
        builder.Services.AddScoped<SavePostMortem>();
        builder.Services.AddScoped<SignOffPostMortem>();
        builder.Services.AddScoped<ActionItemQueries>();
        builder.Services.AddScoped<PostMortemRecord>();
        builder.Services.AddScoped<AddActionItem>();
        builder.Services.AddScoped<ChangeActionItem>();
        builder.Services.AddScoped<FollowUpsAtClose>();
        return builder;
    }

    public static RouteGroupBuilder MapPostMortemsApi(this RouteGroupBuilder api)
    {
        var postMortem = api.MapGroup("/incidents/{id:guid}/postmortem").WithTags("Post-mortems");
        postMortem.MapGet("", Get).RequirePermission(Permission.IncidentRead)
            .WithSummary("The post-mortem with its assembled timeline; ?format=markdown or ?format=json exports it as a file");
        postMortem.MapPut("", Save).RequirePermission(Permission.IncidentWork)
            .WithSummary("Save the whole post-mortem, made from `version` (0 for the first save); 409 if it changed meanwhile");
        postMortem.MapPost("/signoff", SignOff).RequirePermission(Permission.PostMortemSignOff)
            .WithSummary("The board signs the post-mortem off as read at `version`; stops the post-mortem clock");

        var items = api.MapGroup("/incidents/{id:guid}/action-items").WithTags("Post-mortems");
        items.MapGet("", List).RequirePermission(Permission.IncidentRead).WithSummary("The incident's action items with their due-date clocks");
        items.MapPost("", Add).RequirePermission(Permission.IncidentWork).WithSummary("Add an action item owned by a project member");
        api.MapPatch("/action-items/{itemId:guid}", Change).WithTags("Post-mortems").RequirePermission(Permission.IncidentWork)
            .WithSummary("Change an action item: title, owner, dueAt, link, status (open, done, wont-do with a reason); optional `version`");
        api.MapGet("/projects/{slug}/action-items", OpenInProject).WithTags("Post-mortems").RequirePermission(Permission.ProjectRead)
            .WithSummary("The project's open follow-ups, soonest due first");
        return api;
    }

    private static async Task<Results<Ok<PostMortemJson>, ContentHttpResult, NotFound>> Get(Guid id, string? format, ProjectAccess access, FirebreakDbContext db,
        PostMortemTimeline timeline, ActionItemQueries queries, AuditTrail audit, CurrentUser user, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var chosen = format is null ? (ExportFormat?)null : WireNames.Parse<ExportFormat>(format, "format");
        var postMortem = await SavePostMortem.FindAsync(db, id, ct) ?? PostMortem.For(incident);
        var events = await timeline.AssembleAsync(id, postMortem.Content, ct);
        var items = await queries.ForIncidentAsync(incident, ct);
        if (chosen is not { } export) return TypedResults.Ok(PostMortemJson.From(incident, postMortem, events, items, time.GetUtcNow()));
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        await audit.RecordNowAsync(user.Name, "postmortem-export", $"incident {id}", $"exported post-mortem version {postMortem.Version} as {export.ToWire()}", ct);
        var (text, type, extension) = export switch
        {
            ExportFormat.Markdown => (PostMortemExport.Markdown(project, incident, postMortem, events, items), "text/markdown; charset=utf-8", "md"),
            ExportFormat.Json => (PostMortemExport.ToJson(project, incident, postMortem, events, items), "application/json; charset=utf-8", "json"),
        };
        response.Headers.ContentDisposition = $"attachment; filename=\"{PostMortemExport.FileName(project, incident, extension)}\"";
        return TypedResults.Text(text, type);
    }

    private static async Task<Results<Ok<PostMortemJson>, NotFound>> Save(Guid id, PostMortemRequest request, ProjectAccess access, SavePostMortem save,
        PostMortemTimeline timeline, ActionItemQueries queries, TimeProvider time, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var postMortem = await save.ExecuteAsync(incident, request, ct);
        return TypedResults.Ok(PostMortemJson.From(incident, postMortem, await timeline.AssembleAsync(id, postMortem.Content, ct),
            await queries.ForIncidentAsync(incident, ct), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<PostMortemJson>, NotFound>> SignOff(Guid id, SignOffRequest request, ProjectAccess access, SignOffPostMortem signOff,
        PostMortemTimeline timeline, ActionItemQueries queries, TimeProvider time, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var postMortem = await signOff.ExecuteAsync(incident, request, ct);
        return TypedResults.Ok(PostMortemJson.From(incident, postMortem, await timeline.AssembleAsync(id, postMortem.Content, ct),
            await queries.ForIncidentAsync(incident, ct), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<IReadOnlyList<ActionItemJson>>, NotFound>> List(Guid id, ProjectAccess access, ActionItemQueries queries, CancellationToken ct) =>
        await access.FindIncidentAsync(id, withTimeline: false, ct) is { } incident
            ? TypedResults.Ok(await queries.ForIncidentAsync(incident, ct))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ActionItemJson>, NotFound>> Add(Guid id, NewActionItemRequest request, ProjectAccess access, AddActionItem add,
        ActionItemQueries queries, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var item = await add.ExecuteAsync(incident, request, ct);
        var json = (await queries.ForIncidentAsync(incident, ct)).Single(i => i.Id == item.Id);
        return TypedResults.Created($"/api/v1/action-items/{item.Id}", json);
    }

    private static async Task<Results<Ok<ActionItemJson>, NotFound>> Change(Guid itemId, ChangeActionItemRequest request, ChangeActionItem change,
        ActionItemQueries queries, CancellationToken ct)
    {
        if (await change.ExecuteAsync(itemId, request, ct) is not var (item, incident)) return TypedResults.NotFound();
        return TypedResults.Ok((await queries.ForIncidentAsync(incident, ct)).Single(i => i.Id == item.Id));
    }

    private static async Task<Results<Ok<IReadOnlyList<ActionItemJson>>, NotFound>> OpenInProject(string slug, ProjectAccess access, ActionItemQueries queries,
        CancellationToken ct) =>
        await access.FindProjectAsync(slug, ct) is { } project
            ? TypedResults.Ok(await queries.OpenInProjectAsync(project.Id, ct))
            : TypedResults.NotFound();
}

/// <summary>The files a post-mortem exports to.</summary>
internal enum ExportFormat
{
    /// <summary>Markdown, ready to commit.</summary>
    Markdown,
    /// <summary>JSON (<c>firebreak-postmortem/1</c>).</summary>
    Json,
}
