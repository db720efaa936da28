using Experimenten.Text;

namespace Experimenten.Domain;

/// <summary>Each stage in plain words for applicants: SharedText's <c>Stage.*</c>, for callers without a localizer.</summary>
public static class StageText
{
    public static string For(Stage stage, string language)
    {
        using var _ = TextCulture.Use(language);
        return Catalogue.For<SharedText>().Stage(stage);
    }
}
