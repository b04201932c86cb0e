using FieldSurvey.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Home;

/// <summary>
/// What a newcomer sees after `dotnet run`: the living demo's PI home with a real suggested classification and
/// the interviewer's call list with callbacks due, in English and Chinese; screenshots are always kept.
/// </summary>
public sealed class LivingDemoHomeTests(LivingDemoBrowserFixture fixture) : IClassFixture<LivingDemoBrowserFixture>
{
    public static TheoryData<string> Languages => new() { "en", "zh" };

    static string? Locale(string lang) => lang == "zh" ? "zh-CN" : null;

    [Theory, MemberData(nameof(Languages))]
    public async Task The_PI_home_of_the_living_demo_shows_the_response_rate_and_a_collaborating_configuration(string lang)
    {
        var page = await fixture.SignedInPageAsync(AppFactory.PI, Locale(lang));
        await BrowserFixture.Step(page, $"living-home-pi-{lang}-failed", async () =>
        {
            await page.GotoAsync("/");
            await Assertions.Expect(page.Locator("[data-testid=home-rr1-all]")).ToContainTextAsync("%");
            // The paper's finding, reached from the demo's own evidence by the default rule.
            await Assertions.Expect(page.Locator("[data-testid=home-suggested-all]")).ToHaveTextAsync(lang == "zh" ? "协作型" : "Collaborating");
        });
        Directory.CreateDirectory(BrowserFixture.ArtifactFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, $"living-home-pi-{lang}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task The_interviewers_call_list_of_the_living_demo_starts_with_callbacks_due(string lang)
    {
        var page = await fixture.SignedInPageAsync(AppFactory.Interviewer, Locale(lang));
        await BrowserFixture.Step(page, $"living-calls-{lang}-failed", async () =>
        {
            await page.GotoAsync("/Calls");
            await Assertions.Expect(page.Locator("[data-testid=reason]").First).ToHaveTextAsync(lang == "zh" ? "回拨已到时间" : "Callback due");
        });
        Directory.CreateDirectory(BrowserFixture.ArtifactFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, $"living-calls-{lang}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
