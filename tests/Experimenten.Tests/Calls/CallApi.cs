using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Experimenten.Tests.Calls;

/// <summary>A coordinator's calls through the JSON API, as an integrator sends them.</summary>
static class CallApi
{
    /// <summary>A call like the seeds' shape: open now, closing tomorrow evening, one approval by a panel of <paramref name="panel"/>.</summary>
    public static JsonObject NewCall(string id, IReadOnlyList<string> panel, string reviewPeriod = "P14D") => new()
    {
        ["id"] = id,
        ["title"] = new JsonObject { ["nl"] = "Buurt aan zet", ["en"] = "Neighbourhood's turn" },
        ["description"] = new JsonObject { ["nl"] = "Probeer samen iets nieuws.", ["en"] = "Try something new together." },
        ["fund"] = "VSBfonds",
        ["partners"] = new JsonArray("LSA Bewoners"),
        ["opensAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O", CultureInfo.InvariantCulture),
        ["closesAt"] = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(20), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
        ["maxBudget"] = 9000,
        ["review"] = new JsonObject
        {
            ["reviewersPerRound"] = 1,
            ["approvalsNeeded"] = 1,
            ["completion"] = "quorum",
            ["period"] = reviewPeriod,
            ["reminderBefore"] = "P2D",
            ["overdueAfter"] = "P1D",
            ["escalateAfter"] = "P3D",
            ["shareCommentsOnReject"] = true,
        },
        ["revision"] = new JsonObject { ["period"] = "P14D", ["maxRounds"] = 2 },
        ["monitoring"] = new JsonObject { ["progressReports"] = 1, ["interval"] = "P60D", ["reminderBefore"] = "P7D", ["overdueAfter"] = "P7D", ["escalateAfter"] = "P14D" },
        ["retention"] = new JsonObject { ["afterCompleted"] = "P24M", ["afterClosed"] = "P6M" },
        ["panel"] = new JsonArray([.. panel.Select(p => (JsonNode)p)]),
    };

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>Adds a reviewer through the API and returns the id the product gave them.</summary>
    public static async Task<string> AddReviewerAsync(this HttpClient coordinator, string name, string email, params string[] organisations)
    {
        var added = await coordinator.PostAsync(Url("/api/coordinator/reviewers"), JsonContent.Create(new { name, email, organisations, language = "nl" }));
        Xunit.Assert.Equal(System.Net.HttpStatusCode.Created, added.StatusCode);
        return (await ReadAsync(added))["id"]!.GetValue<string>();
    }
}
