using Experimenten.Storage;
using Experimenten.Text;

namespace Experimenten.Tests.Workflow;

/// <summary>Timeline lines are keys and arguments, read in the reader's language; Dutch is kept for old rows.</summary>
public sealed class TimelineLinesTests
{
    static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly Microsoft.Extensions.Localization.IStringLocalizer<TimelineText> Text = Catalogue.For<TimelineText>();

    [Fact]
    public void A_keyed_line_keeps_its_dutch_text_and_reads_in_english_for_an_english_reader()
    {
        var entry = TimelineLines.Entry(At, "Approved", "Lifecycle.Approved", 2, 7500L);

        Assert.Equal("Goedgekeurd in ronde 2: € 7.500", entry.Text);
        Assert.Equal("Approved in round 2: € 7,500", TimelineLines.For(Text, entry, "en", forApplicant: false));
        Assert.Equal("Goedgekeurd in ronde 2: € 7.500", TimelineLines.For(Text, entry, "nl", forApplicant: false));
    }

    [Fact]
    public void An_old_row_without_a_key_is_read_as_written() =>
        Assert.Equal("Iets van vroeger", TimelineLines.For(Text, new TimelineEntry(At, "Review", "Iets van vroeger"), "en", forApplicant: false));

    [Fact]
    public void Words_that_look_like_numbers_stay_as_written() =>
        Assert.Equal("Stopgezet door het fondsbureau: 007", TimelineLines.Entry(At, "Cancelled", "Lifecycle.Cancelled", "007").Text);

    [Fact]
    public void Applicants_never_read_who_on_the_funds_side_acted()
    {
        var refused = TimelineLines.Entry(At, "Refused", "Report.VerdictRefused", 1);
        Assert.Equal("Een handeling paste niet bij de fase en is geweigerd.", TimelineLines.For(Text, refused, "nl", forApplicant: true));
        Assert.Equal("An action did not fit the stage and was refused.", TimelineLines.For(Text, refused, "en", forApplicant: true));

        var decided = TimelineLines.Entry(At, "Decision", "Review.Decided.Approve", 1) with { Actor = "Annelies Bakker" };
        Assert.Equal("Ronde 1: een beoordelaar koos \"goedkeuren\"", TimelineLines.For(Text, decided, "nl", forApplicant: true));
        Assert.DoesNotContain("Annelies", TimelineLines.For(Text, decided, "en", forApplicant: true), StringComparison.Ordinal);
    }

    [Fact]
    public void English_applicants_read_a_stage_line_as_the_stage() =>
        Assert.Equal("Approved", TimelineLines.For(Text, TimelineLines.Entry(At, "Approved", "Lifecycle.Approved", 1, 10L), "en", forApplicant: true));
}
