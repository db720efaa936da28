using Experimenten.Domain;
using Microsoft.Extensions.Localization;

namespace Experimenten.Text;

/// <summary>The words for the product's own states, from <see cref="SharedText"/>; one key per value, never a switch of texts.</summary>
public static class Labels
{
    /// <summary>The stage in a full sentence, as applicants read it.</summary>
    public static string Stage(this IStringLocalizer<SharedText> text, Stage stage) => Look(text, $"Stage.{stage}");

    /// <summary>The stage in a few words, for the coordinator's table.</summary>
    public static string StageShort(this IStringLocalizer<SharedText> text, Stage stage) => Look(text, $"Stage.Short.{stage}");

    public static string WaitingOn(this IStringLocalizer<SharedText> text, WaitingOn waitingOn) => Look(text, $"WaitingOn.{waitingOn}");

    public static string Decision(this IStringLocalizer<SharedText> text, Decision decision) => Look(text, $"Decision.{decision}");

    static string Look(IStringLocalizer<SharedText> text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[key];
    }

    /// <summary>A count with its unit ("1 dag", "3 dagen"); the resources say both forms per language.</summary>
    public static string Count(this IStringLocalizer<SharedText> text, string unit, long n)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[n == 1 ? $"Unit.{unit}.One" : $"Unit.{unit}.Other", n];
    }
}
