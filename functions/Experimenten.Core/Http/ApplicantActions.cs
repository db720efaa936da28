using System.Net.Mail;
using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Http;

/// <summary>
/// What applicants do through their signed status link: withdraw at any open stage, or hand a
/// contact over to a new person. <c>POST /api/applications/{id}/withdraw|contacts?token=…</c>.
/// </summary>
public sealed class ApplicantActions(ReadModel readModel, LinkSigner signer, TimeProvider time)
{
    public async Task<IResult> WithdrawAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (problem, view, lang) = await AuthorizeAsync(request, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var body = (await RequestFields.ReadAsync(request, cancellationToken) ?? []);
        var reason = body.GetValueOrDefault("reason", "").Trim();
        if (reason.Length > 1000)
        {
            return Problems.Create(400, "invalid-fields", Problems.Pick(lang, "Controleer het formulier", "Please check the form"), Problems.Pick(lang, "De reden is te lang.", "The reason is too long."),
                new Dictionary<string, string[]> { ["reason"] = [Problems.Pick(lang, "Hoogstens 1000 tekens.", "At most 1000 characters.")] });
        }

        await durable.RaiseEventAsync(id, Events.Withdrawn, new Withdrawn(reason, time.GetUtcNow()), cancellationToken);
        return Results.Json(new { id, stage = view!.Stage.ToString(), requested = "withdraw" }, statusCode: StatusCodes.Status202Accepted);
    }

    public async Task<IResult> ChangeContactAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (problem, view, lang) = await AuthorizeAsync(request, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var body = (await RequestFields.ReadAsync(request, cancellationToken) ?? []);
        var errors = new Dictionary<string, string[]>();
        var role = body.GetValueOrDefault("role", "") switch
        {
            "resident" => ContactRole.Resident,
            "welfare" => ContactRole.Welfare,
            _ => (ContactRole?)null,
        };
        var name = body.GetValueOrDefault("name", "").Trim();
        var email = body.GetValueOrDefault("email", "").Trim();
        if (role is null)
        {
            errors["role"] = [Problems.Pick(lang, "Kies resident (bewoners) of welfare (welzijnsorganisatie).", "Choose resident or welfare.")];
        }

        if (name.Length is 0 or > 200)
        {
            errors["name"] = [Problems.Pick(lang, "Vul de naam van de nieuwe contactpersoon in.", "Fill in the new contact's name.")];
        }

        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            errors["email"] = [Problems.Pick(lang, "Dit is geen geldig e-mailadres.", "This is not a valid email address.")];
        }

        if (errors.Count > 0)
        {
            return Problems.Create(400, "invalid-fields", Problems.Pick(lang, "Controleer het formulier", "Please check the form"), Problems.Pick(lang, "Niet alles is goed ingevuld.", "Some fields need attention."), errors);
        }

        var previous = view!.ContactFor(role!.Value);
        var next = new Contact(name, email);
        await readModel.ChangeContactAsync(id, role.Value, next, cancellationToken);
        await durable.RaiseEventAsync(id, Events.ContactsChanged, new ContactsChanged(role.Value, previous, next, time.GetUtcNow()), cancellationToken);
        return Results.Json(new { id, role = role.Value.ToString().ToLowerInvariant(), name, email }, statusCode: StatusCodes.Status202Accepted);
    }

    async Task<(IResult? Problem, ApplicationView? View, string Lang)> AuthorizeAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var lang = Problems.LanguageOf(request);
        var token = request.Query["token"].ToString();
        if (!signer.Check(token, LinkPurpose.Status).IsValidFor(id) || await readModel.GetAsync(id, cancellationToken) is not { } view)
        {
            return (Problems.NotFound(lang), null, lang);
        }

        lang = Problems.LanguageOf(request, view.Language);
        if (view.Stage.IsFinal())
        {
            return (Problems.Create(409, "application-closed", Problems.Pick(lang, "Aanvraag is afgesloten", "Application is closed"),
                Problems.Pick(lang, $"Deze aanvraag is al afgesloten ({StageText.For(view.Stage, lang)}). Er verandert niets.", $"This application is already closed ({StageText.For(view.Stage, lang)}). Nothing changes.")), view, lang);
        }

        return (null, view, lang);
    }
}
