using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Experimenten.Tests.Pages;

/// <summary>
/// Every resource string comes back as <c>⟦…⟧</c>, formatted first so placeholders keep working: a text a
/// person reads that is not wrapped did not come from the catalogue. Only the <c>Culture</c> key (a culture
/// name, "nl-NL", that formats numbers and dates; no one reads it) is passed as it is.
/// </summary>
public sealed class PseudoLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public const string Open = "⟦";
    public const string Close = "⟧";

    public IStringLocalizer Create(Type resourceSource) => new Pseudo(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new Pseudo(inner.Create(baseName, location));

    sealed class Pseudo(IStringLocalizer inner) : IStringLocalizer
    {
        static readonly HashSet<string> MachineValues = ["Culture"];

        public LocalizedString this[string name] => Wrap(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Wrap(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Wrap);

        static LocalizedString Wrap(LocalizedString text) =>
            text.ResourceNotFound || MachineValues.Contains(text.Name)
                ? text
                : new LocalizedString(text.Name, string.Create(CultureInfo.InvariantCulture, $"{Open}{text.Value}{Close}"), false, text.SearchedLocation);
    }
}
