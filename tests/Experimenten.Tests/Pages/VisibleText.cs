using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Experimenten.Tests.Pages;

/// <summary>
/// The texts of a page that people read: every text node outside scripts and styles (the title too), and the
/// attributes a browser or screen reader says aloud. <see cref="Leaks"/> keeps those that still hold a word after
/// the pseudo-translated parts, the given data, links, dates and numbers are taken out.
/// </summary>
public static partial class VisibleText
{
    static readonly string[] ReadAttributes = ["title", "aria-label", "placeholder", "alt"];

    public static IEnumerable<string> Of(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var node in document.Descendants<IText>())
        {
            if (node.ParentElement?.Closest("script, style, template") is null && node.Data.Trim().Length > 0)
            {
                yield return node.Data.Trim();
            }
        }

        foreach (var element in document.All)
        {
            foreach (var name in ReadAttributes)
            {
                if (element.GetAttribute(name) is { Length: > 0 } value)
                {
                    yield return $"[{name}] {value}";
                }
            }

            if (element is AngleSharp.Html.Dom.IHtmlInputElement { Type: "submit" or "button" or "reset" } input && input.Value.Length > 0)
            {
                yield return $"[value] {input.Value}";
            }
        }
    }

    /// <summary>The texts with a word left that did not come from the catalogue.</summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<string> texts, IReadOnlyCollection<string> data) =>
        [.. texts.Where(t => HasWord(Rest(t, data))).Distinct()];

    /// <summary>What is left of a text without its pseudo-translated parts (nested too), the data, links, dates and numbers.</summary>
    public static string Rest(string text, IReadOnlyCollection<string> data)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(data);
        var rest = AttributeName().Replace(text, "");
        string before;
        do
        {
            before = rest;
            rest = Wrapped().Replace(rest, " ");
        }
        while (rest != before);

        // Links first: a short given value (a language code, a call id) can sit inside a token and cut it apart.
        rest = Link().Replace(rest, " ");
        foreach (var value in data.Where(d => d.Length > 0).OrderByDescending(d => d.Length))
        {
            rest = rest.Replace(value, " ", StringComparison.Ordinal);
        }

        rest = IsoMoment().Replace(rest, " ");
        return Number().Replace(rest, " ");
    }

    static bool HasWord(string rest) => rest.Any(char.IsLetter);

    [GeneratedRegex(@"^\[[a-z-]+\] ")]
    private static partial Regex AttributeName();

    [GeneratedRegex("⟦[^⟦⟧]*⟧")]
    private static partial Regex Wrapped();

    [GeneratedRegex(@"(https?://|mailto:)[^\s""<>]+|(?<!\S)/\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?Z?)?")]
    private static partial Regex IsoMoment();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
