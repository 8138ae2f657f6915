namespace Firebreak.Web;

/// <summary>
/// Marks a feature's type as part of its public face: the deliberate entry points (use cases such
/// as <c>OpenIncident</c>, and the values they take) that other features may call. Everything else
/// in a feature is its own business; the architecture tests fail on a reference to it from another
/// feature.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Interface, Inherited = false)]
internal sealed class PublicFaceAttribute : Attribute;
