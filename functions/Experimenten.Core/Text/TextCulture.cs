using System.Globalization;
using Experimenten.Domain;

namespace Experimenten.Text;

/// <summary>
/// The language text is looked up in. <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/> reads the
/// current UI culture, which flows with the async call; <see cref="Use"/> sets it for one page, email or
/// problem and puts the previous one back, so nothing leaks into the next request on the same thread.
/// </summary>
public static class TextCulture
{
    public static IDisposable Use(string? language)
    {
        var previous = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var culture = CultureInfo.GetCultureInfo(Languages.Normalize(language));
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        return new Restore(previous.CurrentUICulture, previous.CurrentCulture);
    }

    /// <summary>The language text is looked up in now.</summary>
    public static string Current => Languages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    sealed class Restore(CultureInfo ui, CultureInfo culture) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = culture;
        }
    }
}
