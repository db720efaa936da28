namespace Experimenten.Pages;

/// <summary>
/// What every component on a page may need from the request, cascaded from <see cref="PageRenderer"/>: the
/// reader's language, the fund's time zone (for scripts) and the form's CSRF token.
/// </summary>
public sealed record PageContext(string Language, string TimeZone, DateTimeOffset Now)
{
    public string? CsrfToken { get; init; }
}
