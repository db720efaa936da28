namespace Experimenten.Domain;

public sealed record Contact(string Name, string Email);

/// <summary>A validated application as the applicant submitted it.</summary>
public sealed record ApplicationForm(
    string CallId,
    string Title,
    string Summary,
    string InitiativeName,
    Contact ResidentContact,
    string WelfareOrganisation,
    Contact WelfareContact,
    string Municipality,
    long BudgetRequested,
    string? PlanText,
    string? PlanBlob,
    string Language);

/// <summary>Which contact an email is for. Every applicant email goes to both.</summary>
public enum ContactRole
{
    Resident,
    Welfare,
}
