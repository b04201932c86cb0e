using FieldSurvey.Core.Calls;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Home;

/// <summary>
/// The three home pages (PI, interviewer, coder) on the demo study, in English and in Chinese (a zh-CN
/// browser). Each visit always keeps a full-page screenshot, home-&lt;role&gt;-&lt;lang&gt;.png, so a person can
/// look at the layout in both languages.
/// </summary>
public sealed class HomePagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Languages => new() { "en", "zh" };

    async Task<IPage> HomeAsync(string email, string role, string lang, params string[] testIds)
    {
        var page = await fixture.SignedInPageAsync(email, locale: lang == "zh" ? "zh-CN" : "en-GB");
        await BrowserFixture.Step(page, $"home-{role}-{lang}-failed", async () =>
        {
            await page.GotoAsync("/");
            foreach (var id in testIds) await Assertions.Expect(page.Locator($"[data-testid={id}]").First).ToBeVisibleAsync();
        });
        Directory.CreateDirectory(BrowserFixture.ArtifactFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, $"home-{role}-{lang}.png"), FullPage = true });
        return page;
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task The_PI_home_shows_the_response_rate_and_the_suggested_classification(string lang)
    {
        var page = await HomeAsync(AppFactory.PI, "pi", lang, "home-pi", "home-rates", "home-interviews", "home-coding",
            "home-agreement", "home-classification", "home-needs-pi");
        // The demo frame: 2 completes of 11 eligible-or-unknown firms (the progress page's RR1).
        await Assertions.Expect(page.Locator("[data-testid=home-rr1-all]")).ToHaveTextAsync("18.2%");
        await Assertions.Expect(page.Locator("[data-testid=home-suggested-all]")).ToHaveTextAsync(lang == "zh" ? "证据不足" : "Insufficient evidence");
        await Assertions.Expect(page.Locator("[data-testid=todo-review]")).ToHaveTextAsync(lang == "zh" ? "待审核访谈 1 次" : "1 interview to review");
        await Assertions.Expect(page.Locator("[data-testid=home-pi] h2")).ToHaveTextAsync(lang == "zh" ? "研究进展" : "Where the study stands");
        await page.ClickAsync("[data-testid=home-reasons]");
        await page.WaitForURLAsync("**/Reports#classification");
        await Assertions.Expect(page.Locator("[data-testid=suggested-all]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task The_interviewer_home_shows_a_callback_due_today_and_the_next_firms(string lang)
    {
        // A callback later today (Beijing, the demo interviewer's zone) on a firm of their list, dated by the app's clock.
        var now = fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var endOfDay = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTime(now, beijing).Date.AddDays(1), beijing), TimeSpan.Zero);
        var firmId = fixture.App.With(db =>
        {
            var firm = db.Firms.Single(f => f.NameEn == "Daxing Tiantan Biologicals Co.");
            if (!db.CallAttempts.Any(a => a.FirmId == firm.Id && a.CallbackAtUtc != null && a.Note == "home test"))
            {
                db.CallAttempts.Add(new CallAttempt
                {
                    FirmId = firm.Id, InterviewerId = firm.AssignedInterviewerId!, AtUtc = now.AddMinutes(-5), Disposition = "2.21",
                    CallbackAtUtc = now + (endOfDay - now) / 2, Note = "home test",
                });
                db.SaveChanges();
            }
            return firm.Id;
        });
        var page = await HomeAsync(AppFactory.Interviewer, "interviewer", lang, "home-interviewer", "home-callbacks", "home-next-calls", "home-call-list");
        await Assertions.Expect(page.Locator($"[data-testid=home-callbacks] tr[data-firm-id='{firmId}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=home-interviewer] h2")).ToHaveTextAsync(lang == "zh" ? "访谈" : "Interviewing");
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task The_coder_home_shows_the_queue_with_progress_and_the_codebook(string lang)
    {
        var page = await HomeAsync(AppFactory.Coder1, "coder", lang, "home-coder", "home-coder-progress", "home-queue", "home-codebook");
        // Demo coder 1: two transcripts, the first finished.
        await Assertions.Expect(page.Locator("[data-testid=home-coder-progress]")).ToContainTextAsync(lang == "zh" ? "已完成 1 / 2 份转录稿" : "1 of 2 transcripts complete");
        await Assertions.Expect(page.Locator("[data-testid=home-queue] tbody tr")).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }
}
