using System.Net.Http.Json;
using System.Text.Json;

namespace Experimenten.BrowserTests.Infrastructure;

/// <summary>Applications sent straight to the API, and the mail the self-host keeps for them.</summary>
public static class Applications
{
    /// <summary>
    /// Submits to the <c>demo</c> call (its review period is minutes); returns the id and the path of the
    /// residents' contact's status page from their confirmation email (the API's own link only shows the status).
    /// </summary>
    public static async Task<(string Id, string StatusPath)> SubmitAsync(Site site, string lang = "nl", string? title = null)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in ApplicationFormPage.Valid)
        {
            content.Add(new StringContent(name == "title" && title is not null ? title : value), name);
        }

        content.Add(new StringContent("demo"), "callId");
        content.Add(new StringContent("Een plan."), "planText");
        content.Add(new StringContent("true"), "consent");
        content.Add(new StringContent(lang), "language");
        var response = await site.Host.Client.PostAsync(new Uri(site.Host.BaseUrl + "/api/applications"), content);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        return (id, new Uri(await LinkAsync(site, id, "|Received|r0|resident", "/status/")).PathAndQuery);
    }

    /// <summary>The decision link of the first review invitation for the application (key contains "|ReviewInvitation|").</summary>
    public static Task<string> ReviewLinkAsync(Site site, string id) => LinkAsync(site, id, "|ReviewInvitation|", "/review/");

    /// <summary>The decision links of <paramref name="count"/> different reviewers invited for the application.</summary>
    public static async Task<IReadOnlyList<string>> ReviewLinksAsync(Site site, string id, int count)
    {
        List<string> links = [];
        await Wait.UntilAsync(async () =>
        {
            var rows = await site.Host.Client.GetFromJsonAsync<JsonElement[]>(new Uri(site.Host.BaseUrl + "/dev/mail.json"));
            links = [.. rows!
                .Where(r => r.GetProperty("applicationId").GetString() == id && r.GetProperty("key").GetString()!.Contains("|ReviewInvitation|", StringComparison.Ordinal))
                .Select(r => r.GetProperty("links").EnumerateArray().Select(l => l.GetString()!).First(l => l.Contains("/review/", StringComparison.Ordinal)))
                .Distinct()
                .Take(count)];
            return links.Count == count;
        }, TimeSpan.FromSeconds(60), $"fewer than {count} review invitations for {id}\n{site.Host.Output}");
        return links;
    }

    /// <summary>The first link containing <paramref name="linkPart"/> in the application's emails whose key contains <paramref name="keyPart"/>.</summary>
    public static async Task<string> LinkAsync(Site site, string id, string keyPart, string linkPart)
    {
        string? link = null;
        await Wait.UntilAsync(async () =>
        {
            var rows = await site.Host.Client.GetFromJsonAsync<JsonElement[]>(new Uri(site.Host.BaseUrl + "/dev/mail.json"));
            link = rows!
                .Where(r => r.GetProperty("applicationId").GetString() == id && r.GetProperty("key").GetString()!.Contains(keyPart, StringComparison.Ordinal))
                .SelectMany(r => r.GetProperty("links").EnumerateArray().Select(l => l.GetString()!))
                .FirstOrDefault(l => l.Contains(linkPart, StringComparison.Ordinal));
            return link is not null;
        }, TimeSpan.FromSeconds(60), $"no {keyPart} email with a {linkPart} link for {id}\n{site.Host.Output}");
        return link!;
    }
}
