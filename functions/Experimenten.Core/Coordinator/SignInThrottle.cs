using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Experimenten.Coordinator;

/// <summary>
/// Slows down guessing: after a few wrong passwords for one account, or from one client, every further
/// attempt waits, twice as long each time. Counted per account and per client, so an attacker spreading
/// guesses over many accounts, or over many addresses, still runs into one of the two. Kept in memory:
/// per process, which is the self-host's one process (in Azure, Entra ID signs coordinators in).
/// </summary>
public sealed class SignInThrottle(IOptions<CoordinatorOptions> options, TimeProvider time)
{
    readonly ConcurrentDictionary<string, Record> records = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again; zero when they may try now.</summary>
    public TimeSpan WaitFor(string user, string client)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var key in Keys(user, client))
        {
            if (records.TryGetValue(key, out var record) && record.LockedUntil > now)
            {
                var left = record.LockedUntil - now;
                wait = left > wait ? left : wait;
            }
        }

        return wait;
    }

    public void Failed(string user, string client)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        foreach (var key in Keys(user, client))
        {
            records.AddOrUpdate(
                key,
                _ => Next(new Record(0, now, DateTimeOffset.MinValue), now, o),
                (_, record) => Next(now - record.FirstFailure > o.FailureWindow ? new Record(0, now, DateTimeOffset.MinValue) : record, now, o));
        }

        // Bounded: a flood of made-up user names must not grow this without end.
        if (records.Count > 10_000)
        {
            foreach (var (key, record) in records)
            {
                if (now - record.FirstFailure > o.FailureWindow)
                {
                    records.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>A correct password clears the account's count (the client's stays: it may be guessing other accounts).</summary>
    public void Succeeded(string user) => records.TryRemove(AccountKey(user), out _);

    static Record Next(Record record, DateTimeOffset now, CoordinatorOptions o)
    {
        var failures = record.Failures + 1;
        if (failures < o.FreeFailures)
        {
            return record with { Failures = failures };
        }

        // The last free failure already starts the first wait: the attempt after it is refused.
        var exponent = Math.Min(failures - o.FreeFailures, 20);
        var wait = TimeSpan.FromTicks(Math.Min(o.FirstLockout.Ticks * (1L << exponent), o.MaxLockout.Ticks));
        return record with { Failures = failures, LockedUntil = now + wait };
    }

    static string AccountKey(string user) => "user:" + user.Trim().ToUpperInvariant();

    static IEnumerable<string> Keys(string user, string client) => [AccountKey(user), "client:" + client];

    sealed record Record(int Failures, DateTimeOffset FirstFailure, DateTimeOffset LockedUntil);
}
