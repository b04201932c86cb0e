using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Recordings;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Recordings;
using FieldSurvey.Web.Pages.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Recordings;

public sealed class PlayerTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Passage = "我们和亦庄的企业一起做临床试验";

    const string Timed = "[00:00:00] 访谈员：贵公司和亦庄的企业有合作吗？\n[00:00:04] 受访者：有，" + Passage + "。";

    /// <summary>A transcript whose respondent turn starts at 0:04 of an 8-second recording, with coder 1's segment in that turn.</summary>
    async Task<int> SeedAsync(string text = Timed)
    {
        var store = fixture.App.Services.GetRequiredService<RecordingStore>();
        var (stored, problem) = await store.StoreAsync(new MemoryStream(TestAudio.Wav(8)), CancellationToken.None);
        Assert.Null(problem);
        return await fixture.App.WithAsync(async db =>
        {
            var coder = await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1);
            var interview = new Interview
            {
                FirmId = (await db.Firms.OrderBy(f => f.Id).Skip(5).FirstAsync()).Id, GuideVersionId = (await db.GuideVersions.FirstAsync()).Id,
                InterviewerId = (await db.Users.SingleAsync(u => u.Email == AppFactory.Interviewer)).Id, InterviewDate = new DateOnly(2026, 11, 20),
                Status = InterviewStatus.Approved, CreatedAtUtc = TestClock.Start, RecordingConsent = RecordingConsent.Yes,
            };
            db.Interviews.Add(interview);
            await db.SaveChangesAsync();
            var transcript = new Transcript { InterviewId = interview.Id, Text = text, UpdatedAtUtc = TestClock.Start, Language = "zh" };
            db.Transcripts.Add(transcript);
            db.Recordings.Add(new Recording
            {
                InterviewId = interview.Id, Part = 1, FileName = "call.wav", Format = stored!.Format.Code, Sha256 = stored.Sha256, SizeBytes = stored.SizeBytes,
                PlayableSha256 = stored.PlayableSha256, PlayableContentType = stored.PlayableContentType, DurationMs = stored.DurationMs, UploadedAtUtc = TestClock.Start,
            });
            await db.SaveChangesAsync();
            db.CodingAssignments.Add(new CodingAssignment { TranscriptId = transcript.Id, CoderId = coder.Id, AssignedAtUtc = TestClock.Start });
            var start = text.IndexOf(Passage, StringComparison.Ordinal);
            db.Segments.Add(new Segment
            {
                TranscriptId = transcript.Id, CoderId = coder.Id, Start = start, End = start + Passage.Length, Quote = Passage,
                LinkageTypeId = (await db.Terms.FirstAsync(t => t.Kind == Core.Study.TermKind.LinkageType)).Id, CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start,
            });
            await db.SaveChangesAsync();
            return transcript.Id;
        });
    }

    [Fact]
    public async Task A_coder_clicks_a_coded_Chinese_passages_play_button_and_the_recording_plays_from_its_turns_second()
    {
        var transcriptId = await SeedAsync();
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1, "zh-CN");
        await BrowserFixture.Step(page, "player-annotator", async () =>
        {
            await page.GotoAsync($"/Coding/Annotate?transcriptId={transcriptId}");
            await page.WaitForSelectorAsync("[data-annotator][data-ready=true]");
            var play = page.Locator("[data-testid=segment-list] li").Filter(new() { HasText = Passage }).Locator("[data-testid=play-passage]");
            await Assertions.Expect(play).ToHaveTextAsync("▶ 0:04");
            await play.ClickAsync();
            // Playing from the turn's second (not from 0:00), then advancing.
            await page.WaitForFunctionAsync("() => { const a = document.querySelector('[data-testid=audio]'); return !a.paused && a.currentTime > 0; }",
                null, new() { Timeout = 15_000 });
            var first = await page.EvaluateAsync<double>("() => document.querySelector('[data-testid=audio]').currentTime");
            Assert.InRange(first, 4.0, 5.0);
            await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=audio]').currentTime > {first + 0.3}", null, new() { Timeout = 10_000 });
        });
    }

    // Untimed turns between the two timed ones push the 0:04 turn well below a 900-pixel window.
    static readonly string Long = "[00:00:00] 访谈员：贵公司和亦庄的企业有合作吗？\n"
        + string.Concat(Enumerable.Range(1, 60).Select(i => $"受访者：补充说明第{i}点。\n")) + "[00:00:04] 受访者：有，" + Passage + "。";

    const string CurrentTurnText = "() => { const h = CSS.highlights.get('fs-turn-current'); return h ? [...h][0].toString() : ''; }";

    [Fact]
    public async Task While_the_recording_plays_in_the_annotator_the_current_turn_is_highlighted_and_scrolled_into_view()
    {
        var transcriptId = await SeedAsync(Long);
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1);
        await BrowserFixture.Step(page, "player-current-turn", async () =>
        {
            await page.GotoAsync($"/Coding/Annotate?transcriptId={transcriptId}");
            await page.WaitForSelectorAsync("[data-annotator][data-ready=true]");
            var player = page.GetByTestId("player");
            var second = Long.IndexOf("[00:00:04]", StringComparison.Ordinal);
            var lastTurn = page.Locator("[data-testid=transcript] span").Filter(new() { HasText = Passage }).First;
            await Assertions.Expect(lastTurn).Not.ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Alt+P");
            await Assertions.Expect(player).ToHaveAttributeAsync("data-current-turn", "0", new() { Timeout = 10_000 });
            Assert.Equal("[00:00:00] 访谈员：贵公司和亦庄的企业有合作吗？", await page.EvaluateAsync<string>(CurrentTurnText));
            // At 0:04 the respondent's turn takes over and is brought into view.
            await Assertions.Expect(player).ToHaveAttributeAsync("data-current-turn", second.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
            Assert.Equal($"[00:00:04] 受访者：有，{Passage}。", await page.EvaluateAsync<string>(CurrentTurnText));
            await Assertions.Expect(lastTurn).ToBeInViewportAsync();
        });
    }

    [Fact]
    public async Task A_coder_who_scrolls_away_is_not_pulled_back_to_the_current_turn()
    {
        var transcriptId = await SeedAsync(Long);
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1);
        await BrowserFixture.Step(page, "player-no-follow", async () =>
        {
            await page.GotoAsync($"/Coding/Annotate?transcriptId={transcriptId}");
            await page.WaitForSelectorAsync("[data-annotator][data-ready=true]");
            var player = page.GetByTestId("player");
            await page.Keyboard.PressAsync("Alt+P");
            await Assertions.Expect(player).ToHaveAttributeAsync("data-current-turn", "0", new() { Timeout = 10_000 });
            await page.Mouse.MoveAsync(400, 600);
            await page.Mouse.WheelAsync(0, 120);
            var second = Long.IndexOf("[00:00:04]", StringComparison.Ordinal);
            await Assertions.Expect(player).ToHaveAttributeAsync("data-current-turn", second.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
            Assert.Equal($"[00:00:04] 受访者：有，{Passage}。", await page.EvaluateAsync<string>(CurrentTurnText));
            // Nothing to wait for in a page that rightly does nothing: let the recording play on for more than a
            // smooth scroll takes (about half a second) before checking that the view stayed.
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=audio]').currentTime > 5.5", null, new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("[data-testid=transcript] span").Filter(new() { HasText = Passage }).First).Not.ToBeInViewportAsync();
        });
    }
}
