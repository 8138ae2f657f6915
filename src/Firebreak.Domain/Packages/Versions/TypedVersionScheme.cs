using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>A scheme whose versions are one type, read by one parse function.</summary>
internal sealed class TypedVersionScheme<T> : VersionScheme where T : class, IComparable
{
    public delegate bool Parser(string? text, [NotNullWhen(true)] out T? version, [NotNullWhen(false)] out VersionParseError? error);

    private readonly Parser _parse;
    private readonly Func<T, bool>? _isPrerelease;

    public TypedVersionScheme(string name, string description, Parser parse, Func<T, bool>? isPrerelease = null) : base(name, description)
    {
        _parse = parse;
        _isPrerelease = isPrerelease;
    }

    public override bool TryParse(string? text, [NotNullWhen(true)] out IComparable? version, [NotNullWhen(false)] out VersionParseError? failure)
    {
        var ok = _parse(text, out var typed, out failure);
        version = typed;
        return ok;
    }

    public override bool IsPrerelease(IComparable version) => _isPrerelease is not null && version is T typed && _isPrerelease(typed);
}
