using System.Globalization;
using Experimenten.Storage;
using Microsoft.Extensions.Localization;

namespace Experimenten.Text;

/// <summary>
/// One timeline line in the reader's words. Orchestrators write a key and its arguments (<see cref="Entry"/>);
/// the line is read from TimelineText in the reader's language, with the Dutch text kept beside it for lines
/// from before keys. Applicants never read who on the fund's side acted (<see cref="ApplicantTimeline"/>);
/// coordinators read every line.
/// </summary>
public static class TimelineLines
{
    public static string For(IStringLocalizer<TimelineText> text, TimelineEntry entry, string language, bool forApplicant)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        return forApplicant ? ApplicantTimeline.Text(text, entry, language) : Line(text, entry, language);
    }

    /// <summary>A keyed line with its Dutch text: what storage keeps, and what a reader without the key still gets.</summary>
    public static TimelineEntry Entry(DateTimeOffset at, string kind, string key, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var stored = args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToArray();
        return new TimelineEntry(at, kind, Render(Catalogue.For<TimelineText>(), key, stored, Domain.Languages.Dutch) ?? key) { Key = key, Args = stored };
    }

    /// <summary>A line's words in Dutch, the language the fund office works in (the actor beside a line).</summary>
    public static string Dutch(string key, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Render(Catalogue.For<TimelineText>(), key, [.. args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")], Domain.Languages.Dutch) ?? key;
    }

    /// <summary>The line as written, in <paramref name="language"/> when it has a key the resources know.</summary>
    public static string Line(IStringLocalizer<TimelineText> text, TimelineEntry entry, string language)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Key is { } key ? Render(text, key, entry.Args ?? [], language) ?? entry.Text : entry.Text;
    }

    static string? Render(IStringLocalizer<TimelineText> text, string key, IReadOnlyList<string> args, string language)
    {
        using var _ = TextCulture.Use(language);

        // Digits go back in as numbers, so a format such as {1:N0} groups them in the reader's way.
        var values = args.Select(a => long.TryParse(a, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            && n.ToString(CultureInfo.InvariantCulture) == a ? (object)n : a).ToArray();
        var line = text[key, values];
        return line.ResourceNotFound ? null : line.Value;
    }
}
