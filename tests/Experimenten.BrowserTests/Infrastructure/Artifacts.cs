using Microsoft.Playwright;

namespace Experimenten.BrowserTests.Infrastructure;

/// <summary>Screenshots of each page, kept under artifacts/screenshots/ (git-ignored) for a person to look at.</summary>
public static class Artifacts
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(Repo.Root, "artifacts", "screenshots")).FullName;

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
}
