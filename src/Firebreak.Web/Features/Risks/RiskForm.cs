using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Risks;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// The entry form's fields as typed (bound as <c>Risk.*</c>): checkboxes for categories, a date field for the
/// acceptance date, incident numbers as text (<c>#4, #12</c>). <see cref="ToInput"/> turns them into a complete
/// <see cref="RiskInput"/>, naming the field a malformed value came from.
/// </summary>
internal sealed class RiskForm
{
    public string? Title { get; set; }
    public List<string> Categories { get; set; } = [];
    public string? Asset { get; set; }
    public string? Threat { get; set; }
    public int? Likelihood { get; set; }
    public int? Impact { get; set; }
    public string? Mitigations { get; set; }
    public string? Owner { get; set; }
    public string? Status { get; set; }
    public string? AcceptedUntil { get; set; }
    public string? AcceptedBy { get; set; }
    public string? TransferredTo { get; set; }
    public string? Incidents { get; set; }

    public static RiskForm From(RiskEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var f = entry.Fields;
        return new()
        {
            Title = f.Title, Categories = [.. f.Categories.Select(c => c.ToWire())], Asset = f.Asset, Threat = f.Threat, Likelihood = f.Likelihood,
            Impact = f.Impact, Mitigations = f.Mitigations, Owner = f.Owner, Status = f.Status.ToWire(),
            AcceptedUntil = f.AcceptedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AcceptedBy = f.AcceptedBy, TransferredTo = f.TransferredTo,
            Incidents = string.Join(", ", entry.Incidents.OrderBy(l => l.Number).Select(l => "#" + l.Number.ToString(CultureInfo.InvariantCulture))),
        };
    }

    /// <summary>Every field, as the form says it (the acceptance and the party only with the status that has them).</summary>
    public RiskInput ToInput()
    {
        var status = Status is null ? RiskStatus.Open : WireNames.Parse<RiskStatus>(Status, "status");
        DateOnly? until = null;
        if (status == RiskStatus.Accepted && !string.IsNullOrWhiteSpace(AcceptedUntil))
        {
            until = DateOnly.TryParseExact(AcceptedUntil.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new DomainException($"acceptedUntil: '{Clip(AcceptedUntil)}' is not a date (YYYY-MM-DD).");
        }
        return new RiskInput(Title ?? "", Categories, Asset ?? "", Threat ?? "", Likelihood, Impact, Mitigations ?? "", Owner ?? "", status.ToWire(), until,
            status == RiskStatus.Accepted ? AcceptedBy : null, status == RiskStatus.Transferred ? TransferredTo : null, Numbers(Incidents));
    }

    /// <summary>Incident numbers from "#4, #12" (commas or spaces; the # optional).</summary>
    public static List<int> Numbers(string? text)
    {
        var numbers = new List<int>();
        foreach (var part in (text ?? "").Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var digits = part.TrimStart('#');
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                throw new DomainException($"incidents: '{Clip(part)}' is not an incident number (write #4, #12).");
            numbers.Add(n);
        }
        return numbers;
    }

    private static string Clip(string text) => Excerpt.Clip(text, 30);
}
