using System.Globalization;
using System.Reflection;

namespace Experimenten.Domain;

/// <summary>
/// The languages the product speaks: Dutch (the neutral resources) and every culture that has a satellite
/// resource assembly next to the core, so adding <c>Text/*.tr.resx</c> adds Turkish with no code change.
/// </summary>
public static class Languages
{
    public const string Dutch = "nl";
    public const string English = "en";

    static readonly Lazy<IReadOnlyList<string>> Found = new(Discover);

    /// <summary>Dutch first, then the others in a stable order.</summary>
    public static IReadOnlyList<string> All => Found.Value;

    public static bool IsSupported(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);

    /// <summary>A supported language as given; anything else is Dutch.</summary>
    public static string Normalize(string? language) => IsSupported(language) ? language! : Dutch;

    /// <summary>The language's own name, for the language switch ("English", "Nederlands", "Türkçe").</summary>
    public static string NativeName(string language)
    {
        var name = CultureInfo.GetCultureInfo(language).NativeName;
        return name.Length == 0 ? language : char.ToUpper(name[0], CultureInfo.GetCultureInfo(language)) + name[1..];
    }

    static IReadOnlyList<string> Discover()
    {
        var core = typeof(Languages).Assembly;
        var folder = Path.GetDirectoryName(core.Location);
        var satellite = Path.GetFileNameWithoutExtension(core.Location) + ".resources.dll";
        var found = new List<string> { Dutch };
        if (folder is not null && Directory.Exists(folder))
        {
            found.AddRange(Directory.EnumerateDirectories(folder)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => name.Length is 2 or 3 && name != Dutch && File.Exists(Path.Combine(folder, name, satellite)) && IsCulture(name))
                .Order(StringComparer.Ordinal));
        }

        // The core always ships English; a host that loads it from elsewhere (a single-file bundle) still has it.
        if (!found.Contains(English) && HasSatellite(core, English))
        {
            found.Add(English);
        }

        return found;
    }

    static bool IsCulture(string name)
    {
        try
        {
            return !CultureInfo.GetCultureInfo(name).EnglishName.StartsWith("Unknown", StringComparison.Ordinal);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    static bool HasSatellite(Assembly core, string language)
    {
        try
        {
            core.GetSatelliteAssembly(CultureInfo.GetCultureInfo(language));
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}
