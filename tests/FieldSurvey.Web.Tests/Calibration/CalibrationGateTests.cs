using System.Net;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Calibration;

/// <summary>The gate (issue 25, part 5): no live transcripts without a pass on the current calibration test, or a PI's audited override.</summary>
public sealed class CalibrationGateTests(CalibrationGateTests.Fixture fixture) : IClassFixture<CalibrationGateTests.Fixture>
{
    /// <summary>The living demo: it has adjudicated consensus passages to build a test from.</summary>
    public sealed class Fixture() : AppFactory(livingDemo: true);

    string CoderId(string email) => fixture.With(db => db.Users.Single(u => u.Email == email).Id);

    /// <summary>A current test (the newest) whose gold is the consensus of one transcript, taken by the given coder.</summary>
    int SeedTest(string takerId) => fixture.With(db =>
    {
        var transcriptId = db.Segments.Where(s => s.IsConsensus && s.DeletedAtUtc == null).Select(s => s.TranscriptId).Min();
        var test = new CalibrationTest { Title = "Gate test", Dimensions = [1, 2, 3, 4], CreatedById = db.Users.Single(u => u.Email == AppFactory.PI).Id, CreatedAtUtc = TestClock.Start };
        db.CalibrationTests.Add(test);
        db.SaveChanges();
        db.CalibrationGold.AddRange(db.Segments.Where(s => s.IsConsensus && s.DeletedAtUtc == null && s.TranscriptId == transcriptId).ToList()
            .Select(s => new CalibrationGold
            {
                TestId = test.Id, TranscriptId = transcriptId, SourceSegmentId = s.Id, Start = s.Start, End = s.End, Quote = s.Quote,
                LinkageTypeId = s.LinkageTypeId, PartnerLocationId = s.PartnerLocationId, PartnerKindId = s.PartnerKindId, NatureId = s.NatureId,
            }));
        db.CalibrationTakers.Add(new CalibrationTaker { TestId = test.Id, CoderId = takerId, AssignedAtUtc = TestClock.Start });
        db.SaveChanges();
        return test.Id;
    });

    /// <summary>The coder codes exactly as the gold and submits.</summary>
    void SubmitAsGold(int testId, string coderId) => fixture.With(db =>
    {
        db.CalibrationSegments.AddRange(db.CalibrationGold.Where(g => g.TestId == testId).ToList().Select(g => new CalibrationSegment
        {
            TestId = testId, CoderId = coderId, TranscriptId = g.TranscriptId, Start = g.Start, End = g.End, Quote = g.Quote,
            LinkageTypeId = g.LinkageTypeId, PartnerLocationId = g.PartnerLocationId, PartnerKindId = g.PartnerKindId, NatureId = g.NatureId,
            UpdatedAtUtc = TestClock.Start,
        }));
        db.CalibrationTakers.Single(k => k.TestId == testId && k.CoderId == coderId).SubmittedAtUtc = TestClock.Start;
        return db.SaveChanges();
    });

    /// <summary>A new transcript nobody is assigned to (the living demo gives coder 1 every transcript).</summary>
    int FreeTranscript() => fixture.With(db =>
    {
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
        return transcript.Id;
    });

    bool Assigned(int transcriptId, string coderId) => fixture.With(db => db.CodingAssignments.Any(a => a.TranscriptId == transcriptId && a.CoderId == coderId));

    async Task<string> AssignAsync(HttpClient pi, int transcriptId, string coderId)
    {
        var response = await pi.PostFormAsync($"/Admin/CodingAssignments?handler=Assign&transcriptId={transcriptId}&coderId={coderId}", [], "/Admin/CodingAssignments");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await pi.GetStringAsync("/Admin/CodingAssignments"));
    }

    [Fact]
    public async Task A_coder_without_a_pass_is_refused_with_the_reason_and_assigned_once_passed()
    {
        var coder = CoderId(AppFactory.Coder1);
        var testId = SeedTest(coder);
        var transcript = FreeTranscript();
        var pi = await fixture.SignedInAsync(AppFactory.PI);

        var page = await AssignAsync(pi, transcript, coder);
        Assert.Contains("has no pass on the current calibration test \"Gate test\" (has not submitted the current calibration test)", page);
        Assert.False(Assigned(transcript, coder));

        SubmitAsGold(testId, coder);
        page = await AssignAsync(pi, transcript, coder);
        Assert.DoesNotContain("has no pass on the current calibration test", page);
        Assert.True(Assigned(transcript, coder));
    }

    [Fact]
    public async Task A_PI_override_needs_a_reason_and_is_audited()
    {
        var coder1 = CoderId(AppFactory.Coder1);
        var coder2 = CoderId(AppFactory.Coder2);
        SeedTest(coder1);   // coder 2 does not take the current test
        var transcript = FreeTranscript();
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = await AssignAsync(pi, transcript, coder2);
        Assert.Contains("(not taking the current calibration test)", page);
        Assert.Contains("data-testid=\"gate-coder2@example.org\"", page);

        await pi.PostFormAsync($"/Admin/CodingAssignments?handler=Override&coderId={coder2}", new() { ["reason"] = " " }, "/Admin/CodingAssignments");
        Assert.Contains("Error: give a reason", WebUtility.HtmlDecode(await pi.GetStringAsync("/Admin/CodingAssignments")));
        Assert.False(fixture.With(db => db.CalibrationOverrides.Any(o => o.CoderId == coder2)));

        await pi.PostFormAsync($"/Admin/CodingAssignments?handler=Override&coderId={coder2}", new() { ["reason"] = "Senior coder, calibrated last study" }, "/Admin/CodingAssignments");
        Assert.True(fixture.With(db => db.AuditEntries.Any(a => a.Entity == nameof(CalibrationOverride) && a.Reason!.Contains("Senior coder, calibrated last study"))));
        await AssignAsync(pi, transcript, coder2);
        Assert.True(Assigned(transcript, coder2));
    }

    [Fact]
    public async Task Coders_cannot_override_the_gate()
    {
        var coder = CoderId(AppFactory.Coder1);
        SeedTest(CoderId(AppFactory.Coder2));
        var response = await (await fixture.SignedInAsync(AppFactory.Coder1)).PostAsync(
            $"/Admin/CodingAssignments?handler=Override&coderId={coder}", new FormUrlEncodedContent([new("reason", "let me in")]));
        Assert.False(response.IsSuccessStatusCode);
        Assert.False(fixture.With(db => db.CalibrationOverrides.Any(o => o.Reason == "let me in")));
    }
}
