using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Pages;

/// <summary>
/// <c>GET /coordinator/rows</c>: what coordinator.js swaps into the list every 10 s. The server renders the rows
/// with the list's own component, for the list's filters, and only for a signed-in coordinator.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class CoordinatorRowsTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_rows_for_a_filter_are_the_list_rows_rendered_by_the_server()
    {
        var fast = await SubmitAsync("fast", "Rijen-test snel");
        var demo = await SubmitAsync("demo", "Rijen-test demo");
        var coordinator = host.CoordinatorClient();

        // The list index follows the application a moment later; the rows come from the index.
        await host.WaitForKindAsync(fast, "ReviewInvitation", 1);
        await WaitForListedAsync(coordinator, fast);
        var response = await coordinator.GetAsync(new Uri("/coordinator/rows?callId=fast&pageSize=200", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();

        // A body the script can swap in as it is: rows, not a page.
        Assert.StartsWith("<tbody>", html.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{fast}\"", html, StringComparison.Ordinal);
        Assert.Contains("Rijen-test snel", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/coordinator/applications/{fast}\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"stage-cell\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"deadline\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{demo}\"", html, StringComparison.Ordinal);

        // The same row as the page shows for the same filter.
        var page = await (await coordinator.GetAsync(new Uri("/coordinator?callId=fast&pageSize=200", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("data-rows=\"/coordinator/rows?callId=fast&amp;pageSize=200\"", page, StringComparison.Ordinal);
        var row = html[html.IndexOf($"<tr data-id=\"{fast}\"", StringComparison.Ordinal)..];
        row = row[..(row.IndexOf("</tr>", StringComparison.Ordinal) + 5)];
        Assert.Contains(row, page, StringComparison.Ordinal);

        // In English when asked, and a filter that finds nothing says so.
        var english = await (await coordinator.GetAsync(new Uri("/coordinator/rows?callId=none-such&lang=en", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("No applications found.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rows_are_refused_without_a_sign_in()
    {
        await SubmitAsync("fast", "Rijen-test geheim");
        var anonymous = await host.CreateClient().GetAsync(new Uri("/coordinator/rows?callId=fast", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("Rijen-test geheim", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrong = host.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("coord:wrong"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(new Uri("/coordinator/rows", UriKind.Relative))).StatusCode);
    }

    async Task<string> SubmitAsync(string callId, string title)
    {
        var response = await host.CreateClient().PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("callId", callId).With("title", title).ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await WaitForRowAsync(id);
        return id;
    }

    static async Task WaitForListedAsync(HttpClient coordinator, string id)
    {
        for (var i = 0; i < 100; i++)
        {
            var page = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/coordinator/applications?callId=fast&pageSize=200", UriKind.Relative));
            if (page.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("id").GetString() == id))
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    async Task WaitForRowAsync(string id)
    {
        for (var i = 0; i < 100 && await host.ReadModel.GetAsync(id, default) is null; i++)
        {
            await Task.Delay(100);
        }
    }
}
