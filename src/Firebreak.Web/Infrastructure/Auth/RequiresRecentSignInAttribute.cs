namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// Marks a page handler (or a whole page, or an API endpoint as metadata) whose action is
/// sensitive enough that a stolen or unattended session must not be enough: the account must have
/// confirmed its password, and its second factor when it has one, within
/// <see cref="RecentSignIn.Window"/>. Checked after the permission, so a caller without the
/// permission is refused as before rather than asked for a password.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RequiresRecentSignInAttribute : Attribute;
