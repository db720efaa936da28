using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Experimenten.Tests.Infrastructure;

/// <summary>
/// A local stand-in for the SendGrid v3 API (the real one is out of reach here): it records every
/// request the real SendGrid SDK makes and answers with the statuses a test scripts (202, 429, 500).
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentQueue<int> script = new();

    public FakeSendGrid()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Azurite.FreePort()}");
        app = builder.Build();
        app.MapPost("/v3/mail/send", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var status = script.TryDequeue(out var next) ? next : StatusCodes.Status202Accepted;
            Requests.Enqueue(new Received(request.Headers.Authorization.ToString(), body, status));
            return status == StatusCodes.Status202Accepted
                ? Results.StatusCode(status)
                : Results.Json(new { errors = new[] { new { message = "scripted failure" } } }, statusCode: status);
        });
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Url => app.Urls.First();

    public IEnumerable<Received> Delivered => Requests.Where(r => r.Status == StatusCodes.Status202Accepted);

    /// <summary>The next answers, in order; after them every request gets 202.</summary>
    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            script.Enqueue(status);
        }
    }

    public Task StartAsync() => app.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed record Received(string Authorization, JsonElement Body, int Status)
    {
        public string To => Body.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!;

        public string Key => Body.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty("experimenten_key").GetString()!;
    }
}
