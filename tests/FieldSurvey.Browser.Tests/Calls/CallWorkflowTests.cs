using FieldSurvey.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Calls;

/// <summary>The call list as an interviewer works it, and the PI's dashboard moving with it.</summary>
public sealed class CallWorkflowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    async Task<string> RR1Async()
    {
        var pi = await fixture.SignedInPageAsync(AppFactory.PI);
        await pi.GotoAsync("/Reports/Progress");
        var rate = await pi.InnerTextAsync("[data-testid=rate-RR1-all]");
        await pi.Context.CloseAsync();
        return rate.Trim();
    }

    static async Task LogAsync(IPage page, int firmId, string outcome, string? callbackBeijing = null)
    {
        await page.GotoAsync("/Calls");
        await page.ClickAsync($"[data-testid=log-{firmId}]");
        await page.WaitForURLAsync($"**/Calls/Log?firmId={firmId}");
        await page.SelectOptionAsync("#Input_Outcome", outcome);
        if (callbackBeijing is not null)
        {
            await page.FillAsync("#Input_CallbackAt", callbackBeijing);
            await page.CheckAsync("#zone-beijing");
        }
        await page.ClickAsync("[data-testid=log-form] button[type=submit]");
    }

    [Fact]
    public async Task An_interviewer_logs_a_no_answer_a_callback_and_a_complete_and_the_PIs_response_rate_rises()
    {
        var firmId = fixture.App.With(db => db.Firms.Single(f => f.NameEn == "Yichuang Bioengineering Co.").Id);
        var before = await RR1Async();
        // Demo frame: I=2 of 11 eligible-or-unknown firms (one 4.30 left out): RR1 = 2/11.
        Assert.Equal("18.2%", before);

        var page = await fixture.SignedInPageAsync(AppFactory.Interviewer);
        await BrowserFixture.Step(page, "calls-list", async () =>
        {
            await page.GotoAsync("/Calls");
            var row = page.Locator($"[data-testid=call-list] tr[data-firm-id='{firmId}']");
            await Assertions.Expect(row.Locator("[data-testid=reason]")).ToHaveTextAsync("Not called yet");
        });
        await BrowserFixture.Step(page, "calls-no-answer", async () =>
        {
            await LogAsync(page, firmId, "3.13");
            await page.WaitForURLAsync("**/Calls");
            await Assertions.Expect(page.Locator("[data-testid=status-message]")).ToContainTextAsync("亦创生物工程有限公司");
            await Assertions.Expect(page.Locator($"tr[data-firm-id='{firmId}'] [data-testid=reason]")).ToHaveTextAsync("Retry later");
        });
        var tomorrow = TimeZoneInfo.ConvertTime(fixture.App.Clock.GetUtcNow(), Beijing).Date.AddDays(1).AddHours(10);
        await BrowserFixture.Step(page, "calls-callback", async () =>
        {
            await LogAsync(page, firmId, "2.21", tomorrow.ToString("yyyy-MM-dd'T'HH:mm"));
            await page.WaitForURLAsync("**/Calls");
            var row = page.Locator($"tr[data-firm-id='{firmId}']");
            await Assertions.Expect(row.Locator("[data-testid=reason]")).ToHaveTextAsync("Callback booked");
            await Assertions.Expect(row).ToContainTextAsync(tomorrow.ToString("yyyy-MM-dd 10:00"));
        });
        await BrowserFixture.Step(page, "calls-complete", async () =>
        {
            await LogAsync(page, firmId, "1.1");
            await page.WaitForURLAsync(url => url.Contains("/Interviews/Start"));
            Assert.EndsWith($"/Interviews/Start?firmId={firmId}", page.Url);
        });
        var stored = fixture.App.With(db => db.CallAttempts.Where(a => a.FirmId == firmId).OrderBy(a => a.Id).Select(a => new { a.Disposition, a.CallbackAtUtc }).ToList());
        Assert.Equal(["3.13", "2.21", "1.1"], stored.Select(a => a.Disposition));
        Assert.Equal(new DateTimeOffset(tomorrow.AddHours(-8), TimeSpan.Zero), stored[1].CallbackAtUtc);

        // One more complete: RR1 = 3/11.
        Assert.Equal("27.3%", await RR1Async());
    }
}
