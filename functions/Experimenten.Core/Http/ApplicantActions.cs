using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Http;

/// <summary>
/// What applicants do through their signed status link: withdraw at any open stage, or hand their own
/// contact role over to a new person. <c>POST /api/applications/{id}/withdraw|contacts?token=…</c>.
/// The initiative belongs to the residents: only the residents' contact withdraws, and neither contact
/// can replace the other (that takes the other side's own link, or a coordinator with a reason).
/// </summary>
public sealed class ApplicantActions(ReadModel readModel, LinkSigner signer, TimeProvider time)
{
    public async Task<IResult> WithdrawAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (problem, view, role, _, lang) = await AuthorizeAsync(request, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (role != ContactRole.Resident)
        {
            return Problems.Create(403, "residents-withdraw", Problems.Pick(lang, "Alleen de bewoners trekken in", "Only the residents withdraw"),
                Problems.Pick(lang,
                    "Het initiatief is van de bewoners. Daarom kan alleen de contactpersoon van de bewoners de aanvraag intrekken, met de link uit de eigen e-mail. Er is niets veranderd.",
                    "The initiative belongs to the residents, so only the residents' contact can withdraw the application, with the link from their own email. Nothing has changed."));
        }

        var body = await RequestFields.ReadAsync(request, cancellationToken) ?? [];
        var reason = body.GetValueOrDefault("reason", "").Trim();
        if (reason.Length > 1000)
        {
            return Problems.Create(400, "invalid-fields", Problems.Pick(lang, "Controleer het formulier", "Please check the form"), Problems.Pick(lang, "De reden is te lang.", "The reason is too long."),
                new Dictionary<string, string[]> { ["reason"] = [Problems.Pick(lang, "Hoogstens 1000 tekens.", "At most 1000 characters.")] });
        }

        await durable.RaiseEventAsync(id, Events.Withdrawn, new Withdrawn(reason, time.GetUtcNow()), cancellationToken);
        return Results.Json(new WithdrawalAccepted(id, view!.Stage.ToString(), "withdraw"), statusCode: StatusCodes.Status202Accepted);
    }

    public async Task<IResult> ChangeContactAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (problem, view, own, gen, lang) = await AuthorizeAsync(request, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var body = await RequestFields.ReadAsync(request, cancellationToken) ?? [];
        var (role, next, errors) = ContactChange.Read(body, lang);
        if (role is not null && role != own)
        {
            // Checked before the other fields: the answer is the same whatever was typed.
            return Problems.Create(403, "not-your-role", Problems.Pick(lang, "Alleen uw eigen rol", "Only your own role"),
                Problems.Pick(lang,
                    "U kunt alleen uw eigen plaats als contactpersoon overdragen. De andere contactpersoon doet dat zelf, met de link uit de eigen e-mail, of vraagt het fondsbureau. Er is niets veranderd.",
                    "You can only hand over your own place as a contact. The other contact does that themselves, with the link from their own email, or asks the fund office. Nothing has changed."),
                new Dictionary<string, string[]> { ["role"] = [Problems.Pick(lang, "Dit is niet uw rol.", "This is not your role.")] });
        }

        if (errors.Count > 0)
        {
            return Problems.Create(400, "invalid-fields", Problems.Pick(lang, "Controleer het formulier", "Please check the form"), Problems.Pick(lang, "Niet alles is goed ingevuld.", "Some fields need attention."), errors);
        }

        var previous = view!.ContactFor(own!.Value);
        if (!await readModel.ChangeContactAsync(id, own.Value, next!, gen, cancellationToken))
        {
            return Problems.NotFound(lang);
        }

        await durable.RaiseEventAsync(id, Events.ContactsChanged, new ContactsChanged(own.Value, previous, next!, time.GetUtcNow()), cancellationToken);
        return Results.Json(new HandOverAccepted(id, own.Value.ToString().ToLowerInvariant(), next!.Name, next.Email), statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>A genuine, current contact's link for an open application; the view-only submitter's link is refused with 403.</summary>
    async Task<(IResult? Problem, ApplicationView? View, ContactRole? Role, int Gen, string Lang)> AuthorizeAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var lang = Problems.LanguageOf(request);
        var check = signer.Check(request.Query["token"].ToString(), LinkPurpose.Status);
        if (!check.IsValidFor(id) || await readModel.GetAsync(id, cancellationToken) is not { } view || !ApplicantLinks.IsCurrent(check.Claims!, view))
        {
            return (Problems.NotFound(lang), null, null, 0, lang);
        }

        lang = Problems.LanguageOf(request, view.Language);
        if (ApplicantLinks.RoleOf(check.Claims!) is not { } role)
        {
            return (Problems.Create(403, "view-only-link", Problems.Pick(lang, "Deze link is om te kijken", "This link is for viewing"),
                Problems.Pick(lang,
                    "Met deze link ziet u hoe het met de aanvraag staat. Iets veranderen kan alleen met de persoonlijke link uit de e-mail aan een contactpersoon. Er is niets veranderd.",
                    "This link shows how the application is doing. Changing something takes the personal link in a contact's email. Nothing has changed.")), view, null, 0, lang);
        }

        if (view.Stage.IsFinal())
        {
            return (Problems.Create(409, "application-closed", Problems.Pick(lang, "Aanvraag is afgesloten", "Application is closed"),
                Problems.Pick(lang, $"Deze aanvraag is al afgesloten ({StageText.For(view.Stage, lang)}). Er verandert niets.", $"This application is already closed ({StageText.For(view.Stage, lang)}). Nothing changes.")), view, role, check.Claims!.Gen, lang);
        }

        return (null, view, role, check.Claims!.Gen, lang);
    }
}
