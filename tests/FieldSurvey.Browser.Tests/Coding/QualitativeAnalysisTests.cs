using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Coding;

/// <summary>
/// Issue 23's done-when: one passage coded with a thematic code and a linkage type at once, a memo written on it through the
/// passage memo card, then the co-occurrence cell, the framework cell and the analysis workbook all show it.
/// </summary>
public sealed class QualitativeAnalysisTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Quote = "亦庄的税收优惠让我们把研发中心留在这里";
    const string MemoTitle = "Tax breaks keep R&D here";
    const string MemoText = "税收优惠是选址的主要原因 (qa-memo)";

    [Fact]
    public async Task A_coded_theme_and_linkage_with_a_memo_show_in_the_co_occurrence_the_framework_matrix_and_the_workbook()
    {
        var (transcriptId, firmId, themeId, researchId) = await fixture.App.WithAsync(async db =>
        {
            var theme = new Term { Kind = TermKind.Theme, Code = "qa-tax", NameEn = "Tax breaks (qa)", NameZh = "税收优惠（qa）" };
            db.Terms.Add(theme);
            var firm = await db.Firms.OrderBy(f => f.Id).Skip(4).FirstAsync();
            var interview = new Interview
            {
                FirmId = firm.Id, GuideVersionId = (await db.GuideVersions.FirstAsync()).Id,
                InterviewerId = (await db.Users.SingleAsync(u => u.Email == AppFactory.Interviewer)).Id,
                InterviewDate = new DateOnly(2026, 3, 2), Status = InterviewStatus.Approved, CreatedAtUtc = TestClock.Start,
            };
            db.Interviews.Add(interview);
            await db.SaveChangesAsync();
            var transcript = new Transcript { InterviewId = interview.Id, Text = TranscriptText.Normalize($"受访者：{Quote}。别的就没有了。"), UpdatedAtUtc = TestClock.Start };
            db.Transcripts.Add(transcript);
            await db.SaveChangesAsync();
            db.CodingAssignments.Add(new CodingAssignment
            {
                TranscriptId = transcript.Id, CoderId = (await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1)).Id, AssignedAtUtc = TestClock.Start,
            });
            await db.SaveChangesAsync();
            var research = await db.Terms.SingleAsync(t => t.Kind == TermKind.LinkageType && t.Code == "research");
            return (transcript.Id, firm.Id, theme.Id, research.Id);
        });
        var text = fixture.App.With(db => db.Transcripts.Single(t => t.Id == transcriptId).Text);
        var start = text.IndexOf(Quote, StringComparison.Ordinal);
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1);
        var annotator = new AnnotatorPage(page);

        await BrowserFixture.Step(page, "qa-code-and-memo", async () =>
        {
            await annotator.OpenAsync(transcriptId);
            await annotator.SelectAsync(start, start + Quote.Length);
            await page.Keyboard.PressAsync("r");                                   // research, by its shortcut key
            var filter = page.Locator("[data-testid=theme-filter]");
            await filter.FillAsync("Tax breaks (qa)");
            await Assertions.Expect(page.Locator("[data-testid=theme-options] li:not(.d-none)")).ToHaveCountAsync(1);
            await filter.PressAsync("Enter");                                      // adds the theme
            await Assertions.Expect(page.Locator("[data-testid=theme-chosen] li")).ToHaveCountAsync(1);
            await filter.PressAsync("Enter");                                      // an empty box: Enter saves the passage
            await Assertions.Expect(page.Locator("[data-testid=segment-list] li", new() { HasText = "Tax breaks (qa)" })).ToHaveCountAsync(1);

            // The memo card follows the passage just saved.
            var card = page.Locator("[data-testid=passage-memos]");
            await Assertions.Expect(card).ToBeVisibleAsync();
            await Assertions.Expect(card.Locator("[data-passage-memos-quote]")).ToContainTextAsync(Quote);
            await card.Locator("[data-testid=passage-memo-title]").FillAsync(MemoTitle);
            await card.Locator("[data-testid=passage-memo-text]").FillAsync(MemoText);
            await card.Locator("[data-testid=save-passage-memo]").ClickAsync();
            await Assertions.Expect(card.Locator("[data-testid=passage-memo-list] li", new() { HasText = MemoTitle })).ToContainTextAsync(MemoText);
            await Assertions.Expect(card.Locator("[data-testid=passage-memo-error]")).ToBeHiddenAsync();
        });

        var segmentId = fixture.App.With(db => db.Segments.Single(s => s.TranscriptId == transcriptId && s.DeletedAtUtc == null).Id);
        Assert.Equal([themeId], fixture.App.With(db => db.SegmentThemes.Where(x => x.SegmentId == segmentId).Select(x => x.TermId).ToList()));
        Assert.True(fixture.App.With(db => db.MemoLinks.Any(l => l.SegmentId == segmentId && db.Memos.Any(m => m.Id == l.MemoId && m.Title == MemoTitle))));

        byte[] workbook = [];
        await BrowserFixture.Step(page, "qa-analysis-pages", async () =>
        {
            await page.GotoAsync($"/Coding/Analysis/CoOccurrence?Source={transcriptId}");
            await Assertions.Expect(page.Locator("[data-testid='co-research-qa-tax']")).ToHaveTextAsync("1");

            await page.GotoAsync($"/Coding/Analysis/Framework?Columns={themeId}&Columns={researchId}");
            await Assertions.Expect(page.Locator($"[data-testid='fw-{firmId}-qa-tax']")).ToContainTextAsync(Quote);

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=framework-workbook]").ClickAsync());
            Assert.Null(await download.FailureAsync());
            workbook = await File.ReadAllBytesAsync(await download.PathAsync());
        });

        var book = XlsxReader.Read(workbook);
        var counts = book["Co-occurrence counts"];
        var row = counts.Rows.Single(r => r.TryGetValue(0, out var c) && c.Text.Contains("[research]"));
        Assert.Equal(1, row[counts.Column("Tax breaks (qa)")].Number);
        var matrix = book["Framework matrix"];
        var firmRow = matrix.Rows.Single(r => r.Values.Any(c => c.Text.Contains(Quote)));
        Assert.Contains(Quote, firmRow[matrix.Column("Tax breaks (qa) · Passages")].Text);
        Assert.Contains(book["Memos"].Rows, r => r.Values.Any(c => c.Text == MemoTitle) && r.Values.Any(c => c.Text == MemoText)
            && r.Values.Any(c => c.Text.Contains(Quote)));
    }
}
