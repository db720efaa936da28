using Experimenten.Domain;
using Experimenten.Pages;
using Experimenten.Pages.Applicant;
using Experimenten.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Experimenten.Tests.Pages;

public sealed class ApplicationFormTests
{
    [Fact]
    public async Task The_error_summary_links_a_shown_field_by_its_label_and_anything_else_to_the_form()
    {
        using var services = PageServices.Build();
        var state = new FormState(
            new Dictionary<string, string>(),
            new Dictionary<string, string[]> { ["title"] = ["Vul dit veld in."], ["language"] = ["Kies nl of en."] });
        var html = await services.GetRequiredService<PageRenderer>().RenderAsync<FormErrorSummary>(Languages.English,
            new Dictionary<string, object?> { [nameof(FormErrorSummary.State)] = state });

        Assert.Contains("<a href=\"#title\">Name of the experiment: Vul dit veld in.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#application-form\">Kies nl of en.</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_of_the_list_has_a_label_in_every_language()
    {
        using var services = PageServices.Build();
        var text = services.GetRequiredService<IStringLocalizer<ApplicantText>>();
        foreach (var language in Languages.All)
        {
            using var _ = TextCulture.Use(language);
            foreach (var field in FormFields.All.Append(FormFields.PlanText))
            {
                Assert.False(text["Field." + field.Name + ".Label"].ResourceNotFound, $"{language}: {field.Name}");
            }
        }
    }
}
