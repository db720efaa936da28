using System.Net.Mail;
using Experimenten.Domain;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Experimenten.Submission;

/// <summary>Checks every field of the form and says, per field, what is wrong in plain words.</summary>
public sealed class SubmissionValidator(string language, IStringLocalizer<ProblemText> text)
{
    readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public IDictionary<string, string[]> Errors => errors;

    public bool IsValid => errors.Count == 0;

    /// <summary>A message already in the reader's language (from the text catalogue).</summary>
    public void Add(string field, string message) =>
        errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

    /// <summary>A message from the problem texts (<c>Field.*</c>), in the reader's language.</summary>
    void Refuse(string field, string key, params object[] args)
    {
        using var _ = TextCulture.Use(language);
        Add(field, text[key, args]);
    }

    /// <summary>A required line of text: present, readable, not too long.</summary>
    public string Text(IFormCollection form, string field, int max, bool required = true, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = form[field];
        if (values.Count > 1)
        {
            Refuse(field, "Field.Repeated");
            return "";
        }

        var value = (values.ToString() ?? "").Trim();
        if (value.Length == 0)
        {
            if (required)
            {
                Refuse(field, "Field.Required");
            }

            return "";
        }

        if (value.Contains('\uFFFD', StringComparison.Ordinal))
        {
            Refuse(field, "Field.Unreadable");
            return "";
        }

        if (value.Any(c => (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) || IsHidden(c, multiline)))
        {
            Refuse(field, "Field.Hidden");
            return "";
        }

        if (value.Length > max)
        {
            Refuse(field, "Field.TooLong", max, value.Length);
            return "";
        }

        return value;
    }

    public string EmailAddress(IFormCollection form, string field)
    {
        var value = Text(form, field, 254);
        if (value.Length > 0 && !IsEmail(value))
        {
            Refuse(field, "Field.Email");
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

        Refuse(field, problem switch
        {
            AmountProblem.Cents => "Field.Amount.Cents",
            AmountProblem.NotPositive => "Field.Amount.NotPositive",
            AmountProblem.TooHigh => "Field.Amount.TooHigh",
            _ => "Field.Amount.Unreadable",
        }, value);

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
