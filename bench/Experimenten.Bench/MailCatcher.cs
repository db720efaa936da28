using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Experimenten.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Experimenten.Bench;

/// <summary>
/// Where the benchmarks' email goes: a SendGrid v3 endpoint in this process that keeps each message in memory.
/// The product sends as in production (the real SendGrid SDK, its sent-mail ledger in storage), and the driver
/// learns the emailed links without a single storage request, so the bare baseline, which sends nothing, and the
/// product pay the same for the driver: nothing.
/// </summary>
sealed partial class MailCatcher : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, Inbox> inboxes = new();
    long received;
    long twice;
    long lastAt = Environment.TickCount64;

    public MailCatcher()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Azurite.FreePort()}");
        app = builder.Build();
        app.MapPost("/v3/mail/send", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var key = body.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty("experimenten_key").GetString()!;
            var text = body.GetProperty("content").EnumerateArray().First(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString() ?? "";
            var links = Links().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')', ';', ':')).Distinct().ToList();
            if (!inboxes.GetOrAdd(key[..key.IndexOf('|', StringComparison.Ordinal)], _ => new Inbox()).Add(new Mail(key, links, Environment.TickCount64)))
            {
                Interlocked.Increment(ref twice);
            }

            Interlocked.Increment(ref received);
            Interlocked.Exchange(ref lastAt, Environment.TickCount64);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
    }

    /// <summary>The address to give the product as <c>SendGrid:Host</c>.</summary>
    public string Url => app.Urls.First();

    /// <summary>Messages received so far, every kind.</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>Messages whose key had arrived before: the product promises each email once.</summary>
    public long SentTwice => Interlocked.Read(ref twice);

    /// <param name="ArrivedAt">When it arrived, in <see cref="Environment.TickCount64"/> milliseconds.</param>
    public sealed record Mail(string Key, IReadOnlyList<string> Links, long ArrivedAt);

    public Task StartAsync() => app.StartAsync();

    /// <summary>Messages of one application so far whose key contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<Mail> Of(string applicationId, string marker) =>
        inboxes.TryGetValue(applicationId, out var inbox) ? inbox.Matching(marker) : [];

    /// <summary>Waits for <paramref name="count"/> emails of one kind (and round; 0 = any) to one application.</summary>
    public async Task<IReadOnlyList<Mail>> WaitAsync(string applicationId, string kind, int round, int count, TimeSpan timeout)
    {
        var marker = round > 0 ? $"|{kind}|r{round}|" : $"|{kind}|";
        var inbox = inboxes.GetOrAdd(applicationId, _ => new Inbox());
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var changed = inbox.Changed;
            var found = inbox.Matching(marker);
            if (found.Count >= count)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{count} {kind} emails for {applicationId} did not arrive within {timeout}.");
            }
        }
    }

    /// <summary>Waits until no email has arrived for <paramref name="quiet"/>: the lifecycles wait for people.</summary>
    public async Task SettleAsync(TimeSpan quiet)
    {
        while (Environment.TickCount64 - Interlocked.Read(ref lastAt) < quiet.TotalMilliseconds)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Links();

    /// <summary>One application's messages; a key that arrives again is counted, not kept.</summary>
    sealed class Inbox
    {
        readonly Lock gate = new();
        readonly Dictionary<string, Mail> mails = [];
        TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Changed
        {
            get
            {
                lock (gate)
                {
                    return changed.Task;
                }
            }
        }

        /// <summary>False when this key had arrived before.</summary>
        public bool Add(Mail mail)
        {
            TaskCompletionSource signal;
            lock (gate)
            {
                if (!mails.TryAdd(mail.Key, mail))
                {
                    return false;
                }

                signal = changed;
                changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            signal.SetResult();
            return true;
        }

        public IReadOnlyList<Mail> Matching(string marker)
        {
            lock (gate)
            {
                return [.. mails.Values.Where(m => m.Key.Contains(marker, StringComparison.Ordinal))];
            }
        }
    }
}
