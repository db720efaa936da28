using System.Globalization;
using System.Text.RegularExpressions;

namespace Experimenten.Submission;

/// <summary>Why an amount was not read: each gets its own plain message.</summary>
public enum AmountProblem
{
    None,

    /// <summary>Not an amount we can read without guessing (letters, "4.50.0", "1,2,3", "4.5", an exponent).</summary>
    Unreadable,

    /// <summary>Cents that are not zero ("4500.50", "4,50"): the fund gives whole euros only.</summary>
    Cents,

    /// <summary>Zero or negative.</summary>
    NotPositive,

    /// <summary>Above <see cref="Amounts.MaxEuros"/>: a typo, not a request.</summary>
    TooHigh,
}

/// <summary>
/// Reads an amount in whole euros as residents write it, in Dutch or English notation ("4500", "4.500",
/// "4,500", "€ 4.500,-", "4.500,00", "4,500.00", "EUR 4500"). It never guesses: an amount that could
/// mean two sums, or has cents, is refused so the resident can say what they meant.
/// </summary>
public static partial class Amounts
{
    /// <summary>Far above any call's cap (calls screen their own cap); anything higher is a typo.</summary>
    public const long MaxEuros = 100_000_000;

    // Thousands groups of three with one separator throughout ('.', ',' or a space), or bare digits;
    // then optionally a decimal separator with exactly two digits or a Dutch dash ("4.500,-").
    // One or three digits after the last separator is never taken as cents, so "4.5" is refused.
    [GeneratedRegex(@"^(?<whole>[0-9]{1,3}(?<sep>[., ])[0-9]{3}(?:\k<sep>[0-9]{3})*|[0-9]+)(?:(?<dec>[.,])(?<cents>[0-9]{2}|--?))?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Shape();

    static readonly string[] Currencies = ["€", "EUR", "euros", "euro"];

    public static bool TryParseWholeEuros(string? text, out long euros) => TryParseWholeEuros(text, out euros, out _);

    public static bool TryParseWholeEuros(string? text, out long euros, out AmountProblem problem)
    {
        euros = 0;
        problem = AmountProblem.Unreadable;
        var value = Normalise(text);
        if (value.Length == 0)
        {
            return false;
        }

        // A minus sign anywhere is a negative amount, never a dash to strip (the Dutch ",-" is handled by Shape).
        if (value[0] is '-' or '\u2212')
        {
            problem = Shape().IsMatch(value[1..].TrimStart()) ? AmountProblem.NotPositive : AmountProblem.Unreadable;
            return false;
        }

        var match = Shape().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var sep = match.Groups["sep"];
        var dec = match.Groups["dec"];
        var whole = match.Groups["whole"].Value;

        // "4.500.00" uses one mark for both thousands and cents: which was meant cannot be known.
        if (sep.Success && dec.Success && sep.Value == dec.Value)
        {
            return false;
        }

        // "4 500,00" is fine, "4500 ,00" or "0.500" is not how anyone writes an amount.
        if (sep.Success && whole[0] == '0')
        {
            return false;
        }

        var cents = match.Groups["cents"].Value;
        if (cents.Length > 0 && cents[0] != '-' && cents != "00")
        {
            problem = AmountProblem.Cents;
            return false;
        }

        var digits = sep.Success ? whole.Replace(sep.Value, "", StringComparison.Ordinal) : whole;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > MaxEuros)
        {
            problem = AmountProblem.TooHigh;
            return false;
        }

        if (parsed <= 0)
        {
            problem = AmountProblem.NotPositive;
            return false;
        }

        euros = parsed;
        problem = AmountProblem.None;
        return true;
    }

    /// <summary>One currency mark before or after the number, every kind of space as a plain one.</summary>
    static string Normalise(string? text)
    {
        var value = new string([.. (text ?? "").Select(c => char.IsWhiteSpace(c) ? ' ' : c)]).Trim();
        while (value.Contains("  ", StringComparison.Ordinal))
        {
            value = value.Replace("  ", " ", StringComparison.Ordinal);
        }

        foreach (var currency in Currencies)
        {
            if (value.StartsWith(currency, StringComparison.OrdinalIgnoreCase))
            {
                return value[currency.Length..].Trim();
            }

            if (value.EndsWith(currency, StringComparison.OrdinalIgnoreCase))
            {
                return value[..^currency.Length].Trim();
            }
        }

        return value;
    }
}
