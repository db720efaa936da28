namespace Experimenten.Domain;

public static class Languages
{
    public const string Dutch = "nl";
    public const string English = "en";

    public static bool IsSupported(string? language) => language is Dutch or English;

    public static string Normalize(string? language) => language == English ? English : Dutch;
}
