using Experimenten.Submission;

namespace Experimenten.Pages.Applicant;

/// <summary>
/// The text fields of the application form, in the order a resident fills them in: the one list the form
/// renders and the submission parser reads. Each field carries its server rule (required, kind, length) as
/// attributes, so form.js checks exactly what the server checks. Labels and hints are in ApplicantText
/// (<c>Field.{Name}.Label</c>, <c>Field.{Name}.Hint</c>); a legend is <c>Form.Group.{Key}</c>.
/// </summary>
public static class FormFields
{
    public sealed record Field(string Name, string Kind, int Max, bool Required, string? Autocomplete = null)
    {
        public bool Multiline => Kind == "textarea";
    }

    public sealed record Group(string Key, IReadOnlyList<Field> Fields);

    public static readonly IReadOnlyList<Group> Groups =
    [
        new("Experiment",
        [
            new("title", "text", SubmissionLimits.MaxTitle, true),
            new("summary", "textarea", SubmissionLimits.MaxSummary, true),
            new("municipality", "text", SubmissionLimits.MaxShortText, true, "address-level2"),
            new("budgetRequested", "euros", 20, true),
        ]),
        new("Residents",
        [
            new("initiativeName", "text", SubmissionLimits.MaxShortText, true),
            new("residentContactName", "text", SubmissionLimits.MaxShortText, true, "name"),
            new("residentContactEmail", "email", 254, true, "email"),
        ]),
        new("Welfare",
        [
            new("welfareOrganisation", "text", SubmissionLimits.MaxShortText, true, "organization"),
            new("welfareContactName", "text", SubmissionLimits.MaxShortText, true),
            new("welfareContactEmail", "email", 254, true),
        ]),
    ];

    /// <summary>The typed plan: not required on its own (a file will do), so it sits beside the file, outside the groups.</summary>
    public static readonly Field PlanText = new("planText", "textarea", SubmissionLimits.MaxPlanText, false);

    public static IEnumerable<Field> All => Groups.SelectMany(g => g.Fields);

    public static Field Named(string name) => All.First(f => f.Name == name);
}
