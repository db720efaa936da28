using System.Globalization;
using System.Text;
using Experimenten.Commands;
using Experimenten.Domain;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Experimenten.Submission;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Experimenten.Calls;

/// <summary>A reviewer to save: new (no <paramref name="ExistingId"/>) or changed.</summary>
public sealed record SaveReviewer(string? ExistingId, IReadOnlyDictionary<string, StringValues> Fields, string By, string Language);

/// <summary>Pause (no new invitations), resume, or remove a reviewer (no invitation at all, open ones handed on).</summary>
public sealed record ChangeReviewerStatus(string Id, ReviewerStatus Status, string By, string Language);

/// <summary>A round a removed reviewer was still invited to, and who was asked instead (null: nobody was left to ask).</summary>
public sealed record RoundHandedOn(string ApplicationId, int Round, string? Replacement);

/// <summary>A reviewer's new status, and for a removal the rounds their seat was handed on in.</summary>
public sealed record ReviewerStatusChanged(Reviewer Reviewer, IReadOnlyList<RoundHandedOn> Rounds);

/// <summary>
/// The coordinator's commands on the review panel. A removed reviewer keeps nothing: their name stays on the
/// timelines they were part of, their address and organisations go, every open invitation is withdrawn at once
/// (their links stop working) and each running round asks the next eligible reviewer, as a reassignment does.
/// </summary>
public sealed class PanelCommands(PanelStore panel, CallCatalog catalog, ReviewStore reviews, ReadModel readModel, TimeProvider time, IStringLocalizer<CallText> text, ILogger<PanelCommands> log)
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Organisations = "organisations";
    public const string Language = "language";

    public async Task<Outcome<Reviewer>> SaveAsync(SaveReviewer command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var _ = TextCulture.Use(command.Language);
        string Get(string field) => command.Fields.TryGetValue(field, out var v) ? (v.ToString() ?? "").Trim() : "";
        var errors = new Dictionary<string, string[]>();
        var name = Get(Name);
        if (name.Length is 0 or > 200)
        {
            errors[Name] = [text[name.Length == 0 ? "Error.Required" : "Error.TooLong", 200]];
        }

        var email = Get(Email);
        if (!SubmissionValidator.IsEmail(email) || email.Length > 254)
        {
            errors[Email] = [text["Error.Email"]];
        }

        var language = Get(Language) is { Length: > 0 } l ? l : Languages.Dutch;
        if (!Languages.IsSupported(language))
        {
            errors[Language] = [text["Error.Language"]];
        }

        string[] organisations = command.Fields.TryGetValue(Organisations, out var orgs)
            ? [.. orgs.SelectMany(o => (o ?? "").Split(['\n', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.OrdinalIgnoreCase)]
            : [];
        if (organisations.Length > 20 || organisations.Any(o => o.Length > 200))
        {
            errors[Organisations] = [text["Error.Organisations"]];
        }

        var at = time.GetUtcNow();
        if (command.ExistingId is { } id)
        {
            if (!IsId(id) || await panel.GetAsync(id, cancellationToken) is not { Status: not ReviewerStatus.Removed } existing)
            {
                return NotFound();
            }

            if (errors.Count > 0)
            {
                return Invalid(errors);
            }

            var changed = existing with { Name = name, Email = email, Organisations = organisations, Language = language };
            await panel.UpdateAsync(changed, command.By, at, cancellationToken);
            return Saved(changed, "changed", command.By);
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var current = await catalog.GetAsync(cancellationToken);
        var slug = Slug(name);
        for (var n = 1; n < 100; n++)
        {
            var candidate = n == 1 ? slug : $"{slug}-{n}";
            if (current.Panel.Find(candidate) is null && await panel.AddAsync(new Reviewer(candidate, name, email, organisations, language), current.Panel.Reviewers.Count + n, command.By, at, cancellationToken))
            {
                return Saved(new Reviewer(candidate, name, email, organisations, language), "added", command.By);
            }
        }

        return Invalid(new() { [Name] = [text["Error.ReviewerIdTaken"]] });
    }

    public async Task<Outcome<ReviewerStatusChanged>> ChangeStatusAsync(ChangeReviewerStatus command, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(durable);
        using var _ = TextCulture.Use(command.Language);
        if (!IsId(command.Id) || await panel.GetAsync(command.Id, cancellationToken) is not { Status: not ReviewerStatus.Removed } reviewer)
        {
            return NotFound();
        }

        var at = time.GetUtcNow();
        if (command.Status != ReviewerStatus.Removed)
        {
            var changed = reviewer with { Status = command.Status };
            await panel.UpdateAsync(changed, command.By, at, cancellationToken);
            Saved(changed, command.Status == ReviewerStatus.Paused ? "paused" : "resumed", command.By);
            return Outcome.Accepted(new ReviewerStatusChanged(changed, []));
        }

        // The address and organisations go first: from now on no email reaches them and no page opens for them.
        var removed = reviewer with { Status = ReviewerStatus.Removed, Email = "", Organisations = [] };
        await panel.UpdateAsync(removed, command.By, at, cancellationToken);
        Saved(removed, "removed", command.By);
        var rounds = new List<RoundHandedOn>();
        var snapshot = await catalog.GetAsync(cancellationToken);
        foreach (var (applicationId, round) in await reviews.OpenInvitationsAsync(reviewer.Id, cancellationToken))
        {
            await reviews.WithdrawInvitationAsync(applicationId, round, reviewer.Id, cancellationToken);
            var view = await readModel.GetAsync(applicationId, cancellationToken);
            if (view is null || view.Stage != Stage.InReview || view.Round != round)
            {
                continue;
            }

            var replacement = await ReplacementAsync(durable, snapshot.Panel, view, round, cancellationToken);
            if (replacement is not null)
            {
                await durable.RaiseEventAsync(Events.RoundInstance(applicationId, round), Events.ReviewerReassigned, new ReviewerReassigned(reviewer.Id, replacement, at), cancellationToken);
            }

            Logs.ReviewerRemovedFromRound(log, reviewer.Id, round, applicationId, replacement ?? "none");
            rounds.Add(new RoundHandedOn(applicationId, round, replacement));
        }

        return Outcome.Accepted(new ReviewerStatusChanged(removed, rounds));
    }

    /// <summary>
    /// The first reviewer the round may take (it takes only those eligible when it started, see
    /// <see cref="ReviewRound"/>) who is active, not in the round yet and without a conflict.
    /// </summary>
    async Task<string?> ReplacementAsync(DurableTaskClient durable, Panel current, ApplicationView view, int round, CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(Events.RoundInstance(view.Id, round), getInputsAndOutputs: true, cancellationToken);
        if (instance?.ReadInputAs<ReviewRoundInput>() is not { } input)
        {
            return null;
        }

        var inRound = (await reviews.ListAsync(view.Id, cancellationToken)).Where(r => r.Round == round && !r.Reassigned).Select(r => r.ReviewerId).ToHashSet(StringComparer.Ordinal);
        return input.Reviewers.FirstOrDefault(id => !inRound.Contains(id) && current.Find(id) is { IsActive: true } r && !r.HasConflictWith(view.WelfareOrganisation));
    }

    Outcome<Reviewer> Saved(Reviewer reviewer, string change, string by)
    {
        catalog.Invalidate();
        Logs.ReviewerChanged(log, reviewer.Id, change, by);
        return Outcome.Accepted(reviewer);
    }

    /// <summary>Whether a text can be a reviewer's id (and so a storage key): checked before any look-up.</summary>
    public static bool IsId(string? value) =>
        value is { Length: > 0 and <= 100 } && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');

    /// <summary>An id from a name: lowercase letters, digits and hyphens, accents dropped ("Fatima El Idrissi" → fatima-el-idrissi).</summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length switch { 0 => "reviewer", > 60 => slug[..60].TrimEnd('-'), _ => slug };
    }

    Refusal Invalid(Dictionary<string, string[]> errors) =>
        new(RefusalKind.Invalid, "invalid-reviewer", text["Problem.InvalidReviewer.Title"], text["Problem.Invalid.Detail"]) { Errors = errors, Status = StatusCodes.Status422UnprocessableEntity };

    Refusal NotFound() => new(RefusalKind.NotFound, "reviewer-not-found", text["Problem.ReviewerNotFound.Title"], text["Problem.ReviewerNotFound.Detail"]);
}
