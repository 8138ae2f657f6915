using Firebreak.Web.Infrastructure.Auth;
using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Cvss;

/// <summary><c>POST /api/v1/cvss/score</c>: score one or many vectors; invalid ones come back with their error, never a 500.</summary>
internal static class CvssApi
{
    /// <summary>At most this many vectors per request.</summary>
    public const int MaxVectors = 10_000;

    public static RouteGroupBuilder MapCvssApi(this RouteGroupBuilder api)
    {
        api.MapPost("/cvss/score", Score).WithTags("CVSS").RequirePermission(Permission.SignedIn);
        return api;
    }

    private static Ok<CvssScoreJson[]> Score(CvssScoreRequest request)
    {
        var vectors = request.Vectors ?? (request.Vector is null ? [] : [request.Vector]);
        if (vectors.Count == 0) throw new DomainException("Send 'vector' (one string) or 'vectors' (a list of strings).");
        if (vectors.Count > MaxVectors) throw new DomainException($"At most {MaxVectors} vectors per request; got {vectors.Count}.");
        return TypedResults.Ok(vectors.Select(v => CvssScoreJson.From(CvssScorer.Score(v, request.Strict))).ToArray());
    }
}

/// <summary>Body of <c>POST /api/v1/cvss/score</c>.</summary>
internal sealed record CvssScoreRequest(string? Vector, IReadOnlyList<string>? Vectors, bool Strict);

/// <summary>One scored vector; <c>error</c> and <c>errorPosition</c> are set for an invalid one.</summary>
internal sealed record CvssScoreJson(string Input, bool Valid, string? Error, int? ErrorPosition, string? Version, string? Vector,
    double? Score, string? Severity, double? BaseScore, double? TemporalScore, double? EnvironmentalScore,
    string? Nomenclature, string? MacroVector, IReadOnlyList<string> Warnings)
{
    public static CvssScoreJson From(CvssScoreResult r) => new(
        r.Input, r.IsValid, r.Error?.Message, r.Error?.Position,
        r.Version switch { CvssVersion.V30 => "3.0", CvssVersion.V31 => "3.1", CvssVersion.V40 => "4.0", null => null },
        r.Canonical, r.Score, r.IsValid ? r.Severity.ToWire() : null, r.BaseScore, r.TemporalScore, r.EnvironmentalScore,
        r.Nomenclature, r.MacroVector, r.Warnings);

    public string ScoreText => Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
