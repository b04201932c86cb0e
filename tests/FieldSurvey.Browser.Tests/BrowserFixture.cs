using FieldSurvey.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port with Debian's Chromium driven by Playwright (never a downloaded browser).
/// Each test gets a fresh browser context; <see cref="Step"/> keeps a screenshot when a step fails.
/// <paramref name="demo"/> false starts from a fresh install with no accounts (see <see cref="FreshBrowserFixture"/>).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    // xUnit builds class fixtures through a parameterless constructor.
    public BrowserFixture() : this(demo: true) { }

    protected BrowserFixture(bool demo) => App = new AppFactory(demo);

    protected BrowserFixture(AppFactory app) => App = app;

    public AppFactory App { get; }
    public string BaseUrl { get; private set; } = "";
    IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public static readonly string ArtifactFolder = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = locale ?? "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // The page's clock is the server's fake clock, so nothing in the browser sees the day the suite runs.
        await context.Clock.SetFixedTimeAsync(App.Clock.GetUtcNow().UtcDateTime);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync(string email, string? locale = null)
    {
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", AppFactory.Password);
        await page.ClickAsync("[data-testid=login-form] button[type=submit]");
        // Sign-in hashes the password (and, since issue 17, also for unknown addresses): on a loaded two-core
        // machine the redirect has taken over the default 30 s.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"), new() { Timeout = 90_000 });
        return page;
    }

    /// <summary>Runs one step of a scenario; on failure saves a full-page screenshot named after it, then rethrows.</summary>
    public static async Task Step(IPage page, string name, Func<Task> step)
    {
        try { await step(); }
        catch
        {
            Directory.CreateDirectory(ArtifactFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactFolder, $"{name}.png"), FullPage = true });
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>A fresh install: the default study only, no accounts and no demo data.</summary>
public sealed class FreshBrowserFixture() : BrowserFixture(demo: false);

/// <summary>The living demo of seed/demo (what `dotnet run` loads), dated from the fake clock's instant.</summary>
public sealed class LivingDemoBrowserFixture() : BrowserFixture(new AppFactory(livingDemo: true));
