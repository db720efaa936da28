using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Experimenten.BrowserTests.Infrastructure;

/// <summary>axe-core inside the page (shipped with Deque.AxeCore.Playwright): every rule, WCAG 2.1 AA and best practice.</summary>
public static class Accessibility
{
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        Assert.True(result.Passes.Length > 10, $"axe-core did not really run on {what}: only {result.Passes.Length} rules passed");
        var found = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Html)));
        Assert.True(result.Violations.Length == 0, $"axe-core found {result.Violations.Length} violation(s) on {what}:\n" + string.Join("\n", found));
    }
}
