using Experimenten.Submission;

namespace Experimenten.Tests.Unit;

public sealed class AmountsTests
{
    /// <summary>What a resident may type, and the whole euros it means; null where it must be refused, with why.</summary>
    public static TheoryData<string, long?, AmountProblem> Inputs => new()
    {
        { "4500", 4500, AmountProblem.None },
        { "4.500", 4500, AmountProblem.None },
        { "4,500", 4500, AmountProblem.None },
        { "€ 4.500", 4500, AmountProblem.None },
        { "€4500", 4500, AmountProblem.None },
        { "€ 4.500,-", 4500, AmountProblem.None },
        { "4.500,--", 4500, AmountProblem.None },
        { "4.500,00", 4500, AmountProblem.None },
        { "4500,00", 4500, AmountProblem.None },
        { "4,500.00", 4500, AmountProblem.None },
        { "EUR 4500", 4500, AmountProblem.None },
        { "eur 4.500", 4500, AmountProblem.None },
        { "4500 euro", 4500, AmountProblem.None },
        { "4 500", 4500, AmountProblem.None },
        { "  €  4 500  ", 4500, AmountProblem.None },
        { "4\u00A0500", 4500, AmountProblem.None },
        { "1.234.567", 1_234_567, AmountProblem.None },
        { "1,234,567.00", 1_234_567, AmountProblem.None },
        { "7", 7, AmountProblem.None },
        { "100000000", Amounts.MaxEuros, AmountProblem.None },
        { "4500.50", null, AmountProblem.Cents },
        { "4.500,50", null, AmountProblem.Cents },
        { "4,50", null, AmountProblem.Cents },
        { "4,500.01", null, AmountProblem.Cents },
        { "0,50", null, AmountProblem.Cents },
        { "4.50.0", null, AmountProblem.Unreadable },
        { "1,2,3", null, AmountProblem.Unreadable },
        { "4.5", null, AmountProblem.Unreadable },
        { "4500,0", null, AmountProblem.Unreadable },
        { "4.500.00", null, AmountProblem.Unreadable },
        { "4,500,00", null, AmountProblem.Unreadable },
        { "4.500,000", null, AmountProblem.Unreadable },
        { "45.00.000", null, AmountProblem.Unreadable },
        { "4.500 ,00", null, AmountProblem.Unreadable },
        { "1.234,567", null, AmountProblem.Unreadable },
        { "0.500", null, AmountProblem.Unreadable },
        { "1e5", null, AmountProblem.Unreadable },
        { "4.5E3", null, AmountProblem.Unreadable },
        { "+4500", null, AmountProblem.Unreadable },
        { "0x1194", null, AmountProblem.Unreadable },
        { "zeven", null, AmountProblem.Unreadable },
        { "€", null, AmountProblem.Unreadable },
        { "", null, AmountProblem.Unreadable },
        { "\u0664\u0665\u0660\u0660", null, AmountProblem.Unreadable },
        { "€ 4500 €", null, AmountProblem.Unreadable },
        { "-4500", null, AmountProblem.NotPositive },
        { "€ -4.500", null, AmountProblem.NotPositive },
        { "0", null, AmountProblem.NotPositive },
        { "0,00", null, AmountProblem.NotPositive },
        { "100000001", null, AmountProblem.TooHigh },
        { "99999999999999999999", null, AmountProblem.TooHigh },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Amounts_are_read_in_Dutch_and_English_notation_and_never_changed_to_fit(string input, long? expected, AmountProblem problem)
    {
        var accepted = Amounts.TryParseWholeEuros(input, out var euros, out var why);

        Assert.Equal(expected is not null, accepted);
        Assert.Equal(expected ?? 0, euros);
        Assert.Equal(problem, why);
    }
}
