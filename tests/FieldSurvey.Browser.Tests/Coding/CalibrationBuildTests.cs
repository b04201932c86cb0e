using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Coding;

/// <summary>
/// Issue 25, end to end in the browser on the living demo: the PI builds a calibration test from the demo's consensus
/// passages on /Agreement/Calibration/Create; the assignment page then refuses to give coder 1 a live transcript; coder 1
/// takes the test in the annotator, coding each gold passage's linkage type with its shortcut key, and submits; the
/// results show alpha against the gold standard; and the same assignment now goes through.
/// </summary>
public sealed class CalibrationBuildTests(LivingDemoBrowserFixture fixture) : IClassFixture<LivingDemoBrowserFixture>
{
    /// <summary>The consensus transcript with the fewest passages (a short test), and a fresh transcript nobody codes yet.</summary>
    (int Consensus, int Free) Seed() => fixture.App.With(db =>
    {
        var consensus = db.Segments.Where(s => s.IsConsensus && s.DeletedAtUtc == null).GroupBy(s => s.TranscriptId)
            .Select(g => new { g.Key, Count = g.Count() }).AsEnumerable().OrderBy(x => x.Count).ThenBy(x => x.Key).First().Key;
        var interview = new Interview
        {
            FirmId = db.Firms.OrderBy(f => f.Id).First().Id, GuideVersionId = db.GuideVersions.OrderBy(g => g.Id).First().Id,
            InterviewerId = db.Users.Single(u => u.Email == AppFactory.Interviewer).Id, InterviewDate = new DateOnly(2026, 3, 2),
            Status = InterviewStatus.Approved, ConsentGiven = true, CreatedAtUtc = TestClock.Start,
        };
        db.Interviews.Add(interview);
        db.SaveChanges();
        var transcript = new Transcript { InterviewId = interview.Id, Text = "受访者：我们和北大合作研发。", UpdatedAtUtc = TestClock.Start };
        db.Transcripts.Add(transcript);
        db.SaveChanges();
        return (consensus, transcript.Id);
    });

    [Fact]
    public async Task The_PI_builds_a_test_from_consensus_the_gate_blocks_the_coder_takes_it_and_the_gate_then_allows_the_assignment()
    {
        var (consensus, free) = Seed();
        var coderId = fixture.App.With(db => db.Users.Single(u => u.Email == AppFactory.Coder1).Id);
        var pi = await fixture.SignedInPageAsync(AppFactory.PI);

        await BrowserFixture.Step(pi, "calibration-build", async () =>
        {
            await pi.GotoAsync("/Agreement/Calibration");
            await pi.ClickAsync("[data-testid=calibration-new]");
            await pi.FillAsync("#Input_Title", "浏览器校准测试");
            await pi.CheckAsync($"input[name='Input.TranscriptIds'][value='{consensus}']");
            foreach (var d in new[] { "PartnerLocation", "PartnerKind", "Nature" }) await pi.UncheckAsync($"input[name='Input.Dimensions'][value='{d}']");
            await pi.CheckAsync($"input[name='Input.CoderIds'][value='{coderId}']");
            await pi.ClickAsync("[data-testid=calibration-save]");
            await pi.WaitForURLAsync("**/Agreement/Calibration");
            await Assertions.Expect(pi.Locator("[data-testid=calibration-tests] tbody tr").First).ToContainTextAsync("浏览器校准测试");
        });
        var test = fixture.App.With(db => db.CalibrationTests.Where(x => x.Title == "浏览器校准测试").Select(x => x.Id).Single());
        var gold = fixture.App.With(db => db.CalibrationGold.Where(g => g.TestId == test).OrderBy(g => g.Start)
            .Select(g => new { g.Start, g.End, Key = db.Terms.Where(x => x.Id == g.LinkageTypeId).Select(x => x.Shortcut).FirstOrDefault() }).ToList());
        Assert.NotEmpty(gold);

        async Task AssignAsync()
        {
            await pi.GotoAsync("/Admin/CodingAssignments");
            var form = pi.Locator($"form[action*='handler=Assign'][action*='transcriptId={free}']");
            await form.Locator("select[name=coderId]").SelectOptionAsync(coderId);
            await form.Locator("button").ClickAsync();
            await pi.WaitForURLAsync("**/Admin/CodingAssignments**");
        }
        await BrowserFixture.Step(pi, "calibration-gate-blocks", async () =>
        {
            await AssignAsync();
            await Assertions.Expect(pi.Locator("[data-testid=status-message]")).ToContainTextAsync("has no pass on the current calibration test");
        });
        Assert.False(fixture.App.With(db => db.CodingAssignments.Any(a => a.TranscriptId == free)));

        var coder = await fixture.SignedInPageAsync(AppFactory.Coder1);
        var annotator = new AnnotatorPage(coder);
        await BrowserFixture.Step(coder, "calibration-take-built", async () =>
        {
            await coder.GotoAsync($"/Coding/Calibration/Take/{test}");
            await coder.WaitForSelectorAsync("[data-annotator][data-ready=true]");
            await Assertions.Expect(coder.Locator("[data-testid=segment-list] li")).ToHaveCountAsync(0);   // blind
            foreach (var g in gold)
            {
                await annotator.SelectAsync(g.Start, g.End);
                await annotator.CodeWithKeysAsync(g.Key is null ? [] : [g.Key]);
            }
            await annotator.SubmitCalibrationAsync(test);
            await Assertions.Expect(coder.Locator("[data-testid=alpha]").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(1\\.000|—)$"));
            await Assertions.Expect(coder.Locator("[data-testid=verdict]")).ToHaveTextAsync("passed");
        });

        await BrowserFixture.Step(pi, "calibration-gate-allows", async () =>
        {
            await AssignAsync();
            await Assertions.Expect(pi.Locator("[data-testid=status-message]")).Not.ToContainTextAsync("has no pass");
        });
        Assert.True(fixture.App.With(db => db.CodingAssignments.Any(a => a.TranscriptId == free && a.CoderId == coderId)));
    }
}
