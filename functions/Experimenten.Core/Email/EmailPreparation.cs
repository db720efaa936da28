using Experimenten.Domain;
using Experimenten.Storage;
using Microsoft.Extensions.Options;

namespace Experimenten.Email;

/// <summary>
/// Turns an orchestrator's <see cref="EmailOrder"/> into the full <see cref="EmailRequest"/> the composer writes
/// from: the recipient's name and address, the application's title and plan summary, the comments and
/// reasons people typed. All of it is read now, from the read model, never from durable history.
/// </summary>
public sealed class EmailPreparation(ReviewStore reviews, TextStore texts, CallCatalog calls, IOptions<EmailOptions> email)
{
    /// <summary>The request to compose; null when its recipient is gone (a reviewer no longer on the panel).</summary>
    public async Task<EmailRequest?> PrepareAsync(EmailOrder order, ApplicationView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(view);
        var m = order.Mentions;
        var catalog = await calls.GetAsync(cancellationToken);
        var handover = m.Handover is { } h ? await texts.ReadHandoverAsync(view.Id, h, cancellationToken) : null;
        var to = Recipient(order.To, view, handover, catalog.Panel);
        if (to is null)
        {
            return null;
        }

        var language = view.Language;
        var facts = new EmailFacts(view.Title, view.InitiativeName, catalog.Find(view.CallId)?.Title.For(language) ?? view.CallId, view.BudgetRequested, m.Failures)
        {
            Summary = view.Summary,
            WelfareOrganisation = view.WelfareOrganisation,
            Municipality = view.Municipality,
            Deadline = m.Deadline,
            ReportNumber = m.ReportNumber,
            FinalReport = m.FinalReport,
            Reason = await texts.ResolveAsync(view.Id, m.Reason, cancellationToken) ?? "",
            Comments = await CommentsAsync(view.Id, m, catalog.Panel, cancellationToken),
            OtherName = order.Kind switch
            {
                EmailKind.ContactHandedOver => handover?.NextName,
                EmailKind.ContactWelcome => handover?.Previous.Name,
                _ => null,
            },
        };
        return new EmailRequest(order.ApplicationId, order.Kind, order.Round, to, facts, order.Variant);
    }

    Recipient? Recipient(string key, ApplicationView view, Handover? handover, Panel panel)
    {
        var language = view.Language;
        if (key is Email.Recipient.ResidentKey or Email.Recipient.WelfareKey)
        {
            var role = key == Email.Recipient.ResidentKey ? ContactRole.Resident : ContactRole.Welfare;
            var contact = view.ContactFor(role);
            return new Recipient(key, contact.Name, contact.Email, language) { Gen = view.GenFor(role) };
        }

        if (key == Email.Recipient.CoordinatorKey)
        {
            return new Recipient(key, "Fondsbureau", email.Value.CoordinatorAddress, Languages.Dutch);
        }

        if (key.StartsWith(Email.Recipient.FormerPrefix, StringComparison.Ordinal))
        {
            return handover is null ? null : new Recipient(key, handover.Previous.Name, handover.Previous.Email, language);
        }

        // A removed reviewer has no address any more: their emails are not sent (SendEmail logs that).
        var reviewer = panel.Reviewers.FirstOrDefault(r => $"reviewer:{r.Id}" == key);
        return reviewer is null or { Status: ReviewerStatus.Removed } ? null : Email.Recipient.For(reviewer);
    }

    async Task<IReadOnlyList<string>> CommentsAsync(string applicationId, EmailMentions m, Panel panel, CancellationToken cancellationToken)
    {
        if (m.Comment is { } one)
        {
            var text = await texts.ResolveAsync(applicationId, one, cancellationToken);
            return string.IsNullOrEmpty(text) ? [] : [text];
        }

        if (m.WaitingFor.Count > 0)
        {
            return [.. m.WaitingFor.Select(id => panel.Find(id)?.Name ?? id)];
        }

        if (m.CommentsOfRound is not { } round)
        {
            return [];
        }

        // The decisions that counted, in the order they came in: the round's own record of them.
        var counted = await reviews.ClosedRoundAsync(applicationId, round, cancellationToken) ?? [];
        var rows = await reviews.ListAsync(applicationId, cancellationToken);
        return [.. rows.Where(r => r.Round == round && counted.Contains(r.ReviewerId) && !string.IsNullOrEmpty(r.Comment))
            .OrderBy(r => r.DecidedAt).Select(r => r.Comment!)];
    }
}
