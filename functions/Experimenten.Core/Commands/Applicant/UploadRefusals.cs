using Experimenten.Links;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Experimenten.Commands.Applicant;

/// <summary>Every refusal an upload link can meet, in the reader's language, with the status the page has always answered.</summary>
public sealed class UploadRefusals(IStringLocalizer<ApplicantText> text)
{
    /// <summary>A link that opens nothing: forged, of another purpose, handed over or view-only (404), or expired (410).</summary>
    public Refusal Link(LinkCheckResult result, string language)
    {
        using var _ = TextCulture.Use(language);
        return result == LinkCheckResult.Expired
            ? new Refusal(RefusalKind.NotFound, UploadCodes.LinkExpired, text["Upload.Refusal.Link.Title"], text["Upload.Refusal.Link.Detail"]) { Status = StatusCodes.Status410Gone }
            : new Refusal(RefusalKind.NotFound, UploadCodes.LinkInvalid, text["Upload.Refusal.Link.Title"], text["Upload.Refusal.Link.Detail"]);
    }

    /// <summary>Nothing of this kind is expected now: it arrived already, or the application moved on (409). The page is headed by the application's title.</summary>
    public Refusal NotExpected(UploadKind kind, string title, int number, string language)
    {
        using var _ = TextCulture.Use(language);
        return new Refusal(RefusalKind.WrongStage, UploadCodes.NotExpected, title, text[$"Upload.{kind}.NotExpected", title, number]);
    }

    /// <summary>The form's post carried a CSRF token that is not the visitor's (an old page, or another site's form).</summary>
    public Refusal Csrf(string language)
    {
        using var _ = TextCulture.Use(language);
        return new Refusal(RefusalKind.Refused, UploadCodes.Csrf, text["Upload.Error.Csrf.Title"], text["Upload.Error.Csrf.Detail"]);
    }

    /// <summary>The multipart body could not be read: broken, or over the body limit.</summary>
    public Refusal Unreadable(string language) => Invalid(UploadCodes.FormUnreadable, "file", "Upload.Error.Unreadable", StatusCodes.Status400BadRequest, language);

    /// <summary>The file is none of the accepted kinds, or larger than 10 MB.</summary>
    public Refusal FileType(string language) => Invalid(UploadCodes.FileType, "file", "Upload.Error.FileType", StatusCodes.Status415UnsupportedMediaType, language);

    /// <summary>Neither a text nor a file.</summary>
    public Refusal Empty(string language) => Invalid(UploadCodes.Empty, "text", "Upload.Error.Empty", StatusCodes.Status400BadRequest, language);

    /// <summary>The text is longer than a plan may be, or holds characters that did not survive the form's encoding.</summary>
    public Refusal TextInvalid(string language) => Invalid(UploadCodes.TextInvalid, "text", "Upload.Error.Text", StatusCodes.Status400BadRequest, language);

    /// <summary>Nothing was sent: the form comes back with the error at the field it concerns.</summary>
    Refusal Invalid(string code, string field, string key, int status, string language)
    {
        using var _ = TextCulture.Use(language);
        return new Refusal(RefusalKind.Invalid, code, text["Upload.Error.Title"], text[key])
        {
            Status = status,
            Errors = new Dictionary<string, string[]> { [field] = [text[key]] },
        };
    }
}
