using Firebreak.Web.Infrastructure.Web;

namespace Firebreak.Web.Features.Chat;

/// <summary>The absolute link a test message carries: the project's chat page under <see cref="PublicUrl"/>, built by the router.</summary>
internal sealed class ChatLinks(LinkGenerator links, PublicUrl urls)
{
    public string Project(HttpRequest request, string slug) =>
        urls.For(request) + (links.GetPathByPage("/Chat/Channels", values: new { slug }) ?? throw new InvalidOperationException("The chat page is not mapped."));
}
