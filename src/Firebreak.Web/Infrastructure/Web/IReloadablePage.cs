namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// A page that can show itself again after a refused action (<see cref="RefusalPageFilter"/>): it loads what
/// its GET would show for the object in its route, keeping the form values the viewer typed (bound
/// properties), so the page comes back with the error summary and the input intact. A page that shows
/// nothing loaded (a sign-in or creation form) need not implement it: it is shown again as it stands.
/// </summary>
internal interface IReloadablePage
{
    /// <summary>Loads the page's data afresh; false when its object no longer exists or is no longer visible (the page answers 404).</summary>
    Task<bool> ReloadAsync(CancellationToken ct);
}
