using Experimenten.Commands;
using Experimenten.Domain;
using Experimenten.Submission;
using Experimenten.Tests.Pages;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace Experimenten.Tests.Unit;

public sealed class SubmissionParserTests
{
    static readonly Dictionary<string, StringValues> Valid = new(StringComparer.Ordinal)
    {
        ["callId"] = "buurt-2026",
        ["title"] = "  Samen koken  ",
        ["summary"] = "We koken samen.",
        ["municipality"] = "Utrecht",
        ["budgetRequested"] = "7.500",
        ["initiativeName"] = "Buurtkeuken",
        ["residentContactName"] = "An",
        ["residentContactEmail"] = "an@example.org",
        ["welfareOrganisation"] = "Welzijn Oost",
        ["welfareContactName"] = "Bo",
        ["welfareContactEmail"] = "bo@example.org",
        ["planText"] = "Ons plan.",
        ["consent"] = "on",
        ["language"] = "en",
    };

    static SubmissionParser Parser(ServiceProvider services) =>
        new(services.GetRequiredService<IStringLocalizer<ApplicantText>>(), services.GetRequiredService<IStringLocalizer<ProblemText>>(), NullLogger<SubmissionParser>.Instance);

    [Fact]
    public void A_complete_form_becomes_a_typed_command_with_the_amount_read_and_no_key_when_none_was_sent()
    {
        using var services = PageServices.Build();
        var outcome = Parser(services).Check(new FormCollection(Valid), Languages.English, "");

        var command = Assert.IsType<Commands.Applicant.SubmitApplication>(outcome.Value);
        Assert.Equal(7500, command.Application.BudgetRequested);
        Assert.Equal("Samen koken", command.Application.Title);
        Assert.Equal(Languages.English, command.Application.Language);
        Assert.Null(command.Plan);
        Assert.Null(command.IdempotencyKey);
    }

    [Fact]
    public void A_form_without_consent_or_plan_is_refused_at_once_for_both_in_the_readers_language()
    {
        using var services = PageServices.Build();
        var fields = new Dictionary<string, StringValues>(Valid, StringComparer.Ordinal);
        fields.Remove("consent");
        fields.Remove("planText");

        var refusal = Parser(services).Check(new FormCollection(fields), Languages.English, "key").Refusal;

        Assert.NotNull(refusal);
        Assert.Equal((RefusalKind.Invalid, "invalid-fields", StatusCodes.Status400BadRequest), (refusal.Kind, refusal.Code, refusal.Status));
        Assert.Equal(["Please agree to the use of your details for this application."], refusal.ErrorsFor("consent")!);
        Assert.Equal(["Type your plan, or attach one file."], refusal.ErrorsFor("planText")!);
    }
}
