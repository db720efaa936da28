using Experimenten.Commands;
using Experimenten.Commands.Coordinator;
using Experimenten.Http;
using Experimenten.Pages.Coordinator;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Pages;

// The detail page's forms: each posts to /coordinator/applications/{id}/{action} (or .../reports/{n}/{verdict})
// with the CSRF token, becomes the same command the JSON API sends, and is answered with 303 back to the page,
// or the page again with the refusal next to its fields.
public sealed partial class CoordinatorPages
{
    static readonly string[] ContactFields = ["role", "name", "email"];

    /// <summary><c>POST /coordinator/applications/{id}/{action}</c>: deadline, remind, reassign, contact or cancel; export, erase or data-request (CoordinatorPages.Privacy.cs).</summary>
    public async Task<IResult> ActAsync(HttpRequest request, string id, string action, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        if (action is not ("deadline" or "remind" or "reassign" or "contact" or "cancel") && !IsPrivacyAction(action))
        {
            return NotFound(lang);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        if (!Csrf.IsValid(request, form))
        {
            return await RenderDetailAsync(request, id, lang, Expired(lang), cancellationToken);
        }

        var by = await ActorAsync(request);
        if (IsPrivacyAction(action))
        {
            return await ActOnPrivacyAsync(request, id, action, form, by, lang, durable, cancellationToken);
        }

        Refusal? refusal;
        switch (action)
        {
            case "deadline":
                // The field is the fund's local time; the command takes a moment with its offset.
                var (deadline, error) = DeadlineInput.Parse(form["deadline"].ToString(), format.Zone);
                if (error is not null)
                {
                    return await RenderDetailAsync(request, id, lang, Refused(action, form, lang, "deadline", error), cancellationToken);
                }

                refusal = (await actions.ExtendDeadlineAsync(new ExtendDeadline(id, deadline, form["reason"].ToString(), by, lang), durable, cancellationToken)).Refusal;
                break;
            case "remind":
                refusal = (await actions.RemindAsync(new SendReminder(id, by, lang), durable, cancellationToken)).Refusal;
                break;
            case "reassign":
                refusal = (await actions.ReassignAsync(new ReassignReviewer(id, form["from"].ToString(), form["to"].ToString(), by, lang), durable, cancellationToken)).Refusal;
                break;
            case "contact":
                var fields = ContactFields.ToDictionary(f => f, f => form[f].ToString());
                refusal = (await actions.ReplaceContactAsync(new ReplaceContact(id, fields, form["reason"].ToString(), by, lang), durable, cancellationToken)).Refusal;
                break;
            default:
                if (form["confirm"] != "yes")
                {
                    return await RenderDetailAsync(request, id, lang, Refused(action, form, lang, "confirm", "Cancel.ConfirmMissing"), cancellationToken);
                }

                refusal = (await actions.CancelAsync(new CancelApplication(id, form["reason"].ToString(), by, lang), durable, cancellationToken)).Refusal;
                break;
        }

        return await AfterAsync(request, id, action, action, form, refusal, lang, cancellationToken);
    }

    /// <summary><c>POST /coordinator/applications/{id}/reports/{number}/{verdict}</c>: accept, or ask for changes.</summary>
    public async Task<IResult> JudgeReportAsync(HttpRequest request, string id, int number, string verdict, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        if (verdict is not ("accept" or "changes"))
        {
            return NotFound(lang);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        if (!Csrf.IsValid(request, form))
        {
            return await RenderDetailAsync(request, id, lang, Expired(lang), cancellationToken);
        }

        var command = new JudgeReport(id, number, verdict == "accept", form["comment"].ToString(), await ActorAsync(request), lang);
        var refusal = (await actions.JudgeReportAsync(command, durable, cancellationToken)).Refusal;
        return await AfterAsync(request, id, $"report-{number}", verdict, form, refusal, lang, cancellationToken);
    }

    /// <summary>Accepted: 303 back with what was done. Refused: the page again, the refusal by the form it belongs to.</summary>
    async Task<IResult> AfterAsync(HttpRequest request, string id, string formName, string done, IFormCollection form, Refusal? refusal, string lang, CancellationToken cancellationToken)
    {
        if (refusal is null)
        {
            return new SeeOtherResult("/coordinator/applications/" + Uri.EscapeDataString(id) + QueryString.Create("done", done) + (LangQuery.For(lang) is { Length: > 0 } q ? "&" + q[1..] : ""));
        }

        if (refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound(lang);
        }

        var state = new DetailState(refusal.Title, refusal.Detail, true, formName, refusal.Errors, form, OutcomeResults.StatusOf(refusal));
        return await RenderDetailAsync(request, id, lang, state, cancellationToken);
    }

    /// <summary>Who acts, for the timeline: DeniedAsync has already let only a signed-in coordinator through.</summary>
    internal async Task<CoordinatorActor> ActorAsync(HttpRequest request) =>
        new((await auth.AuthenticateAsync(request)).Name ?? "", request.Path);

    DetailState Expired(string lang)
    {
        using var _ = TextCulture.Use(lang);
        return new(text["Form.Expired.Title"], text["Form.Expired.Text"], true, null, new Dictionary<string, string[]>(), null, StatusCodes.Status403Forbidden);
    }

    /// <summary>A field the page checks before any command (the deadline as typed, the tick to cancel).</summary>
    DetailState Refused(string formName, IFormCollection values, string lang, string field, string key)
    {
        using var _ = TextCulture.Use(lang);
        return new(text["Form.Check.Title"], text["Form.Check.Text"], true, formName, new Dictionary<string, string[]> { [field] = [text[key]] }, values, StatusCodes.Status400BadRequest);
    }
}
