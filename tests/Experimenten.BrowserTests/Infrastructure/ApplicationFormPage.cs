using Microsoft.Playwright;

namespace Experimenten.BrowserTests.Infrastructure;

/// <summary>The application form as a resident fills it in: by its labels' fields, one value each.</summary>
public static class ApplicationFormPage
{
    public static readonly IReadOnlyDictionary<string, string> Valid = new Dictionary<string, string>
    {
        ["title"] = "Samen de buurtkamer openhouden",
        ["summary"] = "Bewoners en het opbouwwerk draaien samen de buurtkamer.",
        ["municipality"] = "Utrecht",
        ["budgetRequested"] = "7500",
        ["initiativeName"] = "Buurtkamer De Linde",
        ["residentContactName"] = "Anna de Vries",
        ["residentContactEmail"] = "anna@example.org",
        ["welfareOrganisation"] = "Welzijn Oost",
        ["welfareContactName"] = "Bram Jansen",
        ["welfareContactEmail"] = "bram@example.org",
    };

    public static async Task FillAsync(IPage page, IReadOnlyDictionary<string, string>? values = null, string? planText = "We draaien een jaar samen de buurtkamer en leren hoe we taken verdelen.")
    {
        await page.CheckAsync("input[name=callId][value=demo]");
        foreach (var (field, value) in values ?? Valid)
        {
            await page.FillAsync("#" + field, value);
        }

        if (planText is not null)
        {
            await page.FillAsync("#planText", planText);
        }

        await page.CheckAsync("#consent");
    }

    /// <summary>The reference shown on the success page (server- or script-rendered).</summary>
    public static async Task<string> ReferenceAsync(IPage page)
    {
        var reference = page.Locator(".reference");
        await Assertions.Expect(reference).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^exp-"));
        return (await reference.TextContentAsync())!.Trim();
    }
}
