using Experimenten.Commands;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Experimenten.Calls;

/// <summary>A call to save: new (no <paramref name="ExistingId"/>) or the next version after <paramref name="ExpectedVersion"/>.</summary>
public sealed record SaveCall(string? ExistingId, IReadOnlyDictionary<string, StringValues> Fields, int ExpectedVersion, string By, string Language);

/// <summary>Open a call now, or close it now: meant for everyone, applications in flight included.</summary>
public sealed record ChangeCallWindow(string Id, bool Open, string By, string Language);

/// <summary>What a call's settings would mean, before saving: the call, or why not, and the dates for one application.</summary>
public sealed record CallPreview(Call? Call, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<ScheduleLine> Schedule);

/// <summary>
/// The coordinator's commands on calls, for the JSON API and the pages alike. A saved change applies to applications
/// sent after it: each application's lifecycle holds the version of its call it was sent under. Opening and closing
/// (and moving the closing moment) are for everyone at once: they decide what the form takes from now on.
/// </summary>
public sealed class CallCommands(CallStore calls, CallCatalog catalog, Formatting format, TimeProvider time, IStringLocalizer<CallText> text, ILogger<CallCommands> log)
{
    /// <summary>Checks the fields without saving; the schedule is for an application sent now, or at the opening if that is later.</summary>
    public async Task<CallPreview> PreviewAsync(IReadOnlyDictionary<string, StringValues> fields, string? existingId, string language, CancellationToken cancellationToken)
    {
        using var _ = TextCulture.Use(language);
        var (call, errors) = await ParseAsync(fields, existingId, cancellationToken);
        if (call is null)
        {
            return new CallPreview(null, errors, []);
        }

        var now = time.GetUtcNow();
        return new CallPreview(call, errors, CallSchedule.For(call, call.OpensAt > now ? call.OpensAt : now));
    }

    public async Task<Outcome<Call>> SaveAsync(SaveCall command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var _ = TextCulture.Use(command.Language);
        var (call, errors) = await ParseAsync(command.Fields, command.ExistingId, cancellationToken);
        if (call is null)
        {
            return Invalid(errors);
        }

        var existing = command.ExistingId is { } id ? await calls.GetAsync(id, cancellationToken) : null;
        if (command.ExistingId is not null && existing is null)
        {
            return NotFound();
        }

        if (command.ExistingId is null && await calls.GetAsync(call.Id, cancellationToken) is not null)
        {
            return Invalid(new() { [CallFields.Id] = [text["Error.IdTaken"]] }, "call-exists", StatusCodes.Status409Conflict);
        }

        var kind = existing is null ? CallChangeKind.Created
            : OnlyTheClosingMoved(existing, call) ? CallChangeKind.DeadlineMoved
            : CallChangeKind.Edited;
        return await StoreAsync(call, command.ExpectedVersion, command.By, kind, cancellationToken);
    }

    public async Task<Outcome<Call>> ChangeWindowAsync(ChangeCallWindow command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var _ = TextCulture.Use(command.Language);
        if (await calls.GetAsync(command.Id, cancellationToken) is not { } call)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        if (command.Open)
        {
            if (call.IsOpenAt(now))
            {
                return new Refusal(RefusalKind.WrongStage, "call-already-open", text["Problem.AlreadyOpen.Title"], text["Problem.AlreadyOpen.Detail"]);
            }

            if (call.ClosesAt <= now)
            {
                return new Refusal(RefusalKind.WrongStage, "call-closing-passed", text["Problem.ClosingPassed.Title"], text["Problem.ClosingPassed.Detail"])
                {
                    Errors = new Dictionary<string, string[]> { [CallFields.ClosesAt] = [text["Problem.ClosingPassed.Field"]] },
                };
            }

            return await StoreAsync(call with { OpensAt = now }, call.Version, command.By, CallChangeKind.Opened, cancellationToken);
        }

        if (call.ClosesAt <= now)
        {
            return new Refusal(RefusalKind.WrongStage, "call-already-closed", text["Problem.AlreadyClosed.Title"], text["Problem.AlreadyClosed.Detail"]);
        }

        // A call that never opened closes too: it opens and closes at this moment, so it is never offered.
        return await StoreAsync(call with { ClosesAt = now, OpensAt = call.OpensAt > now ? now : call.OpensAt }, call.Version, command.By, CallChangeKind.Closed, cancellationToken);
    }

    /// <summary>The saved versions with, for each, the fields it changed and what they were before.</summary>
    public async Task<IReadOnlyList<CallHistoryEntry>?> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        var versions = await calls.HistoryAsync(id, cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }

        var entries = new List<CallHistoryEntry>();
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var before = i + 1 < versions.Count ? CallFields.Of(versions[i + 1].Call, format.Zone) : null;
            var after = CallFields.Of(version.Call, format.Zone);
            var changes = CallFields.All
                .Where(f => before is null || before.GetValueOrDefault(f) != after.GetValueOrDefault(f))
                .Where(f => before is not null)
                .Select(f => new CallFieldChange(f, before!.GetValueOrDefault(f) ?? "", after.GetValueOrDefault(f) ?? ""))
                .ToList();
            entries.Add(new CallHistoryEntry(version.Version, version.At, version.By, version.Kind, version.ForEveryone, changes));
        }

        return entries;
    }

    async Task<(Call? Call, Dictionary<string, string[]> Errors)> ParseAsync(IReadOnlyDictionary<string, StringValues> fields, string? existingId, CancellationToken cancellationToken)
    {
        var withId = existingId is null ? fields : new Dictionary<string, StringValues>(fields) { [CallFields.Id] = existingId };
        var (call, errors) = CallInput.Parse(withId, format.Zone, text);
        if (call is null)
        {
            return (null, errors);
        }

        var panel = (await catalog.GetAsync(cancellationToken)).Panel;
        var broken = CallRules.Check(call, text, panel).Where(b => b.Key == CallFields.Panel).ToList();
        return broken.Count == 0 ? (call, errors) : (null, broken.GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.Select(b => b.Value).ToArray()));
    }

    async Task<Outcome<Call>> StoreAsync(Call call, int expectedVersion, string by, CallChangeKind kind, CancellationToken cancellationToken)
    {
        var (saved, stored) = await calls.SaveAsync(call, expectedVersion, by, kind, time.GetUtcNow(), cancellationToken);
        if (!saved)
        {
            return new Refusal(RefusalKind.WrongStage, "call-changed", text["Problem.Stale.Title"], text["Error.Stale"]) { Status = StatusCodes.Status409Conflict };
        }

        catalog.Invalidate();
        Logs.CallSaved(log, stored.Id, stored.Version, kind, by);
        return Outcome.Accepted(stored);
    }

    bool OnlyTheClosingMoved(Call before, Call after)
    {
        var (was, now) = (CallFields.Of(before, format.Zone), CallFields.Of(after, format.Zone));
        var changed = CallFields.All.Where(f => was.GetValueOrDefault(f) != now.GetValueOrDefault(f)).ToList();
        return changed is [CallFields.ClosesAt];
    }

    Refusal Invalid(Dictionary<string, string[]> errors, string code = "invalid-call", int status = StatusCodes.Status422UnprocessableEntity) =>
        new(RefusalKind.Invalid, code, text["Problem.Invalid.Title"], text["Problem.Invalid.Detail"]) { Errors = errors, Status = status };

    Refusal NotFound() => new(RefusalKind.NotFound, "call-not-found", text["Problem.NotFound.Title"], text["Problem.NotFound.Detail"]);
}

/// <summary>One field a version changed: its value before and after (as the form shows them).</summary>
public sealed record CallFieldChange(string Field, string Before, string After);

/// <summary>A version of a call on its audit record: who saved it, when, what kind of change, and what changed.</summary>
public sealed record CallHistoryEntry(int Version, DateTimeOffset At, string By, CallChangeKind Kind, bool ForEveryone, IReadOnlyList<CallFieldChange> Changes);
