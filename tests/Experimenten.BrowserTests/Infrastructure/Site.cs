using Microsoft.Playwright;

namespace Experimenten.BrowserTests.Infrastructure;

/// <summary>
/// One Azurite, one self-host process and one headless Chromium for the whole browser suite: starting them
/// is the slow part, and every test gets its own browser context (cookies, viewport, JavaScript on or off).
/// </summary>
public sealed class Site : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string CoordinatorUser = "coord";
    public const string CoordinatorPassword = "browser-test-password";

    /// <summary>The hash of <see cref="CoordinatorPassword"/>, as printed by the self-host's <c>hash-password</c>: settings never hold the password.</summary>
    const string CoordinatorPasswordHash = "AQAAAAIAAYagAAAAENzuGZbGDYzTYxpAcj6AjM6JrSewTW9oMPvm0p1yfrKzzpiiFVobjtjc6KWk6jGY1g==";

    readonly Azurite azurite = new();
    IPlaywright? playwright;

    public SelfHostProcess Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Fail loudly: a skipped browser suite would look green while testing nothing.
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing. Run `sudo bash .ci/browser-deps.sh` (installs Debian's chromium) and run the tests again.");
        }

        await azurite.InitializeAsync();

        // SelfHostProcess raises the rate limits (TestRateLimits): the whole suite posts from 127.0.0.1 with the same addresses.
        Host = new SelfHostProcess(azurite, new Dictionary<string, string>
        {
            ["Coordinator__Credentials__0__User"] = CoordinatorUser,
            ["Coordinator__Credentials__0__PasswordHash"] = CoordinatorPasswordHash,
        });
        var started = Host.StartAsync();

        // Expect(...) retries until this; the default 5 s is short for a page that waits on Azurite under load.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await started;
    }

    /// <summary>A fresh browser profile at the given width; JavaScript on unless asked otherwise.</summary>
    public async Task<IPage> NewPageAsync(Viewport? viewport = null, bool javaScript = true, string locale = "nl-NL", bool coordinator = false)
    {
        var size = viewport ?? Viewport.Desktop;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseUrl,
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            IsMobile = size.Mobile,
            HasTouch = size.Mobile,
            JavaScriptEnabled = javaScript,
            Locale = locale,
            TimezoneId = "Europe/Amsterdam",
        });
        // Generous: CI's two cores also run the self-host, its Azurite and Chromium; a slow step is not a failure.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(45_000);
        var page = await context.NewPageAsync();
        if (coordinator)
        {
            await SignInAsync(page);
        }

        return page;
    }

    /// <summary>Signs in on the sign-in page, as a coordinator does; the session cookie stays in the page's context.</summary>
    public async Task SignInAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/coordinator/sign-in");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("Gebruikersnaam|User name")).FillAsync(CoordinatorUser);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^(Wachtwoord|Password)$")).FillAsync(CoordinatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ClickAsync();
        await WaitForUrlAsync(page, new System.Text.RegularExpressions.Regex("/coordinator(\\?[^/]*)?$"));
    }

    /// <summary>Waits for a navigation; when it never comes, the failure shows where the browser is, what it shows and what the host logged.</summary>
    public async Task WaitForUrlAsync(IPage page, System.Text.RegularExpressions.Regex url)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.WaitForURLAsync(url);
        }
        catch (TimeoutException e)
        {
            var shown = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"never reached {url}; the browser is at {page.Url} showing:\n{shown}\n--- self-host ---\n{Host.Output}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}

public sealed record Viewport(string Name, int Width, int Height, bool Mobile)
{
    public static readonly Viewport Phone = new("phone", 375, 740, true);
    public static readonly Viewport Desktop = new("desktop", 1280, 900, false);
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<Site>
{
    public const string Name = "site";
}
