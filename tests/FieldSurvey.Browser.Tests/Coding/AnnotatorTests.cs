using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Coding;

public sealed class AnnotatorTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Baiotai's transcript is coder 1's alone and not yet complete in the demo data.
    (int Id, string Text) Baiotai() => fixture.App.With(db => db.Transcripts
        .Join(db.Interviews, t => t.InterviewId, i => i.Id, (t, i) => new { t, i.FirmId })
        .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new { x.t, f.NameEn })
        .Where(x => x.NameEn!.StartsWith("Baiotai")).Select(x => new { x.t.Id, x.t.Text }).AsEnumerable()
        .Select(x => (x.Id, x.Text)).Single());

    Segment SegmentWithQuote(int transcriptId, string quote) =>
        fixture.App.With(db => db.Segments.Single(s => s.TranscriptId == transcriptId && s.Quote == quote && s.DeletedAtUtc == null));

    [Fact]
    public async Task A_coder_codes_a_Chinese_passage_finds_it_on_the_same_characters_after_reload_and_codes_an_overlapping_English_one()
    {
        var (id, text) = Baiotai();
        const string chinese = "我们和清华大学的实验室也有长期合作";
        const string english = "Yichuang Bioengineering in Yizhuang, and they handle pilot-scale production";
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1);
        var annotator = new AnnotatorPage(page);

        await BrowserFixture.Step(page, "annotator-chinese", async () =>
        {
            await annotator.OpenAsync(id);
            var start = text.IndexOf(chinese, StringComparison.Ordinal);
            await annotator.SelectAsync(start, start + chinese.Length);
            Assert.Equal(chinese, await annotator.PanelQuoteAsync());
            await annotator.CodeWithKeysAsync("r", "5", "u", "+");   // research · elsewhere in China · university · collaborative
        });
        var saved = SegmentWithQuote(id, chinese);
        Assert.Equal(text.IndexOf(chinese, StringComparison.Ordinal), saved.Start);
        Assert.Equal(saved.Start + chinese.Length, saved.End);
        Assert.Equal(chinese, text[saved.Start..saved.End]);
        Assert.NotNull(saved.PartnerKindId);

        await BrowserFixture.Step(page, "annotator-reload", async () =>
        {
            await annotator.OpenAsync(id);
            Assert.Equal(chinese, await annotator.HighlightedTextAsync(saved.Id));
        });

        await BrowserFixture.Step(page, "annotator-english-overlap", async () =>
        {
            var start = text.IndexOf(english, StringComparison.Ordinal);
            await annotator.SelectAsync(start, start + english.Length);
            await annotator.CodeWithKeysAsync("s", "2", "f", "0");
            var second = SegmentWithQuote(id, english);
            Assert.Equal(english, await annotator.HighlightedTextAsync(second.Id));
            var demo = fixture.App.With(db => db.Segments.Single(s => s.TranscriptId == id && s.Quote.StartsWith("We co-develop")));
            Assert.Contains(english, await annotator.HighlightedTextAsync(demo.Id)); // the older, enclosing segment is still whole
            await Assertions.Expect(page.Locator($"[data-segs~='{second.Id}'][data-segs~='{demo.Id}']").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("seg-nested"));
        });
    }

    [Fact]
    public async Task A_coder_whose_session_has_ended_is_asked_to_sign_in_again_and_nothing_is_saved()
    {
        var (id, text) = Baiotai();
        const string passage = "实验室也有长期合作";
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1);
        var annotator = new AnnotatorPage(page);
        await BrowserFixture.Step(page, "annotator-session-ended", async () =>
        {
            await annotator.OpenAsync(id);
            var start = text.IndexOf(passage, StringComparison.Ordinal);
            await annotator.SelectAsync(start, start + passage.Length);
            await page.Context.ClearCookiesAsync();
            foreach (var key in new[] { "r", "5", "u", "+", "Enter" }) await page.Keyboard.PressAsync(key);
            await Assertions.Expect(page.Locator("[data-annotator] [data-error]")).ToContainTextAsync("sign in again");
        });
        Assert.False(fixture.App.With(db => db.Segments.Any(s => s.TranscriptId == id && s.Quote == passage)));
    }

    [Fact]
    public async Task A_selection_that_cuts_a_surrogate_pair_or_a_combining_mark_snaps_to_whole_characters()
    {
        // Stored text is NFC, so the combining mark is one without a precomposed form (q + dot above).
        var body = TranscriptText.Normalize("受访者：我们和𠀀研究所合作。Café q\u0307 😀 ok");
        var id = await fixture.App.WithAsync(async db =>
        {
            var template = await db.Interviews.FirstAsync();
            var interview = new Interview { FirmId = template.FirmId, GuideVersionId = template.GuideVersionId, InterviewerId = template.InterviewerId, CreatedAtUtc = TestClock.Start };
            db.Interviews.Add(interview);
            await db.SaveChangesAsync();
            var transcript = new Transcript { InterviewId = interview.Id, Text = body, UpdatedAtUtc = TestClock.Start };
            db.Transcripts.Add(transcript);
            await db.SaveChangesAsync();
            db.CodingAssignments.Add(new CodingAssignment { TranscriptId = transcript.Id, CoderId = (await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1)).Id, AssignedAtUtc = TestClock.Start });
            await db.SaveChangesAsync();
            return transcript.Id;
        });
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1);
        var annotator = new AnnotatorPage(page);
        await BrowserFixture.Step(page, "annotator-surrogates", async () =>
        {
            await annotator.OpenAsync(id);
            var pair = body.IndexOf("𠀀", StringComparison.Ordinal);
            await annotator.SelectAsync(pair + 1, pair + 4);          // starts inside 𠀀
            Assert.Equal("𠀀研究", await annotator.PanelQuoteAsync());
            await annotator.SelectAsync(4, pair + 1);                 // ends inside 𠀀
            Assert.Equal("我们和𠀀", await annotator.PanelQuoteAsync());
            var combining = body.IndexOf("q\u0307", StringComparison.Ordinal);
            await annotator.SelectAsync(combining, combining + 1);    // q without its mark
            Assert.Equal("q\u0307", await annotator.PanelQuoteAsync());
            await annotator.CodeWithKeysAsync("k");
            var saved = fixture.App.With(db => db.Segments.Single(s => s.TranscriptId == id));
            Assert.Equal((combining, combining + 2, "q\u0307"), (saved.Start, saved.End, saved.Quote));
        });
    }
}
