using Experimenten.Domain;
using Experimenten.Submission;

namespace Experimenten.Http;

/// <summary>The fields of a hand-over (role, name, email), checked as strictly as the application form checks them.</summary>
public static class ContactChange
{
    public static (ContactRole? Role, Contact? Next, Dictionary<string, string[]> Errors) Read(IReadOnlyDictionary<string, string> body, string lang)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>();
        var role = body.GetValueOrDefault("role", "") switch
        {
            "resident" => ContactRole.Resident,
            "welfare" => ContactRole.Welfare,
            _ => (ContactRole?)null,
        };
        if (role is null)
        {
            errors["role"] = [Problems.Pick(lang, "Kies resident (bewoners) of welfare (welzijnsorganisatie).", "Choose resident or welfare.")];
        }

        var name = body.GetValueOrDefault("name", "").Trim();
        if (name.Length is 0 or > SubmissionLimits.MaxShortText)
        {
            errors["name"] = [Problems.Pick(lang, $"Vul de naam van de nieuwe contactpersoon in (hoogstens {SubmissionLimits.MaxShortText} tekens).", $"Fill in the new contact's name (at most {SubmissionLimits.MaxShortText} characters).")];
        }
        else if (name.Any(c => char.IsControl(c) || SubmissionValidator.IsHidden(c, multiline: false)) || name.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // A line break in a name would end up in an email's greeting and headers.
            errors["name"] = [Problems.Pick(lang, "De naam mag geen regeleinden of onzichtbare tekens bevatten.", "The name may not contain line breaks or invisible characters.")];
        }

        var email = body.GetValueOrDefault("email", "").Trim();
        if (email.Length > 254 || !SubmissionValidator.IsEmail(email))
        {
            errors["email"] = [Problems.Pick(lang, "Dit is geen geldig e-mailadres, zoals naam@voorbeeld.nl.", "This is not a valid email address, such as name@example.org.")];
        }

        return (role, errors.Count == 0 ? new Contact(name, email) : null, errors);
    }
}
