using System.ComponentModel.DataAnnotations;

namespace Experimenten.Domain;

public sealed class FundOptions
{
    public const string Section = "Fund";

    /// <summary>Deadlines are shown and judged in the fund's time zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Amsterdam";
}
