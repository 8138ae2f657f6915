using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary><c>POST /projects/{slug}/reports</c>: the public intake, anonymous (a JSON report, or multipart with a report part and files).</summary>
internal static class ReportsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/projects/{slug}/reports", Submit).AllowAnonymous().WithTags("Intake")
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                // The handler reads the body itself (the report alone, or a "report" JSON part plus "files" parts), so the
                // document is told here; declaring Accepts would make routing answer other types before the handler's 415.
                var report = await context.GetOrCreateSchemaAsync(typeof(ReportSubmission), null, ct);
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = report },
                        ["multipart/form-data"] = new()
                        {
                            Schema = new Microsoft.OpenApi.OpenApiSchema
                            {
                                Type = Microsoft.OpenApi.JsonSchemaType.Object,
                                Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
                                {
                                    ["report"] = report,
                                    ["files"] = new Microsoft.OpenApi.OpenApiSchema
                                    {
                                        Type = Microsoft.OpenApi.JsonSchemaType.Array,
                                        Items = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                                    },
                                },
                            },
                        },
                    },
                };
            });
    }

    private static async Task<Results<Created<ReportReceiptJson>, Accepted<HeldReportJson>, NotFound>> Submit(string slug, HttpContext http,
        FirebreakDbContext db, SubmitReport submit, IntakeRateLimiter limiter, PublicUrl urls, AttachmentLimits limits, CancellationToken ct)
    {
        await limiter.TakeAsync(http, "report", http.RequestAborted);
        if (await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct) is not { } project) return TypedResults.NotFound();
        ReportRequest.AllowBody(http, limits);
        var (submission, files) = await ReportRequest.ReadAsync(http, limits, ct);
        var baseUrl = urls.For(http.Request);
        var outcome = await submit.ExecuteAsync(project, submission, files, IncidentSource.Api, baseUrl, ct);
        if (outcome.Held is { } held)
            return TypedResults.Accepted((string?)null, new HeldReportJson("awaiting-confirmation", held.Contact, held.ExpiresAt, held.Attachments,
                $"{project.Name} files a report once its reporter confirms their address: we sent a link to {held.Contact}. Nothing reaches the maintainers until it is opened and confirmed."));
        var receipt = outcome.Filed!;
        return TypedResults.Created((string?)null, new ReportReceiptJson($"{project.Slug}#{receipt.Number}",
            SubmitReport.PortalUrl(baseUrl, receipt.Token), receipt.Token, receipt.AcknowledgementQueued, receipt.Attachments));
    }
}
