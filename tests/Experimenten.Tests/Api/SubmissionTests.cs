using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Api;

/// <summary>POST /api/applications on the self-host, on Azurite, as a resident's browser or curl would use it.</summary>
[Collection(StorageCollection.Name)]
public sealed class SubmissionTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        client = await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_submission_with_a_pdf_is_accepted_and_both_contacts_get_a_confirmation_with_a_working_status_link()
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().WithFile(TestApplication.Pdf(), "Ons plan (versie 1).pdf").ToContent());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        Assert.StartsWith("exp-", id, StringComparison.Ordinal);
        Assert.True(await host.Plans.AnyPlanAsync(id, default), "the plan file is stored under plans/{id}/v1/");

        var mail = await host.WaitForKindAsync(id, "Received", 2);
        Assert.Equal(["anna@example.org", "bram@example.org"], mail.Select(m => m.To).Order());
        Assert.All(mail, m =>
        {
            Assert.Contains("Aanvraag ontvangen", m.Subject, StringComparison.Ordinal);
            Assert.Contains(id, m.Text, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"nl\"", m.Html, StringComparison.Ordinal);
            Assert.Single(m.Links);
        });

        // The emailed status link opens the applicant's page, showing the application.
        var page = await client.GetAsync(new Uri(new Uri(mail[0].Links[0]).PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("Samen de buurtkamer openhouden", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The API status URL from the 202 shows the stage and the timeline.
        var statusUri = new Uri(new Uri(accepted.GetProperty("statusUrl").GetString()!).PathAndQuery, UriKind.Relative);
        JsonElement status = default;
        await Wait.UntilAsync(async () => (status = await client.GetFromJsonAsync<JsonElement>(statusUri)).GetProperty("stage").GetString() == "InReview", TimeSpan.FromSeconds(30), "the stage becomes InReview");
        Assert.Equal(id, status.GetProperty("id").GetString());
        Assert.Contains(status.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "Submitted");
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_application_and_sends_no_second_email()
    {
        var application = new TestApplication();
        async Task<string> SubmitAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = application.ToContent() };
            request.Headers.Add("Idempotency-Key", "double-click-42");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        var first = await SubmitAsync();
        await host.WaitForKindAsync(first, "Received", 2);
        var second = await SubmitAsync();

        Assert.Equal(first, second);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await host.CountKindAsync(first, "Received"));
    }

    [Fact]
    public async Task A_submission_cut_off_before_its_start_is_finished_when_sent_again_with_the_same_key()
    {
        // The first attempt got as far as its read-model row and then the host died: no plan, no lifecycle.
        const string key = "cut-off-before-start-7";
        var id = Submission.ApplicationIds.FromIdempotencyKey("demo", key);
        var pdf = TestApplication.Pdf();
        var firstAttempt = new Domain.ApplicationForm("demo", "Samen de buurtkamer openhouden", "Bewoners en het opbouwwerk draaien samen de buurtkamer.", "Buurtkamer De Linde",
            new Domain.Contact("Anna de Vries", "anna@example.org"), "Welzijn Oost", new Domain.Contact("Bram Jansen", "bram@example.org"), "Utrecht", 7500,
            "We willen een jaar lang samen de buurtkamer draaien en leren hoe we taken verdelen.", null, "nl");
        var fingerprint = Submission.SubmissionFingerprint.Of(firstAttempt, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf)));
        Assert.Equal(Storage.SubmissionRecord.New, await host.ReadModel.RecordSubmittedAsync(id, firstAttempt with { PlanBlob = "plans/" + id + "/v1/weg.pdf" }, fingerprint, DateTimeOffset.UtcNow.AddMinutes(-5), default));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = new TestApplication().WithFile(pdf, "plan.pdf").ToContent(),
        };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(id, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        await host.WaitForKindAsync(id, "Received", 2);
        var view = await host.ReadModel.GetAsync(id, default);
        Assert.Equal("Samen de buurtkamer openhouden", view!.Title);
        Assert.EndsWith("/plan.pdf", view.Plan.Blob, StringComparison.Ordinal);
        Assert.True(await host.Plans.AnyPlanAsync(id, default), "the plan sent again is stored");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await host.CountKindAsync(id, "Received"));
    }

    [Fact]
    public async Task A_budget_above_the_cap_is_screened_out_with_an_email_that_names_the_cap()
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("budgetRequested", "25000").With("language", "en").ToContent());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var mail = await host.WaitForKindAsync(id, "Ineligible", 2);
        Assert.All(mail, m =>
        {
            Assert.StartsWith("Application not taken into review", m.Subject, StringComparison.Ordinal);
            Assert.Contains("€ 25,000", m.Text, StringComparison.Ordinal);
            Assert.Contains("at most € 15,000", m.Text, StringComparison.Ordinal);
        });
        await Wait.UntilAsync(async () => (await host.ReadModel.GetAsync(id, default))!.Stage == Domain.Stage.Ineligible, TimeSpan.FromSeconds(30), "the read model shows Ineligible");
    }

    public static TheoryData<string, HttpStatusCode, string> BadSubmissions => new()
    {
        { "file-20mb", HttpStatusCode.RequestEntityTooLarge, "plan" },
        { "exe-as-pdf", HttpStatusCode.UnsupportedMediaType, "plan" },
        { "missing-fields", HttpStatusCode.BadRequest, "residentContactEmail" },
        { "budget-abc", HttpStatusCode.BadRequest, "budgetRequested" },
        { "unknown-call", HttpStatusCode.UnprocessableEntity, "callId" },
        { "closed-2021-call", HttpStatusCode.UnprocessableEntity, "callId" },
        { "bad-email", HttpStatusCode.BadRequest, "welfareContactEmail" },
        { "no-plan", HttpStatusCode.BadRequest, "planText" },
        { "no-consent", HttpStatusCode.BadRequest, "consent" },
        { "bad-utf8", HttpStatusCode.BadRequest, "title" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task Bad_input_gets_a_specific_problem_and_leaves_nothing_behind(string kind, HttpStatusCode expected, string field)
    {
        var plansBefore = await host.Plans.CountPlansAsync(default);
        var instancesBefore = await host.InstanceCountAsync();
        var application = new TestApplication();
        HttpContent content = kind switch
        {
            "file-20mb" => application.WithFile(TestApplication.Pdf(20 * 1024 * 1024), "plan.pdf").ToContent(),
            "exe-as-pdf" => application.WithFile([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "plan.pdf").ToContent(),
            "missing-fields" => application.Without("residentContactEmail").Without("municipality").ToContent(),
            "budget-abc" => application.With("budgetRequested", "abc").ToContent(),
            "unknown-call" => application.With("callId", "no-such-call").ToContent(),
            "closed-2021-call" => application.With("callId", "samenwerken-2021").ToContent(),
            "bad-email" => application.With("welfareContactEmail", "bram at example").ToContent(),
            "no-plan" => application.Without("planText").ToContent(),
            "no-consent" => application.Without("consent").ToContent(),
            "bad-utf8" => WithRawField(application, "title", [0x53, 0x61, 0xC3, 0x28, 0x6D]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), content);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"a message for {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        if (kind == "missing-fields")
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty("municipality", out _));
        }

        if (kind == "closed-2021-call")
        {
            Assert.Equal(new DateTimeOffset(2021, 9, 15, 23, 59, 59, TimeSpan.FromHours(2)), problem.GetProperty("deadline").GetDateTimeOffset());
        }

        Assert.Equal(plansBefore, await host.Plans.CountPlansAsync(default));
        Assert.Equal(instancesBefore, await host.InstanceCountAsync());
    }

    [Fact]
    public async Task A_request_that_is_not_multipart_is_refused_with_415()
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/applications", UriKind.Relative), new { callId = "demo" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_status_api_answers_404_for_a_missing_forged_or_foreign_token()
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().ToContent());
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        var token = new Uri(accepted.GetProperty("statusUrl").GetString()!).Query.Split("token=")[1];
        var other = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().ToContent());
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/applications/{id}?token={token}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/applications/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/applications/{id}?token={token[..^3]}abc", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/applications/{otherId}?token={token}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Calls_health_and_the_form_are_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        var calls = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls", UriKind.Relative));
        var demo = calls.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "demo");
        Assert.Equal(15000, demo.GetProperty("maxBudget").GetInt64());
        Assert.True(demo.TryGetProperty("opensAt", out _) && demo.TryGetProperty("closesAt", out _));

        var form = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("action=\"/api/applications\"", html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", form.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    static MultipartFormDataContent WithRawField(TestApplication application, string field, byte[] raw)
    {
        application.Fields.Remove(field);
        var content = application.ToContent();
        var part = new ByteArrayContent(raw);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        content.Add(part, field);
        return content;
    }
}
