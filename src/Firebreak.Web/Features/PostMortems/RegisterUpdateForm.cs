using Firebreak.Domain.Incidents;
using Firebreak.Web.Features.Risks;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// The post-mortem's "update the register" form (bound as <c>Register.*</c>): a new entry needs every required field; for
/// an existing entry (<see cref="Existing"/>, e.g. RISK-003) a field left empty keeps what the entry has.
/// </summary>
internal sealed class RegisterUpdateForm
{
    /// <summary>The longest threat the register takes; a longer root cause is cut to it (the form shows what will be stored).</summary>
    private const int MaxThreat = 4_000;

    public string? Existing { get; set; }
    public string? Title { get; set; }
    public List<string> Categories { get; set; } = [];
    public string? Asset { get; set; }
    public string? Threat { get; set; }
    public int? Likelihood { get; set; }
    public int? Impact { get; set; }
    public string? Mitigations { get; set; }

    public static RegisterUpdateForm From(Incident incident, PostMortemContent content)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(content);
        var rootCause = content[PostMortemSection.RootCause].Trim();
        return new()
        {
            Title = incident.Title,
            Threat = rootCause.Length <= MaxThreat ? rootCause : rootCause[..MaxThreat],
            Mitigations = content[PostMortemSection.RegressionTest].Trim() is { Length: > 0 and <= MaxThreat } test ? test : null,
        };
    }

    public RiskInput ToInput()
    {
        static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
        var existing = !string.IsNullOrWhiteSpace(Existing);
        return existing
            ? new RiskInput(Given(Title), Categories.Count == 0 ? null : Categories, Given(Asset), Given(Threat), Likelihood, Impact, Given(Mitigations))
            : new RiskInput(Title ?? "", Categories, Asset ?? "", Threat ?? "", Likelihood, Impact, Mitigations ?? "");
    }
}
