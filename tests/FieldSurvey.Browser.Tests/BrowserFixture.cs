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

    // One default for every class: Assertions' default is global, and classes that each set their own ran side by
    // side and overwrote each other's (a 30-second allowance could silently become 15). The full suite runs test
    // assemblies side by side on two cores, so a slow server is normal there.
    static BrowserFixture() => Assertions.SetDefaultExpectTimeout(30_000);

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
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    // The recording player starts on a click; this spares tests a second gesture where a page starts it itself.
                    "--autoplay-policy=no-user-gesture-required"],
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
        // Twice at most: on a machine loaded by several test runs the sign-in form has once come back unanswered
        // (twice in ~70 browser sign-ins, never with one run). The second failure throws with what the page said.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/Account/Login");
            await page.FillAsync("#Input_Email", email);
            await page.FillAsync("#Input_Password", AppFactory.Password);
            await page.ClickAsync("[data-testid=login-form] button[type=submit]");
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/Account/Login"), new() { Timeout = 45_000 });
                return page;
            }
            catch (TimeoutException) when (attempt < 2)
            {
                Console.WriteLine($"Sign-in as {email} did not leave the login page; the page said: {await page.InnerTextAsync("main")}");
            }
        }
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
