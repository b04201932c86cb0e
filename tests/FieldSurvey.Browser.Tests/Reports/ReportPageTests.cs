using FieldSurvey.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Reports;

public sealed class ReportPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_PI_opens_the_report_and_a_matrix_cells_evidence_link_shows_its_quotes()
    {
        var page = await fixture.SignedInPageAsync(AppFactory.PI);
        await BrowserFixture.Step(page, "report-open", async () =>
        {
            await page.GotoAsync("/Reports");
            await Assertions.Expect(page.Locator("[data-testid=matrix-total]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=rule-text]")).ToContainTextAsync("0.30");
            await Assertions.Expect(page.Locator("[data-testid=network-chart]")).ToBeVisibleAsync();
            Directory.CreateDirectory(BrowserFixture.ArtifactFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "report-page.png"), FullPage = true });
        });
        await BrowserFixture.Step(page, "report-evidence", async () =>
        {
            await page.ClickAsync("[data-testid=cell-labour-YZ-DX]");
            await page.WaitForURLAsync(url => url.Contains("/Reports/Evidence"));
            await Assertions.Expect(page.Locator("[data-testid=evidence]")).ToContainTextAsync("我们有几位生产主管是从大兴的天坛生物跳槽过来的");
            await Assertions.Expect(page.Locator("[data-testid=evidence]")).ToContainTextAsync("Demo Coder 1");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "report-evidence.png"), FullPage = true });
        });
    }
}
