using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Experimenten.Pages.Applicant;
using Experimenten.Storage;
using Experimenten.Submission;
using Experimenten.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Experimenten.Tests.Api;

/// <summary>
/// Malformed and hostile submissions to <c>POST /api/applications</c> on the real self-host (Kestrel on a
/// loopback port, so Content-Length, chunking and half-closed connections are real), on Azurite. Each one
/// gets a specific problem, fast, and leaves no application, blob or email behind.
/// </summary>
[Collection(StorageCollection.Name)]
[TestCaseOrderer("Experimenten.Tests.Api.RunLastOrderer", "Experimenten.Tests")]
public sealed class BadInputCorpusTests(Azurite azurite) : IAsyncLifetime
{
    const string Endpoint = "/api/applications";
    const string Problem = "urn:experimenten:problem:";

    // One host for the whole corpus: starting one per case would cost minutes; every case checks it left nothing.
    static readonly SemaphoreSlim Gate = new(1, 1);
    static SelfHostFactory? shared;
    static HttpClient? sharedClient;

    SelfHostFactory host = null!;
    HttpClient client = null!;

    /// <summary>The required text fields of the form, from the form's own list, plus the call.</summary>
    static IEnumerable<FormFields.Field> TextFields => FormFields.All;

    static readonly Dictionary<string, BadInput> Corpus = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Cases => [.. Corpus.Keys];

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is null)
            {
                shared = new SelfHostFactory(azurite);
                shared.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
                sharedClient = await shared.StartAsync();
            }
        }
        finally
        {
            Gate.Release();
        }

        host = shared;
        client = sharedClient!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_corpus_is_large_enough() => Assert.True(Corpus.Count >= 60, $"{Corpus.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_specific_problem_fast_and_leaves_nothing_behind(string name)
    {
        var input = Corpus[name];
        var before = await SnapshotAsync();

        var watch = Stopwatch.StartNew();
        var (status, contentType, body) = await SendAsync(input);
        watch.Stop();

        // A stalled body is answered once the server's own minimum data rate gives up on it, not sooner.
        var within = TimeSpan.FromSeconds(5) + (input.Stalls ? host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MinRequestBodyDataRate!.GracePeriod : TimeSpan.Zero);
        Assert.True(watch.Elapsed < within, $"answered in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(status == input.Status, $"expected {(int)input.Status}, got {(int)status}: {body}");
        Assert.Equal("application/problem+json", contentType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)input.Status, problem.GetProperty("status").GetInt32());
        Assert.Equal(Problem + input.Type, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (input.Field is { } field)
        {
            var messages = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var named) ? named : default;
            Assert.True(messages.ValueKind == JsonValueKind.Array, $"a message for {field}: {body}");
            Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        }

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    [RunLast]
    public async Task After_the_corpus_the_host_is_healthy_and_a_valid_submission_is_accepted()
    {
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
            var response = await client.PostAsync(new Uri(Endpoint, UriKind.Relative), new TestApplication().With("budgetRequested", "€ 4.500,-").WithFile(TestApplication.Pdf(), "plan.pdf").ToContent());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            Assert.Equal(4500, (await host.ReadModel.GetAsync(id, default))!.BudgetRequested);
            await host.WaitForKindAsync(id, "Received", 2);
        }
        finally
        {
            await Gate.WaitAsync();
            try
            {
                if (shared is not null)
                {
                    await shared.DisposeAsync();
                    shared = null;
                }
            }
            finally
            {
                Gate.Release();
            }
        }
    }

    async Task<(HttpStatusCode Status, string? ContentType, string Body)> SendAsync(BadInput input)
    {
        if (input.Raw is { } raw)
        {
            return await SendRawAsync(raw);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = input.Content!() };
        request.Headers.TransferEncodingChunked = input.Chunked ? true : null;
        foreach (var (header, value) in input.Headers)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Bytes straight onto the socket, for what HttpClient refuses to send (a body shorter than announced).</summary>
    async Task<(HttpStatusCode, string?, string)> SendRawAsync(Func<string, byte[]> raw)
    {
        var address = client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(raw($"{address.Host}:{address.Port}"));
        // The connection stays open, as a stalled client leaves it: closing it would leave nobody to answer.
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var head = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var status = (HttpStatusCode)int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var type = head.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?.Split(':', 2)[1].Split(';')[0].Trim();
        var body = text[(head.Length + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return (status, type, body);
    }

    static string Unchunk(string chunked)
    {
        var result = new StringBuilder();
        var at = 0;
        while (true)
        {
            var end = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..end], 16);
            if (size == 0)
            {
                return result.ToString();
            }

            // Sizes count bytes; the body is JSON in UTF-8, so count in bytes too.
            var bytes = Encoding.UTF8.GetBytes(chunked[(end + 2)..]);
            var piece = Encoding.UTF8.GetString(bytes, 0, size);
            result.Append(piece);
            at = end + 2 + piece.Length + 2;
        }
    }

    /// <summary>Everything a submission could leave behind: rows, blobs, durable instances, emails.</summary>
    async Task<string> SnapshotAsync()
    {
        var clients = host.Services.GetRequiredService<StorageClients>();
        var counts = new List<string>();
        foreach (var table in StorageNames.Tables)
        {
            var rows = 0;
            await foreach (var _ in clients.Table(table).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                rows++;
            }

            counts.Add($"{table}={rows}");
        }

        foreach (var container in StorageNames.Containers)
        {
            var blobs = 0;
            await foreach (var _ in clients.Container(container).GetBlobsAsync())
            {
                blobs++;
            }

            counts.Add($"{container}={blobs}");
        }

        counts.Add($"instances={await host.InstanceCountAsync()}");
        counts.Add($"mail={(await host.Outbox.ListAsync(default)).Count}");
        return string.Join(", ", counts);
    }

    static IEnumerable<BadInput> Build()
    {
        const int Bad = (int)HttpStatusCode.BadRequest;
        const string Fields = "invalid-fields";

        // Missing, blank and oversized, for every text field the form has (its own list and limits).
        foreach (var field in TextFields)
        {
            yield return Form($"missing-{field.Name}", a => a.Without(field.Name), Bad, Fields, field.Name);
            yield return Form($"blank-{field.Name}", a => a.With(field.Name, " \t "), Bad, Fields, field.Name);
            var tooLong = field.Kind == "email" ? new string('a', field.Max + 1 - "@example.org".Length) + "@example.org" : new string('7', field.Max + 1);
            yield return Form($"oversized-{field.Name}", a => a.With(field.Name, tooLong), Bad, Fields, field.Name);
        }

        yield return Form("missing-callId", a => a.Without("callId"), Bad, Fields, "callId");
        yield return Form("oversized-callId", a => a.With("callId", new string('d', 65)), Bad, Fields, "callId");
        yield return Form("oversized-planText", a => a.With("planText", new string('p', SubmissionLimits.MaxPlanText + 1)), Bad, Fields, "planText");
        yield return Form("oversized-planText-in-3-byte-characters", a => a.With("planText", new string('€', (SubmissionLimits.MaxPlanText * 4 / 3) + 1)), Bad, Fields, "planText");
        yield return Form("oversized-planText-of-2-mb", a => a.With("planText", new string('p', 2 * 1024 * 1024)), Bad, Fields, "planText");
        yield return Form("no-plan-text-and-no-file", a => a.Without("planText"), Bad, Fields, "planText");
        yield return Form("no-consent", a => a.Without("consent"), Bad, Fields, "consent");
        yield return Form("consent-false", a => a.With("consent", "false"), Bad, Fields, "consent");
        yield return Form("language-de", a => a.With("language", "de"), Bad, Fields, "language");

        // Amounts: never changed to fit, never guessed.
        foreach (var (label, amount) in new[]
        {
            ("cents-english", "4500.50"), ("cents-dutch", "4.500,50"), ("four-euros-fifty", "4,50"), ("garbled-groups", "4.50.0"),
            ("three-commas", "1,2,3"), ("one-decimal", "4.5"), ("negative", "-4500"), ("exponent", "1e5"), ("zero", "0"),
            ("words", "vijfduizend"), ("overflow", "99999999999999999999"), ("hex", "0x1194"), ("above-any-cap", "€ 100.000.001"),
        })
        {
            yield return Form($"budget-{label}", a => a.With("budgetRequested", amount), Bad, Fields, "budgetRequested");
        }

        // Email addresses that are not one address.
        foreach (var (label, address) in new[]
        {
            ("no-at", "bram at example.org"), ("no-dot-in-host", "bram@example"), ("trailing-dot", "bram@example."),
            ("display-name", "Bram <bram@example.org>"), ("two-addresses", "bram@example.org,eve@example.net"),
            ("space-in-host", "bram@exa mple.org"), ("double-at", "bram@@example.org"),
        })
        {
            yield return Form($"email-{label}", a => a.With("welfareContactEmail", address), Bad, Fields, "welfareContactEmail");
        }

        // Header injection: line breaks where a name, address or subject line goes.
        yield return Form("crlf-in-title", a => a.With("title", "Buurtkamer\r\nBcc: eve@example.net"), Bad, Fields, "title");
        yield return Form("crlf-in-name", a => a.With("residentContactName", "Anna\r\nBcc: eve@example.net"), Bad, Fields, "residentContactName");
        yield return Form("lf-in-email", a => a.With("residentContactEmail", "anna@example.org\nBcc: eve@example.net"), Bad, Fields, "residentContactEmail");
        yield return Form("crlf-in-email", a => a.With("welfareContactEmail", "bram@example.org\r\nBcc: eve@example.net"), Bad, Fields, "welfareContactEmail");
        yield return Form("cr-in-organisation", a => a.With("welfareOrganisation", "Welzijn\rOost"), Bad, Fields, "welfareOrganisation");
        yield return Form("next-line-in-municipality", a => a.With("municipality", "Utrecht\u0085Bcc"), Bad, Fields, "municipality");
        yield return Form("line-separator-in-title", a => a.With("title", "Buurtkamer\u2028Bcc: eve@example.net"), Bad, Fields, "title");
        yield return Form("bidi-override-in-name", a => a.With("welfareContactName", "Bram \u202Efdp.exe"), Bad, Fields, "welfareContactName");

        // NUL and bytes that are not UTF-8.
        yield return Form("nul-in-title", a => a.With("title", "Buurt\0kamer"), Bad, Fields, "title");
        yield return Form("nul-in-summary", a => a.With("summary", "Samen\0vatting"), Bad, Fields, "summary");
        yield return Form("nul-in-callId", a => a.With("callId", "demo\0"), Bad, Fields, "callId");
        yield return Form("nul-in-budget", a => a.With("budgetRequested", "45\u000000"), Bad, Fields, "budgetRequested");
        yield return RawField("invalid-utf8-in-name", "residentContactName", [0x41, 0x6E, 0xC3, 0x28, 0x61], "residentContactName");
        yield return RawField("invalid-utf8-in-summary", "summary", [0xFF, 0xFE, 0x41], "summary");
        yield return RawField("overlong-utf8-in-planText", "planText", [0x2E, 0xC0, 0xAF, 0x2E], "planText");
        yield return RawField("invalid-utf8-in-budget", "budgetRequested", [0x34, 0x80, 0x35], "budgetRequested");
        yield return RawField("invalid-utf8-in-email", "welfareContactEmail", [.. "br"u8, 0xE2, 0x82, .. "@example.org"u8], "welfareContactEmail");

        // Duplicate fields: which value counts cannot be known.
        foreach (var (field, second) in new[] { ("title", "Iets anders"), ("callId", "fast"), ("budgetRequested", "100"), ("residentContactEmail", "eve@example.net"), ("consent", "true"), ("language", "en"), ("planText", "Tweede plan") })
        {
            yield return new BadInput($"duplicate-{field}", () => Twice(field, second), HttpStatusCode.BadRequest, Fields, field);
        }

        // Calls that cannot take this application.
        yield return Form("unknown-call", a => a.With("callId", "no-such-call"), 422, "unknown-call", "callId");
        yield return Form("call-id-with-path", a => a.With("callId", "../demo"), 422, "unknown-call", "callId");
        yield return Form("call-id-in-other-case", a => a.With("callId", "DEMO"), 422, "unknown-call", "callId");
        yield return Form("closed-call", a => a.With("callId", "samenwerken-2021"), 422, "call-closed", "callId");

        // Files: judged by their content, never by their name or header.
        const int Unsupported = (int)HttpStatusCode.UnsupportedMediaType;
        const string WrongFile = "unsupported-file";
        yield return File("exe-renamed-to-pdf", () => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "plan.pdf", Unsupported, WrongFile);
        yield return File("elf-renamed-to-docx", () => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0], "plan.docx", Unsupported, WrongFile);
        yield return File("html-renamed-to-pdf", () => "<!doctype html><script>alert(1)</script>"u8.ToArray(), "plan.pdf", Unsupported, WrongFile);
        yield return File("svg-renamed-to-png", () => "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "plan.png", Unsupported, WrongFile);
        yield return File("plain-text", () => "Ons plan in platte tekst"u8.ToArray(), "plan.txt", Unsupported, WrongFile);
        yield return File("empty-file", () => [], "plan.pdf", Bad, Fields);
        yield return File("zip-with-an-exe-renamed-to-docx", () => Zip(("evil.exe", [0x4D, 0x5A, 0x90, 0x00])), "plan.docx", Unsupported, WrongFile);
        yield return File("fake-zip", () => [.. "PK\u0003\u0004"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 31))], "plan.docx", Unsupported, WrongFile);
        yield return File("truncated-docx", () => Docx()[..200], "plan.docx", Unsupported, WrongFile);
        yield return File("zip-bomb-docx", () => ZipBomb(), "plan.docx", Unsupported, WrongFile);
        yield return File("too-many-entries-docx", () => Docx(extraEntries: SubmissionLimits.MaxZipEntries), "plan.docx", Unsupported, WrongFile);
        yield return File("pdf-that-is-also-html", () => "%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"u8.ToArray(), "plan.pdf", Unsupported, WrongFile);
        yield return File("jpeg-with-a-zip-appended", () => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. new byte[64], 0xFF, 0xD9, .. Zip(("evil.js", "alert(1)"u8.ToArray()))], "plan.jpg", Unsupported, WrongFile);
        yield return File("pdf-with-a-zip-appended", () => [.. TestApplication.Pdf(4096), .. Docx()], "plan.pdf", Unsupported, WrongFile);
        yield return File("one-byte-over-the-file-limit", () => TestApplication.Pdf((int)SubmissionLimits.MaxFileBytes + 1), "plan.pdf", (int)HttpStatusCode.RequestEntityTooLarge, "too-large");
        yield return File("body-over-the-limit", () => TestApplication.Pdf((int)SubmissionLimits.MaxBodyBytes + 1), "plan.pdf", (int)HttpStatusCode.RequestEntityTooLarge, "too-large");
        yield return new BadInput("two-files", () => WithFiles(("plan", "a.pdf"), ("plan", "b.pdf")), HttpStatusCode.BadRequest, Fields, "plan");
        yield return new BadInput("file-in-another-field", () => WithFiles(("attachment", "a.pdf")), HttpStatusCode.BadRequest, Fields, "plan");
        yield return new BadInput("file-in-the-title-field", () => WithFiles(("title", "a.pdf")), HttpStatusCode.BadRequest, Fields, "plan");

        // Whole bodies that are not a multipart form, or not a whole one.
        const int Media = (int)HttpStatusCode.UnsupportedMediaType;
        yield return new BadInput("json-body", () => JsonContent.Create(new { callId = "demo" }), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", null);
        yield return new BadInput("urlencoded-body", () => new FormUrlEncodedContent(new TestApplication().Fields), (HttpStatusCode)Media, "unsupported-media-type", null);
        yield return new BadInput("text-body", () => new StringContent("callId=demo"), (HttpStatusCode)Media, "unsupported-media-type", null);
        yield return new BadInput("multipart-mixed", () => Raw("multipart/mixed; boundary=b", Multipart("b", new TestApplication())), (HttpStatusCode)Media, "unsupported-media-type", null);
        yield return new BadInput("no-content-type", () => new ByteArrayContent(Multipart("b", new TestApplication())), (HttpStatusCode)Media, "unsupported-media-type", null);
        const string Malformed = "malformed-form";
        yield return new BadInput("missing-boundary", () => Raw("multipart/form-data", Multipart("b", new TestApplication())), HttpStatusCode.BadRequest, Malformed, null);
        yield return new BadInput("boundary-not-in-body", () => Raw("multipart/form-data; boundary=other", Multipart("b", new TestApplication())), HttpStatusCode.BadRequest, Malformed, null);
        yield return new BadInput("empty-body", () => Raw("multipart/form-data; boundary=b", []), HttpStatusCode.BadRequest, Fields, "callId");
        yield return new BadInput("truncated-multipart", () => Raw("multipart/form-data; boundary=b", Multipart("b", new TestApplication())[..300]), HttpStatusCode.BadRequest, Malformed, null);
        yield return new BadInput("no-closing-boundary", () => Raw("multipart/form-data; boundary=b", Multipart("b", new TestApplication(), close: false)), HttpStatusCode.BadRequest, Malformed, null);
        yield return new BadInput("part-without-content-disposition", () => Raw("multipart/form-data; boundary=b", Encoding.UTF8.GetBytes("--b\r\nContent-Type: text/plain\r\n\r\ndemo\r\n--b--\r\n")), HttpStatusCode.BadRequest, Malformed, null);
        yield return new BadInput("part-without-header-end", () => Raw("multipart/form-data; boundary=b", Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"callId\"\r\ndemo\r\n--b--\r\n")), HttpStatusCode.BadRequest, Malformed, null);
        var overlong = new string('b', new FormOptions().MultipartBoundaryLengthLimit + 1);
        yield return new BadInput("boundary-over-the-limit", () => Raw("multipart/form-data; boundary=" + overlong, Multipart(overlong, new TestApplication())), HttpStatusCode.BadRequest, Malformed, null);
        yield return new BadInput("part-header-of-20-kb", () => Raw("multipart/form-data; boundary=b", Encoding.UTF8.GetBytes($"--b\r\nContent-Disposition: form-data; name=\"callId\"\r\nX-Padding: {new string('x', 20_000)}\r\n\r\ndemo\r\n--b--\r\n")), HttpStatusCode.BadRequest, Malformed, null);
        yield return new BadInput("too-many-fields", () => ManyFields(SubmissionLimits.MaxFormValues + 1), HttpStatusCode.BadRequest, "too-many-fields", null);
        yield return new BadInput("chunked-body-over-the-limit", () => new StreamContent(new MemoryStream(Multipart("b", new TestApplication().WithFile(TestApplication.Pdf((int)SubmissionLimits.MaxBodyBytes + 1024), "plan.pdf")))) { Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b") } }, HttpStatusCode.RequestEntityTooLarge, "too-large", null)
        {
            Chunked = true,
        };
        yield return new BadInput("body-shorter-than-content-length", null, HttpStatusCode.BadRequest, Malformed, null)
        {
            Stalls = true,
            Raw = authority =>
            {
                var body = Multipart("b", new TestApplication());
                var head = $"POST {Endpoint} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: {body.Length + 5000}\r\nConnection: close\r\n\r\n";
                return [.. Encoding.ASCII.GetBytes(head), .. body[..(body.Length / 2)]];
            },
        };
        yield return new BadInput("idempotency-key-of-201-characters", () => new TestApplication().ToContent(), HttpStatusCode.BadRequest, "invalid-idempotency-key", null)
        {
            Headers = [("Idempotency-Key", new string('k', 201))],
        };
    }

    static BadInput Form(string name, Action<TestApplication> change, int status, string type, string field) =>
        new(name, () =>
        {
            var application = new TestApplication();
            change(application);
            return application.ToContent();
        }, (HttpStatusCode)status, type, field);

    static BadInput File(string name, Func<byte[]> content, string fileName, int status, string type) =>
        new(name, () => new TestApplication().Without("planText").WithFile(content(), fileName).ToContent(), (HttpStatusCode)status, type, "plan");

    static BadInput RawField(string name, string field, byte[] raw, string expectedField) =>
        new(name, () =>
        {
            var application = new TestApplication();
            application.Fields.Remove(field);
            var content = application.ToContent();
            var part = new ByteArrayContent(raw);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            content.Add(part, field);
            return content;
        }, HttpStatusCode.BadRequest, "invalid-fields", expectedField);

    static MultipartFormDataContent Twice(string field, string second)
    {
        var content = new TestApplication().ToContent();
        content.Add(new StringContent(second, Encoding.UTF8), field);
        return content;
    }

    static MultipartFormDataContent WithFiles(params (string Field, string FileName)[] files)
    {
        var content = new TestApplication().Without("planText").ToContent();
        foreach (var (field, fileName) in files)
        {
            var part = new ByteArrayContent(TestApplication.Pdf());
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, field, fileName);
        }

        return content;
    }

    static MultipartFormDataContent ManyFields(int extra)
    {
        var content = new TestApplication().ToContent();
        for (var i = 0; i < extra; i++)
        {
            content.Add(new StringContent("x"), $"extra{i}");
        }

        return content;
    }

    static ByteArrayContent Raw(string contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>A multipart body written out by hand, so a test can cut it or give it any boundary.</summary>
    static byte[] Multipart(string boundary, TestApplication application, bool close = true)
    {
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in application.Fields)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        if (application.File is { } file)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"plan\"; filename=\"{file.FileName}\"\r\nContent-Type: application/pdf\r\n\r\n");
            body.Write(file.Content);
            Write("\r\n");
        }

        if (close)
        {
            Write($"--{boundary}--\r\n");
        }

        return body.ToArray();
    }

    static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return memory.ToArray();
    }

    static byte[] Docx(int extraEntries = 0)
    {
        var entries = new List<(string, byte[])> { ("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()) };
        entries.AddRange(Enumerable.Range(0, extraEntries).Select(i => ($"word/media/{i}.xml", Array.Empty<byte>())));
        return Zip([.. entries]);
    }

    /// <summary>A DOCX whose document unpacks to more than the limit, in zeros: a few hundred KB on the wire.</summary>
    static byte[] ZipBomb()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
            {
                types.Write("<Types/>"u8);
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= SubmissionLimits.MaxUnpackedBytes / zeros.Length; i++)
            {
                document.Write(zeros);
            }
        }

        return memory.ToArray();
    }
}

/// <summary>One hostile submission: the request and the problem it must get.</summary>
public sealed record BadInput(string Name, Func<HttpContent>? Content, HttpStatusCode Status, string Type, string? Field)
{
    public IReadOnlyList<(string Header, string Value)> Headers { get; init; } = [];

    /// <summary>The whole request as bytes, given the host's authority; sent on a socket that then half-closes.</summary>
    public Func<string, byte[]>? Raw { get; init; }

    public bool Chunked { get; init; }

    /// <summary>The client stops sending and waits: only the server's body timeout ends it.</summary>
    public bool Stalls { get; init; }
}

/// <summary>Marks the test that must run after every other in its class.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunLastAttribute : Attribute;

public sealed class RunLastOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunLastAttribute).AssemblyQualifiedName).Any() ? 1 : 0);
}
