using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Privacy;
using Experimenten.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Commands.Applicant;

/// <summary>A contact asks what the fund stores about them (AVG art. 15), through their own status link.</summary>
public sealed record RequestData(string Token, string ApplicationId, string Language, bool LanguageChosen = false);

/// <param name="Due">The day the fund must have answered by: one calendar month after the request.</param>
public sealed record DataRequestAccepted(string Id, string Role, DateTimeOffset Due);

/// <summary>
/// Records a contact's data request, tells the fund office by email and writes it to the audit log. Works at every
/// stage, closed ones too (the data stays until it is erased); only a contact's own link may ask, not the view-only
/// submitter's link, which anyone who typed the addresses holds. Asking twice the same day is one request, one email.
/// </summary>
public sealed class DataRequestCommands(
    ApplicantCommands applicants,
    DataRequests requests,
    AuditLog audit,
    EmailComposer composer,
    IEmailTransport transport,
    IOptions<EmailOptions> email,
    Formatting format,
    CallCatalog catalog,
    TimeProvider time,
    IStringLocalizer<ApplicantText> text,
    IStringLocalizer<ProblemText> problems,
    ILogger<DataRequestCommands> log)
{
    public async Task<Outcome<DataRequestAccepted>> RequestAsync(RequestData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var link = await applicants.OpenAsync(command.Token, command.ApplicationId, cancellationToken);
        var lang = link is not null && !command.LanguageChosen && Languages.IsSupported(link.View.Language) ? link.View.Language : command.Language;
        using var _ = TextCulture.Use(lang);
        if (link is null)
        {
            return new Refusal(RefusalKind.NotFound, ApplicantCodes.NotFound, problems["NotFound.Title"], problems["NotFound.Detail"]);
        }

        if (link.Role is not { } role)
        {
            return new Refusal(RefusalKind.Refused, ApplicantCodes.ViewOnlyLink, text["Status.Refusal.ViewOnly.Title"], text["Status.Refusal.ViewOnly.Detail"]);
        }

        var view = link.View;
        var (isNew, request) = await requests.RecordAsync(view.Id, role, time.GetUtcNow(), format.Zone, cancellationToken);
        if (isNew)
        {
            await audit.RecordAsync(AuditLog.ApplicantActor, AuditAction.DataRequested, view.Id, role.ToString().ToLowerInvariant(), cancellationToken);
            Logs.DataRequested(log, view.Id, role.ToString(), request.Due);
        }

        // Sent on a repeat too: its key is the same (day and role), so it goes once, and a send cut off before is made good.
        var facts = new EmailFacts(view.Title, view.InitiativeName, (await catalog.GetAsync(cancellationToken)).Find(view.CallId)?.Title.Nl ?? view.CallId, view.BudgetRequested) { Deadline = request.Due };
        var to = new Recipient(Recipient.CoordinatorKey, "Fondsbureau", email.Value.CoordinatorAddress, Languages.Dutch);
        await transport.SendOnceAsync(await composer.ComposeAsync(new EmailRequest(view.Id, EmailKind.DataRequested, 0, to, facts, request.Key)), cancellationToken);
        return Outcome.Accepted(new DataRequestAccepted(view.Id, role.ToString().ToLowerInvariant(), request.Due));
    }
}
