using Experimenten.Domain;
using Experimenten.Email;

// Not Experimenten.Tests.Email: that would hide Experimenten.Email from the tests that say Email.OutboxMessage.
namespace Experimenten.Tests.Emails;

/// <summary>
/// The facts every snapshot is written from: each fact a kind may mention is filled, with characters that must be
/// encoded (&amp;, quotes, angle brackets, a line break) and letters outside ASCII, so the snapshots show the escaping too.
/// </summary>
static class EmailSnapshotFacts
{
    public static EmailRequest Request(EmailKind kind, string language) =>
        new("EXP-2025-0042", kind, 2, To(kind, language), Facts, "snapshot");

    static readonly EmailFacts Facts = new(
        "Samen koken & eten in \"De Buurt\"",
        "Bewonersgroep Oost",
        "Oproep voorjaar 2025",
        7500,
        [
            new ScreeningFailure(ScreeningRule.CallClosed, "2025-03-01T12:00:00+00:00"),
            new ScreeningFailure(ScreeningRule.BudgetAboveCap, "5000"),
            new ScreeningFailure(ScreeningRule.NoResidentContact, null),
            new ScreeningFailure(ScreeningRule.NoWelfareOrganisation, null),
            new ScreeningFailure(ScreeningRule.NoPlan, null),
        ])
    {
        Summary = "Elke week koken buren <samen> voor wie alleen is.",
        WelfareOrganisation = "Welzijn Oost",
        Municipality = "Utrecht",
        Deadline = new DateTimeOffset(2025, 4, 1, 15, 0, 0, TimeSpan.Zero),
        Comments = ["Vertel meer over wie wat doet.", "Mooi plan; let op de 'begroting'.\nTweede regel <b>vet</b>?"],
        ReportNumber = 2,
        Reason = "Dubbele aanvraag & al gesteund",
        OtherName = "Carla Smit",
    };

    static Recipient To(EmailKind kind, string language) => kind switch
    {
        EmailKind.ReviewInvitation or EmailKind.ReviewReminderSoon or EmailKind.ReviewReminderDue or EmailKind.ReviewOverdue =>
            new Recipient("reviewer:rev-7", "Sanne Ünal", "sanne@example.org", language),
        EmailKind.ReviewEscalation or EmailKind.ReportEscalation or EmailKind.ReportToAssess or EmailKind.DataRequested =>
            new Recipient(Recipient.CoordinatorKey, "Fondsbureau", "fonds@example.org", language),
        _ => new Recipient(Recipient.ResidentKey, "Fatma Yılmaz-Çelik", "fatma@example.org", language) { Gen = 1 },
    };
}
