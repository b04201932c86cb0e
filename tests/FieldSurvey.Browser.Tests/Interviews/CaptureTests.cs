using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Interviews;

public sealed class CaptureTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_interviewer_records_an_interview_closes_the_tab_midway_and_finds_every_answer_on_reopening()
    {
        var (firmId, universityId, beijingId) = fixture.App.With(db => (
            db.Firms.Single(f => f.NameEn == "Huaqing Diagnostics Ltd.").Id,
            db.Terms.Single(t => t.Kind == TermKind.PartnerKind && t.Code == "university").Id,
            db.Terms.Single(t => t.Kind == TermKind.PartnerLocation && t.Code == "BJ").Id));
        var page = await fixture.SignedInPageAsync(AppFactory.Interviewer);
        var capture = new CapturePage(page);

        await BrowserFixture.Step(page, "capture-start", async () =>
        {
            await page.GotoAsync($"/Interviews/Start?firmId={firmId}");
            await Assertions.Expect(page.Locator("[data-testid=firm]")).ToContainTextAsync("华清诊断试剂有限公司");
            await page.ClickAsync("[data-testid=start-interview]");
            // DOMContentLoaded, not load: once, on a machine busy with the other test assemblies, "load" took over 30 s.
            await page.WaitForURLAsync(url => url.Contains("/Interviews/Capture"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.Equal(0, await page.Locator("[data-question]").CountAsync()); // no question before consent
            await capture.RecordConsent("李强", "总经理");
        });
        var captureUrl = page.Url;

        await BrowserFixture.Step(page, "capture-answers", async () =>
        {
            await capture.Type("A1", "2009");
            await capture.Type("A2", "120");
            await capture.Choose("A4", "private");
            await capture.Choose("A5", "other");
            await capture.Question("A5").Locator("[data-other]").FillAsync("基因检测服务");
            await capture.Type("A7", "靠近北京大学和几家三甲医院，also close to our customers.");
            await capture.AddPartner("B1", "北京大学医学部 Peking University Health Science Center", universityId, beijingId, "2016", "联合开发诊断试剂 joint development");
            await capture.WaitSaved();
        });

        await BrowserFixture.Step(page, "capture-split", async () =>
        {
            await page.ClickAsync("[data-section-link=C]");
            await capture.Part("C3", "ZLS", "50");
            await capture.Part("C3", "BJ", "40");
            await Assertions.Expect(page.Locator("[data-testid=sum-C3]")).ToHaveTextAsync("90");
            await Assertions.Expect(capture.Problems("C3")).ToContainTextAsync("Adds up to 90, must be 100.");
            await capture.Part("C3", "ABROAD", "10");
            await Assertions.Expect(page.Locator("[data-testid=sum-C3]")).ToHaveTextAsync("100");
            await Assertions.Expect(capture.Problems("C3")).ToBeEmptyAsync();
        });

        await BrowserFixture.Step(page, "capture-close-midway", async () =>
        {
            await capture.Type("F4", "Yizhuang is closer to the hospitals; 亦庄离医院更近。");
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true }); // at once, before the autosave delay
        });

        var again = await page.Context.NewPageAsync();
        var reopened = new CapturePage(again);
        await BrowserFixture.Step(again, "capture-reopened", async () =>
        {
            await again.GotoAsync(captureUrl);
            await Assertions.Expect(reopened.Question("A1").Locator("[data-input]")).ToHaveValueAsync("2009");
            await Assertions.Expect(reopened.Question("A2").Locator("[data-input]")).ToHaveValueAsync("120");
            await Assertions.Expect(reopened.Question("A4").Locator("input[value=private]")).ToBeCheckedAsync();
            await Assertions.Expect(reopened.Question("A5").Locator("[data-other]")).ToHaveValueAsync("基因检测服务");
            await Assertions.Expect(reopened.Question("A7").Locator("[data-input]")).ToHaveValueAsync("靠近北京大学和几家三甲医院，also close to our customers.");
            await Assertions.Expect(reopened.Question("B1").Locator("[data-field=partnerName]")).ToHaveValueAsync("北京大学医学部 Peking University Health Science Center");
            await Assertions.Expect(reopened.Question("C3").Locator("[data-part=ABROAD]")).ToHaveValueAsync("10");
            await Assertions.Expect(reopened.Question("F4").Locator("[data-input]")).ToHaveValueAsync("Yizhuang is closer to the hospitals; 亦庄离医院更近。");
            await reopened.WaitSaved();
            Directory.CreateDirectory(BrowserFixture.ArtifactFolder);
            await again.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "capture-reopened.png"), FullPage = false });
        });

        // And the server has every word, not only this browser.
        var interviewId = int.Parse(captureUrl.Split("id=")[1]);
        var (answers, partners) = await fixture.App.WithAsync(async db => (
            await db.Answers.Where(a => a.InterviewId == interviewId).ToDictionaryAsync(a => a.QuestionId, a => a.Value),
            await db.PartnerRows.Where(p => p.InterviewId == interviewId).ToListAsync()));
        Assert.Equal("2009", answers["A1"]);
        Assert.Equal("other:基因检测服务", answers["A5"]);
        Assert.Equal("""{"ZLS":50,"BJ":40,"ABROAD":10}""", answers["C3"]);
        Assert.Equal("Yizhuang is closer to the hospitals; 亦庄离医院更近。", answers["F4"]);
        var partner = Assert.Single(partners);
        Assert.Equal(beijingId, partner.PartnerLocationId);
        Assert.Equal(fixture.App.With(db => db.Terms.Single(t => t.Kind == TermKind.LinkageType && t.Code == "research").Id), partner.LinkageTypeId);
    }

    [Fact]
    public async Task Answers_typed_while_the_connection_is_down_are_kept_and_sent_when_it_returns()
    {
        var firmId = fixture.App.With(db => db.Firms.Single(f => f.NameEn == "Zhongke Qiming Pharma Research Institute").Id);
        var page = await fixture.SignedInPageAsync(AppFactory.Interviewer);
        var capture = new CapturePage(page);
        await BrowserFixture.Step(page, "offline-start", async () =>
        {
            await page.GotoAsync($"/Interviews/Start?firmId={firmId}");
            await page.ClickAsync("[data-testid=start-interview]");
            // DOMContentLoaded, not load: once, on a machine busy with the other test assemblies, "load" took over 30 s.
            await page.WaitForURLAsync(url => url.Contains("/Interviews/Capture"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await capture.RecordConsent("陈静", "业务发展经理");
        });
        var interviewId = int.Parse(page.Url.Split("id=")[1]);
        await BrowserFixture.Step(page, "offline-typing", async () =>
        {
            await page.Context.SetOfflineAsync(true);
            await capture.Type("A7", "园区的政策支持很好。");
            await Assertions.Expect(page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-state", "retrying");
            Assert.False(fixture.App.With(db => db.Answers.Any(a => a.InterviewId == interviewId)));
        });
        await BrowserFixture.Step(page, "offline-back", async () =>
        {
            await page.Context.SetOfflineAsync(false);
            await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
            await capture.WaitSaved();
            Assert.Equal("园区的政策支持很好。", fixture.App.With(db => db.Answers.Single(a => a.InterviewId == interviewId && a.QuestionId == "A7").Value));
        });
    }
}
