namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// What an HTML error page says (<c>Features/Shared/Problem.cshtml</c>): a title and an explanation for the status,
/// and the problem's own detail only where it is a message written for the person (a broken rule, a rate limit, a busy
/// server), never an exception's internals. <see cref="Back"/> is this site's previous page, when the browser said so.
/// </summary>
internal sealed record ProblemPage(int Status, string Title, string Explanation, string? Detail, string? Back)
{
    public static ProblemPage For(int status, string? detail, string? back) => status switch
    {
        400 => new(status, "Bad request", "The request could not be understood. Go back and try again.", null, back),
        403 => new(status, "Not allowed", "Your role does not allow this page or action. A project administrator can change your role.", null, back),
        404 => new(status, "Not found", "There is no such page, or it is not visible to you.", null, back),
        405 => new(status, "Not allowed that way", "This address does not take that kind of request.", null, back),
        410 => new(status, "Gone", "What was here is no longer available.", null, back),
        413 => new(status, "Too large", "What was sent is larger than this server takes.", null, back),
        422 => new(status, "That breaks a rule", "The request was refused; nothing was changed.", detail, back),
        429 => new(status, "Too many requests", "Wait a moment, then try again.", detail, back),
        503 => new(status, "Busy", "The server could not do this right now; nothing was kept. Try again in a moment.", detail, back),
        >= 500 => new(status, "Something went wrong", "The server failed to answer this request. The failure is logged; try again later.", null, back),
        _ => new(status, "Not possible", "The request could not be answered.", null, back),
    };
}
