using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

/// <summary>Headings and hints of the post-mortem sections, shared by the editor, the exports and the CLI.</summary>
public static class PostMortemSections
{
    /// <summary>The heading a section carries in the document.</summary>
    public static string Heading(this PostMortemSection section) => section switch
    {
        PostMortemSection.Summary => "Summary",
        PostMortemSection.Impact => "Impact",
        PostMortemSection.UserSafetyImpact => "User-safety impact",
        PostMortemSection.RootCause => "Root cause",
        PostMortemSection.ContributingFactors => "Contributing factors",
        PostMortemSection.Detection => "Detection",
        PostMortemSection.WentWell => "What went well",
        PostMortemSection.WentBadly => "What went badly",
        PostMortemSection.GotLucky => "Where we got lucky",
        PostMortemSection.RegressionTest => "Regression test or lint",
        PostMortemSection.PlanChanges => "Changes to the plan and playbooks",
    };

    /// <summary>What the section asks for, shown under its heading while writing; blameless wording on purpose.</summary>
    public static string Hint(this PostMortemSection section) => section switch
    {
        PostMortemSection.Summary => "What happened, in a few sentences a newcomer can follow.",
        PostMortemSection.Impact => "Who and what was affected, which versions, for how long.",
        PostMortemSection.UserSafetyImpact => "Could anyone's identity, safety under duress or deleted data have been exposed? Say why or why not.",
        PostMortemSection.RootCause => "The cause in the system (code, process, tooling), never a person.",
        PostMortemSection.ContributingFactors => "Conditions that let the cause do harm or slowed the response.",
        PostMortemSection.Detection => "How it was found, and how it should have been found.",
        PostMortemSection.WentWell => "What worked in the response and should be kept.",
        PostMortemSection.WentBadly => "What did not work, described as situations, not as anyone's fault.",
        PostMortemSection.GotLucky => "Where chance, not design, limited the harm.",
        PostMortemSection.RegressionTest => "The lint or property test that would have caught it; put its link in the field below.",
        PostMortemSection.PlanChanges => "What to change in the response plan or the playbooks.",
    };

    /// <summary>The section named by its wire name (<c>root-cause</c>), or a refusal listing the names.</summary>
    public static PostMortemSection Parse(string? name) => WireNames.Parse<PostMortemSection>(name, "post-mortem section");
}
