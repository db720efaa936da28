using Experimenten.Calls;
using Experimenten.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Experimenten.Pages.Calls;

/// <summary>
/// The call form as it is shown: the values (the stored call's, or what the coordinator typed), whether the panel is
/// everyone or the ticked reviewers, the version the form was read at, and each field's errors.
/// </summary>
/// <param name="Id">The call's id; null for a new call (its id is one of the fields).</param>
public sealed record CallForm(string? Id, IReadOnlyDictionary<string, string> Values, bool Everyone, IReadOnlySet<string> Panel, int Version, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The radio that says whether the panel is every reviewer or only the ticked ones.</summary>
    public const string PanelMode = "panel-mode";

    public const string VersionField = "version";

    public string? Value(string field) => Values.GetValueOrDefault(field);

    public string[]? ErrorsFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The id of a field's input on the page (dots are awkward in a CSS selector).</summary>
    public static string InputId(string field) => "call-" + field.Replace('.', '-');

    /// <summary>A stored call as the form shows it.</summary>
    public static CallForm Of(Call call, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call.Id, CallFields.Of(call, zone), call.Panel is null, new HashSet<string>(call.Panel ?? [], StringComparer.Ordinal), call.Version, new Dictionary<string, string[]>());
    }

    /// <summary>A new call: the usual settings filled in, the texts and moments left to the coordinator.</summary>
    public static CallForm New() => new(null, Defaults, true, new HashSet<string>(StringComparer.Ordinal), 0, new Dictionary<string, string[]>());

    /// <summary>What was sent, to show it again with its errors: nothing the coordinator typed is lost.</summary>
    public static CallForm From(string? id, IFormCollection form, IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = CallFields.All.Where(f => f != CallFields.Panel && form.ContainsKey(f)).ToDictionary(f => f, f => form[f].ToString(), StringComparer.Ordinal);
        if (id is not null)
        {
            values[CallFields.Id] = id;
        }

        var version = int.TryParse(form[VersionField], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        return new(id, values, form[PanelMode] != "chosen", new HashSet<string>(form[CallFields.Panel].OfType<string>(), StringComparer.Ordinal), version, errors);
    }

    /// <summary>The fields the commands read: everything the form sent, the panel only when it is not everyone.</summary>
    public static Dictionary<string, StringValues> Fields(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = CallFields.All.Where(f => f != CallFields.Panel && form.ContainsKey(f)).ToDictionary(f => f, f => form[f], StringComparer.Ordinal);
        if (form[PanelMode] == "chosen")
        {
            // Nobody ticked is a panel of nobody (the rules say it is too small), not everyone.
            fields[CallFields.Panel] = form[CallFields.Panel].Count > 0 ? form[CallFields.Panel] : new StringValues("");
        }

        return fields;
    }

    static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        [CallFields.MaxBudget] = "10000",
        [CallFields.ReviewersPerRound] = "3",
        [CallFields.ApprovalsNeeded] = "2",
        [CallFields.Completion] = "quorum",
        [CallFields.ReviewPeriod] = "P14D",
        [CallFields.ReviewReminderBefore] = "P3D",
        [CallFields.ReviewOverdueAfter] = "P1D",
        [CallFields.ReviewEscalateAfter] = "P3D",
        [CallFields.ShareComments] = "true",
        [CallFields.RevisionPeriod] = "P14D",
        [CallFields.RevisionMaxRounds] = "2",
        [CallFields.ProgressReports] = "1",
        [CallFields.ReportInterval] = "P90D",
        [CallFields.ReportReminderBefore] = "P7D",
        [CallFields.ReportOverdueAfter] = "P3D",
        [CallFields.ReportEscalateAfter] = "P7D",
        [CallFields.RetentionAfterCompleted] = "P24M",
        [CallFields.RetentionAfterClosed] = "P6M",
    };
}

/// <summary>A notice at the top of a call or reviewer page: what was done, or why not.</summary>
public sealed record PageNotice(string Title, string? Text, bool Error);
