using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Privacy;

/// <summary>An application whose contacts have names and addresses no other test uses, so a search for them finds only this one.</summary>
sealed record PrivateApplication(string Id, string ResidentName, string ResidentEmail, string WelfareName, string WelfareEmail, string Title, string PlanText)
{
    /// <summary>What must be gone after erasure: the contacts' names and email addresses, and what they wrote.</summary>
    public IReadOnlyList<string> PersonalData => [ResidentName, ResidentEmail, WelfareName, WelfareEmail, Title, PlanText];
}

static partial class PrivacyFlow
{
    public static async Task<PrivateApplication> SubmitAsync(HttpClient client, string call = "fast", bool withFile = true)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var application = new TestApplication()
            .With("callId", call)
            .With("title", $"Samen de moestuin {tag}")
            .With("residentContactName", $"Zofia Kwiatkowska {tag}")
            .With("residentContactEmail", $"zofia.{tag}@example.org")
            .With("welfareContactName", $"Jurre Oudshoorn {tag}")
            .With("welfareContactEmail", $"jurre.{tag}@example.org")
            .With("welfareOrganisation", "Welzijn De Brug")
            .With("planText", $"Een jaar lang samen de moestuin {tag} onderhouden en leren.");
        if (withFile)
        {
            application.WithFile(TestApplication.Pdf(), "plan moestuin.pdf");
        }

        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), application.ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var f = application.Fields;
        return new PrivateApplication(id, f["residentContactName"], f["residentContactEmail"], f["welfareContactName"], f["welfareContactEmail"], f["title"], f["planText"]);
    }

    /// <summary>Opens a page and returns its form's CSRF token (the client keeps the cookie that goes with it).</summary>
    public static async Task<string> CsrfAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return CsrfField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No CSRF field on " + path);
    }

    public static HttpClient NoRedirects(SelfHostFactory host, bool coordinator)
    {
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (coordinator)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{SelfHostFactory.CoordinatorUser}:{SelfHostFactory.CoordinatorPassword}")));
        }

        return client;
    }

    [GeneratedRegex("name=\"_csrf\" value=\"([A-Za-z0-9_-]{43})\"")]
    private static partial Regex CsrfField();
}
