using System.ComponentModel.DataAnnotations;

namespace Experimenten.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required, EmailAddress]
    public string From { get; set; } = "noreply@example.org";

    [Required]
    public string FromName { get; set; } = "Experimenten";

    [Required, EmailAddress]
    public string CoordinatorAddress { get; set; } = "coordinator@example.org";
}

public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    /// <summary>When empty, email goes to the local outbox instead (self-host, development).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Overrides the API address: tests point it at a fake SendGrid server.</summary>
    public string? Host { get; set; }

    /// <summary><c>eu</c> keeps applicants' data in the EU; <c>global</c> otherwise.</summary>
    public string DataResidency { get; set; } = "global";

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}
