using System.Net.Mail;
using Experimenten.Domain;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Submission;

/// <summary>Checks every field of the form and says, per field, what is wrong in plain words.</summary>
public sealed class SubmissionValidator(string language)
{
    readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public IDictionary<string, string[]> Errors => errors;

    public bool IsValid => errors.Count == 0;

    /// <summary>A message already in the reader's language (from the text catalogue).</summary>
    public void Add(string field, string message) =>
        errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

    public void Add(string field, string nl, string en) =>
        errors[field] = [.. errors.GetValueOrDefault(field) ?? [], language == Languages.English ? en : nl];

    /// <summary>A required line of text: present, readable, not too long.</summary>
    public string Text(IFormCollection form, string field, int max, bool required = true, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = form[field];
        if (values.Count > 1)
        {
            Add(field, "Dit veld staat meer dan eens in het formulier.", "This field appears more than once in the form.");
            return "";
        }

        var value = (values.ToString() ?? "").Trim();
        if (value.Length == 0)
        {
            if (required)
            {
                Add(field, "Vul dit veld in.", "Please fill in this field.");
            }

            return "";
        }

        if (value.Contains('\uFFFD', StringComparison.Ordinal))
        {
            Add(field, "Deze tekst bevat tekens die we niet kunnen lezen. Typ de tekst opnieuw, of plak hem zonder opmaak.",
                "This text contains characters we cannot read (not valid UTF-8). Please type it again or paste it as plain text.");
            return "";
        }

        if (value.Any(c => (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) || IsHidden(c, multiline)))
        {
            Add(field, "Deze tekst bevat onzichtbare besturingstekens. Haal die weg.", "This text contains invisible control characters. Please remove them.");
            return "";
        }

        if (value.Length > max)
        {
            Add(field, $"Deze tekst is te lang: hoogstens {max} tekens, nu {value.Length}.", $"This text is too long: at most {max} characters, now {value.Length}.");
            return "";
        }

        return value;
    }

    public string EmailAddress(IFormCollection form, string field)
    {
        var value = Text(form, field, 254);
        if (value.Length > 0 && !IsEmail(value))
        {
            Add(field, "Dit is geen geldig e-mailadres, zoals naam@voorbeeld.nl.", "This is not a valid email address, such as name@example.org.");
            return "";
        }

        return value;
    }

    /// <summary>
    /// Whole euros, in Dutch or English notation. An amount is never changed to make it fit: cents or a
    /// form that could mean two sums are refused with an example of how to write it.
    /// </summary>
    public long Budget(IFormCollection form, string field)
    {
        var value = Text(form, field, 20);
        if (value.Length == 0)
        {
            return 0;
        }

        if (Amounts.TryParseWholeEuros(value, out var euros, out var problem))
        {
            return euros;
        }

        const string HowNl = "Schrijf het bedrag in hele euro's, zoals 4500 of 4.500.";
        const string HowEn = "Write the amount in whole euros, such as 4500 or 4,500.";
        switch (problem)
        {
            case AmountProblem.Cents:
                Add(field, $"Het fonds geeft alleen hele euro's. Schrijf het bedrag zonder centen, zoals 4500 of 4.500. U schreef \"{value}\".",
                    $"The fund gives whole euros only. Write the amount without cents, such as 4500 or 4,500. You wrote \"{value}\".");
                break;
            case AmountProblem.NotPositive:
                Add(field, "Het bedrag moet groter zijn dan 0.", "The amount must be more than 0.");
                break;
            case AmountProblem.TooHigh:
                Add(field, $"Dit bedrag is te hoog om te kloppen. {HowNl}", $"This amount is too high to be right. {HowEn}");
                break;
            default:
                Add(field, $"\"{value}\" kunnen we niet lezen als bedrag. {HowNl}", $"We cannot read \"{value}\" as an amount. {HowEn}");
                break;
        }

        return 0;
    }

    /// <summary>
    /// Line breaks that are not control characters (U+2028, U+2029) end a subject or a name just as well,
    /// and direction overrides make "Bram \u202Efdp.exe" read as "Bram exe.pdf": neither belongs in a form.
    /// </summary>
    public static bool IsHidden(char c, bool multiline) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        || (!multiline && c is '\u2028' or '\u2029');

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');
}
