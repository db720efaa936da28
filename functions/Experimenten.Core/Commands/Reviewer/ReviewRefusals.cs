using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Links;
using Experimenten.Storage;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Experimenten.Commands.Reviewer;

/// <summary>Every refusal a reviewer can meet, in their language, with the status the page has always answered.</summary>
public sealed class ReviewRefusals(IStringLocalizer<ReviewerText> text, IStringLocalizer<SharedText> shared, Formatting format)
{
    /// <summary>A link that does not open the page: forged or of another purpose (404), or expired (410).</summary>
    public Refusal Link(LinkCheckResult result, string language)
    {
        using var _ = TextCulture.Use(language);
        return result == LinkCheckResult.Expired
            ? new Refusal(RefusalKind.NotFound, ReviewCodes.LinkExpired, text["Refusal.LinkExpired.Title"], text["Refusal.LinkExpired.Detail"]) { Status = StatusCodes.Status410Gone }
            : new Refusal(RefusalKind.NotFound, ReviewCodes.LinkInvalid, text["Refusal.LinkInvalid.Title"], text["Refusal.LinkInvalid.Detail"]);
    }

    /// <summary>The first decision stands; the reader sees who chose what, and when.</summary>
    public Refusal AlreadyDecided(ApplicationView view, ReviewRow row, string language)
    {
        using var _ = TextCulture.Use(language);
        var detail = text["Refusal.AlreadyDecided.Detail", row.Name, shared.Decision(row.Decision!.Value), view.Title, row.Round, format.Moment(row.DecidedAt ?? default, language)];
        return new Refusal(RefusalKind.WrongStage, ReviewCodes.AlreadyDecided, text["Refusal.AlreadyDecided.Title"], detail);
    }

    public Refusal RoundClosed(int round, string language)
    {
        using var _ = TextCulture.Use(language);
        return new Refusal(RefusalKind.WrongStage, ReviewCodes.RoundClosed, text["Refusal.RoundClosed.Title"], text["Refusal.RoundClosed.Detail", round]);
    }

    /// <summary>The fund office gave the seat to someone else: refused, with the conflict status the page always had.</summary>
    public Refusal Reassigned(string language)
    {
        using var _ = TextCulture.Use(language);
        return new Refusal(RefusalKind.Refused, ReviewCodes.Reassigned, text["Refusal.Reassigned.Title"], text["Refusal.Reassigned.Detail"]) { Status = StatusCodes.Status409Conflict };
    }

    /// <summary>The form is not complete: one field's error, named by the form's field.</summary>
    public Refusal Invalid(string field, string key, string language)
    {
        using var _ = TextCulture.Use(language);
        return new Refusal(RefusalKind.Invalid, ReviewCodes.DecisionInvalid, text["Review.Error.Title"], text[key])
        {
            Errors = new Dictionary<string, string[]> { [field] = [text[key]] },
        };
    }
}
