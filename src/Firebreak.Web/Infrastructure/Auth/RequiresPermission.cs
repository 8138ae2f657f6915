namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// Declares what an endpoint, a page or a page handler needs. On endpoints it is metadata read by
/// the permission filter; on pages and handlers it is read by the page filter. A handler's
/// declaration overrides its page's.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RequiresPermissionAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}
