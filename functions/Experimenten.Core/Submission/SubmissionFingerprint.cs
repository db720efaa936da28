using System.Security.Cryptography;
using System.Text;
using Experimenten.Domain;

namespace Experimenten.Submission;

/// <summary>
/// What makes two submissions "the same" for an Idempotency-Key: every field the applicant sent and the
/// plan file's bytes. A repeat with the same key and fingerprint is a retry; the same key with another
/// fingerprint is another client's work and is refused without a word about it (IETF idempotency-key draft).
/// </summary>
public static class SubmissionFingerprint
{
    /// <param name="fileSha256">Hex SHA-256 of the plan file, or null without a file.</param>
    public static string Of(ApplicationForm form, string? fileSha256)
    {
        ArgumentNullException.ThrowIfNull(form);

        // Length-prefixed, so no two different forms can run together into the same text.
        var text = new StringBuilder();
        foreach (var value in new[]
        {
            form.CallId, form.Title, form.Summary, form.InitiativeName,
            form.ResidentContact.Name, form.ResidentContact.Email,
            form.WelfareOrganisation, form.WelfareContact.Name, form.WelfareContact.Email,
            form.Municipality, form.BudgetRequested.ToString(System.Globalization.CultureInfo.InvariantCulture),
            form.PlanText ?? "", form.Language, fileSha256 ?? "",
        })
        {
            text.Append(value.Length).Append(':').Append(value).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Hex SHA-256 of a stream, read from its start; the stream is left at its end.</summary>
    public static async Task<string> HashAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
