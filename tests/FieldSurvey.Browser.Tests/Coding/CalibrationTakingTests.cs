using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Agreement.Calibration;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Coding;

/// <summary>Issue 25: a coder takes a calibration test in the annotator, submits, sees alpha against the gold, and the gate opens.</summary>
public sealed class CalibrationTakingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Chinese = "我们和清华大学的实验室也有长期合作";
    const string English = "Yichuang Bioengineering in Yizhuang, and they handle pilot-scale production";

    /// <summary>A test on Baiotai's transcript, gold: the Chinese passage as research, the English one as supplier; linkage type only.</summary>
    (int Test, int Transcript, string Text) Seed() => fixture.App.With(db =>
    {
        var t = db.Transcripts.Join(db.Interviews, x => x.InterviewId, i => i.Id, (x, i) => new { x, i.FirmId })
            .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new { x.x, f.NameEn }).Where(x => x.NameEn!.StartsWith("Baiotai")).Select(x => x.x).Single();
        int Type(string code) => db.Terms.Single(x => x.Kind == TermKind.LinkageType && x.Code == code).Id;
        CalibrationGold Gold(int test, string quote, string code)
        {
            var start = t.Text.IndexOf(quote, StringComparison.Ordinal);
            return new CalibrationGold { TestId = test, TranscriptId = t.Id, Start = start, End = start + quote.Length, Quote = quote, LinkageTypeId = Type(code) };
        }
        var test = new CalibrationTest { Title = "Browser round", Dimensions = [(int)TermKind.LinkageType], CreatedById = db.Users.Single(u => u.Email == AppFactory.PI).Id, CreatedAtUtc = TestClock.Start };
        db.CalibrationTests.Add(test);
        db.SaveChanges();
        db.CalibrationGold.AddRange(Gold(test.Id, Chinese, "research"), Gold(test.Id, English, "supplier"));
        db.CalibrationTakers.Add(new CalibrationTaker { TestId = test.Id, CoderId = db.Users.Single(u => u.Email == AppFactory.Coder1).Id, AssignedAtUtc = TestClock.Start });
        db.SaveChanges();
        return (test.Id, t.Id, t.Text);
    });

    bool GateOpen() => fixture.App.WithAsync(db => db.GateAsync(db.Users.Single(u => u.Email == AppFactory.Coder1).Id, fixture.App.Clock.GetUtcNow())).Result.Open;

    [Fact]
    public async Task A_coder_takes_the_test_in_the_annotator_submits_and_sees_alpha_and_the_gate_opens()
    {
        var (test, _, text) = Seed();
        Assert.False(GateOpen());
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1);
        var annotator = new AnnotatorPage(page);
        await BrowserFixture.Step(page, "calibration-take-failed", async () =>
        {
            await page.GotoAsync("/Coding/Calibration");
            await page.Locator("[data-testid=calibration-take]").ClickAsync();
            await page.WaitForSelectorAsync("[data-annotator][data-ready=true]");
            await Assertions.Expect(page.Locator("[data-testid=segment-list] li")).ToHaveCountAsync(0);   // blind: no gold shows
            foreach (var (quote, key) in new[] { (Chinese, "r"), (English, "s") })
            {
                var start = text.IndexOf(quote, StringComparison.Ordinal);
                await annotator.SelectAsync(start, start + quote.Length);
                await annotator.CodeWithKeysAsync(key);
            }
            await annotator.SubmitCalibrationAsync(test);
            await Assertions.Expect(page.Locator("[data-testid=alpha]").First).ToHaveTextAsync("1.000");
            await Assertions.Expect(page.Locator("[data-testid=verdict]")).ToHaveTextAsync("passed");
        });
        Assert.True(GateOpen());
        await page.Context.CloseAsync();
    }
}
