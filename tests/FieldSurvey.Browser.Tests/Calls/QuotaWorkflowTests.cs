using FieldSurvey.Core.Firms;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Calls;

/// <summary>
/// Issue 24's Done-when, through the UI: the PI sets a quota that a park then meets, its fresh firms leave the call
/// list (a booked callback stays), and the productivity page shows the interviewer's completes.
/// The small demo's ZLS Park has one complete (Baiotai, 1.1 on 17 Nov); on the interviewer's list it has Zhongke Qiming
/// (not called yet) and Huaqing (callback booked for 27 Nov). The test adds one more fresh ZLS firm, sets the ZLS
/// target to 2, and the interviewer's 1.1 on Zhongke Qiming fills it.
/// </summary>
public sealed class QuotaWorkflowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Fresh = "配额浏览器测试生物有限公司";

    [Fact]
    public async Task The_PI_sets_a_quota_a_park_meets_its_fresh_firms_leave_the_call_list_and_productivity_shows_the_complete()
    {
        var (qiming, huaqing, fresh, name) = await fixture.App.WithAsync(async db =>
        {
            var zls = db.Parks.Single(p => p.Code == "ZLS").Id;
            var interviewer = db.Users.Single(u => u.Email == AppFactory.Interviewer);
            var firm = new Firm { NameZh = Fresh, ParkId = zls, AssignedInterviewerId = interviewer.Id };
            db.Firms.Add(firm);
            await db.SaveChangesAsync();
            return (db.Firms.Single(f => f.NameEn == "Zhongke Qiming Pharma Research Institute").Id,
                db.Firms.Single(f => f.NameEn == "Huaqing Diagnostics Ltd.").Id, firm.Id, interviewer.DisplayName);
        });

        var pi = await fixture.SignedInPageAsync(AppFactory.PI);
        var zlsRow = pi.Locator("[data-testid='quota-ZLS']");
        await BrowserFixture.Step(pi, "quota-set", async () =>
        {
            await pi.GotoAsync("/Admin/Quotas");
            await pi.SelectOptionAsync("#Input_ParkId", new SelectOptionValue { Label = "ZLS" });
            await pi.FillAsync("#Input_Target", "2");
            await pi.ClickAsync("[data-testid=quota-form] button[type=submit]");
            await Assertions.Expect(zlsRow.Locator("[data-testid=completes]")).ToHaveTextAsync("1");
            await Assertions.Expect(zlsRow.Locator("[data-testid=full]")).ToHaveCountAsync(0);
        });

        var page = await fixture.SignedInPageAsync(AppFactory.Interviewer);
        var list = page.Locator("[data-testid=call-list]");
        await BrowserFixture.Step(page, "quota-list-before", async () =>
        {
            await page.GotoAsync("/Calls");
            await Assertions.Expect(list.Locator($"tr[data-firm-id='{fresh}'] [data-testid=reason]")).ToHaveTextAsync("Not called yet");
            await Assertions.Expect(list.Locator($"tr[data-firm-id='{qiming}']")).ToHaveCountAsync(1);
            await Assertions.Expect(list.Locator($"tr[data-firm-id='{huaqing}'] [data-testid=reason]")).ToContainTextAsync("Callback booked");
        });
        await BrowserFixture.Step(page, "quota-complete", async () =>
        {
            await page.ClickAsync($"[data-testid=log-{qiming}]");
            await page.WaitForURLAsync($"**/Calls/Log?firmId={qiming}");
            await page.SelectOptionAsync("#Input_Outcome", "1.1");
            await page.ClickAsync("[data-testid=log-form] button[type=submit]");
            await page.WaitForURLAsync(url => url.Contains("/Interviews/Start"));
        });
        await BrowserFixture.Step(page, "quota-list-after", async () =>
        {
            await page.GotoAsync("/Calls");
            var callback = list.Locator($"tr[data-firm-id='{huaqing}']");
            await Assertions.Expect(callback.Locator("[data-testid=quota-full]")).ToContainTextAsync("ZLS (2 of 2)");
            await Assertions.Expect(list.Locator($"tr[data-firm-id='{fresh}']")).ToHaveCountAsync(0);
            await Assertions.Expect(list.Locator($"tr[data-firm-id='{qiming}']")).ToHaveCountAsync(0);
            // Another park's fresh firm is still there: only the full cell's firms leave.
            var yichuang = fixture.App.With(db => db.Firms.Single(f => f.NameEn == "Yichuang Bioengineering Co.").Id);
            await Assertions.Expect(list.Locator($"tr[data-firm-id='{yichuang}'] [data-testid=reason]")).ToHaveTextAsync("Not called yet");
        });

        await BrowserFixture.Step(pi, "quota-full", async () =>
        {
            await pi.GotoAsync("/Admin/Quotas");
            await Assertions.Expect(zlsRow.Locator("[data-testid=completes]")).ToHaveTextAsync("2");
            await Assertions.Expect(zlsRow.Locator("[data-testid=full]")).ToBeVisibleAsync();
        });
        await BrowserFixture.Step(pi, "quota-productivity", async () =>
        {
            // The fake clock's day, Wednesday 25 Nov 2026 in Beijing: the week of Monday 23 Nov holds this one call.
            await pi.GotoAsync("/Reports/Productivity");
            await pi.FillAsync("#from", "2026-11-23");
            await pi.FillAsync("#to", "2026-11-29");
            await pi.ClickAsync("[data-testid=productivity-filters] button[type=submit]");
            var row = pi.Locator($"[data-testid='row-{name}-2026-11-23']");
            await Assertions.Expect(row.Locator("[data-testid=completes]")).ToHaveTextAsync("1");
            await Assertions.Expect(pi.Locator($"[data-testid='completes-{name}-2026-11-23']")).ToHaveAttributeAsync("data-value", "1");
        });
    }
}
