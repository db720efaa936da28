using Experimenten.Domain;
using Experimenten.Submission;
using Experimenten.Text;
using Microsoft.Extensions.Localization;

namespace Experimenten.Http;

/// <summary>The fields of a hand-over (role, name, email), checked as strictly as the application form checks them.</summary>
public static class ContactChange
{
    /// <summary>The errors in <paramref name="lang"/>, read from the catalogue (for callers without an applicant localizer).</summary>
    public static (ContactRole? Role, Contact? Next, Dictionary<string, string[]> Errors) Read(IReadOnlyDictionary<string, string> body, string lang)
    {
        using var _ = TextCulture.Use(lang);
        return Read(body, Catalogue.For<ApplicantText>());
    }

    /// <summary>The errors in the current text culture (see <see cref="TextCulture"/>).</summary>
    public static (ContactRole? Role, Contact? Next, Dictionary<string, string[]> Errors) Read(IReadOnlyDictionary<string, string> body, IStringLocalizer<ApplicantText> text)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string[]>();
        var role = body.GetValueOrDefault("role", "") switch
        {
            "resident" => ContactRole.Resident,
            "welfare" => ContactRole.Welfare,
            _ => (ContactRole?)null,
        };
        if (role is null)
        {
            errors["role"] = [text["HandOver.Error.Role"]];
        }

        var name = body.GetValueOrDefault("name", "").Trim();
        if (name.Length is 0 or > SubmissionLimits.MaxShortText)
        {
            errors["name"] = [text["HandOver.Error.Name", SubmissionLimits.MaxShortText]];
        }
        else if (name.Any(c => char.IsControl(c) || SubmissionValidator.IsHidden(c, multiline: false)) || name.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // A line break in a name would end up in an email's greeting and headers.
            errors["name"] = [text["HandOver.Error.NameCharacters"]];
        }

        var email = body.GetValueOrDefault("email", "").Trim();
        if (email.Length > 254 || !SubmissionValidator.IsEmail(email))
        {
            errors["email"] = [text["HandOver.Error.Email"]];
        }

        return (role, errors.Count == 0 ? new Contact(name, email) : null, errors);
    }
}
