namespace Firebreak.Domain.Packages;

/// <summary>The three kinds of item in a Maven ComparableVersion.</summary>
internal enum MavenItemKind
{
    Int,
    String,
    List,
}
