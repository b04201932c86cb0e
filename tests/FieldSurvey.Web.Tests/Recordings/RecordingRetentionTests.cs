using System.Net;
using System.Net.Http.Headers;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Recordings;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Interviews;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Recordings;

/// <summary>
/// The retention rule over HTTP on the fixed clock: the PI sets N days on Admin/RecordingSettings and presses
/// "delete expired recordings now"; recordings of interviews approved more than N days ago go (row, file, audit row),
/// the transcript stays; younger ones and a blank rule keep everything. Each test uses its own tone lengths, so no
/// two tests share a stored file.
/// </summary>
public sealed class RecordingRetentionTests(RecordingRetentionTests.Fixture fixture) : IClassFixture<RecordingRetentionTests.Fixture>
{
    public sealed class Fixture : AppFactory
    {
        public string Folder => Path.Combine(DataFolder, "recordings");
    }

    const int Days = 30;

    /// <summary>An interview approved <paramref name="approvedDaysAgo"/> days before the clock, with a transcript and one recorded part.</summary>
    async Task<(int Interview, int Recording, string Sha)> ApprovedWithRecordingAsync(double approvedDaysAgo, double seconds)
    {
        var id = fixture.With(db =>
        {
            var interviewId = fixture.NewInterview(AppFactory.Interviewer);
            var interview = db.Interviews.Single(i => i.Id == interviewId);
            interview.RecordingConsent = RecordingConsent.Yes;
            db.Transcripts.Add(new Transcript { InterviewId = interviewId, Text = "[00:00:01] 受访者：我们主要做基因检测。", UpdatedAtUtc = TestClock.Start });
            db.SaveChanges();
            return interviewId;
        });
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var token = HttpClientForms.Token(await client.GetStringAsync($"/Interviews/Recordings?id={id}"))!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Interviews/Recordings?id={id}&handler=Upload&name=call.wav")
        {
            Content = new ByteArrayContent(TestAudio.Wav(seconds)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-CSRF-TOKEN", token);
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var recordingId = (await response.JsonAsync()).GetProperty("id").GetInt32();
        var sha = fixture.With(db =>
        {
            var interview = db.Interviews.Single(i => i.Id == id);
            interview.Status = InterviewStatus.Approved;
            interview.ApprovedAtUtc = fixture.Clock.GetUtcNow().AddDays(-approvedDaysAgo);
            db.SaveChanges();
            return db.Recordings.Single(r => r.Id == recordingId).Sha256;
        });
        return (id, recordingId, sha);
    }

    async Task<HttpClient> RuleAsync(string days)
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var version = fixture.With(db => db.StudySettings.OrderBy(s => s.Id).First().Version);
        var saved = await pi.PostFormAsync("/Admin/RecordingSettings", new() { ["Input.Version"] = $"{version}", ["Input.RetentionDays"] = days });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return pi;
    }

    static async Task SweepAsync(HttpClient pi)
    {
        var swept = await pi.PostFormAsync("/Admin/RecordingSettings?handler=Sweep", new(), "/Admin/RecordingSettings");
        Assert.Equal(HttpStatusCode.Redirect, swept.StatusCode);
    }

    string FileOf(string sha) => Path.Combine(fixture.Folder, sha[..2], sha);

    [Fact]
    public async Task A_recording_approved_N_plus_1_days_ago_is_deleted_and_audited_one_approved_N_minus_1_days_ago_stays()
    {
        var old = await ApprovedWithRecordingAsync(Days + 1, 1.1);
        var young = await ApprovedWithRecordingAsync(Days - 1, 1.2);
        var pi = await RuleAsync($"{Days}");
        Assert.Equal(Days, fixture.With(db => db.StudySettings.OrderBy(s => s.Id).First().RecordingRetentionDays));

        await SweepAsync(pi);

        Assert.False(fixture.With(db => db.Recordings.Any(r => r.Id == old.Recording)));
        Assert.False(File.Exists(FileOf(old.Sha)));
        Assert.True(fixture.With(db => db.Transcripts.Any(t => t.InterviewId == old.Interview)));
        var audit = fixture.With(db => db.AuditEntries.AsNoTracking().Single(a => a.Entity == nameof(Recording) && a.Action == "Deleted" && a.EntityId == old.Recording.ToString()));
        Assert.Contains("30 days", audit.Reason);
        Assert.Contains(old.Sha, audit.Before);
        Assert.Equal(HttpStatusCode.NotFound, (await pi.GetAsync($"/recordings/{old.Recording}")).StatusCode);

        Assert.True(fixture.With(db => db.Recordings.Any(r => r.Id == young.Recording)));
        Assert.True(File.Exists(FileOf(young.Sha)));
        Assert.Equal(HttpStatusCode.OK, (await pi.GetAsync($"/recordings/{young.Recording}")).StatusCode);
    }

    [Fact]
    public async Task A_blank_rule_keeps_every_recording()
    {
        var old = await ApprovedWithRecordingAsync(3650, 1.3);
        var pi = await RuleAsync("");
        Assert.Null(fixture.With(db => db.StudySettings.OrderBy(s => s.Id).First().RecordingRetentionDays));
        await SweepAsync(pi);
        Assert.True(fixture.With(db => db.Recordings.Any(r => r.Id == old.Recording)));
        Assert.True(File.Exists(FileOf(old.Sha)));
    }

    [Fact]
    public async Task The_hourly_sweep_runs_on_the_injected_clock()
    {
        var pi = await RuleAsync($"{Days}");
        var old = await ApprovedWithRecordingAsync(Days + 1, 1.4);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        // The sweep runs on the background service's thread after the tick; under a full suite on two cores (and on
        // PostgreSQL) it can take seconds to get a thread, so wait on the outcome, up to a minute, not a fixed time.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1) && (fixture.With(db => db.Recordings.Any(r => r.Id == old.Recording)) || File.Exists(FileOf(old.Sha))))
            await Task.Delay(100);
        Assert.False(fixture.With(db => db.Recordings.Any(r => r.Id == old.Recording)));
        Assert.False(File.Exists(FileOf(old.Sha)));
        _ = pi;
    }

    [Theory]
    [InlineData("-1", "Enter 0 to 36500 days")]
    [InlineData("36501", "Enter 0 to 36500 days")]
    public async Task A_rule_out_of_range_is_refused_at_the_field_and_not_saved(string days, string message)
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var before = fixture.With(db => db.StudySettings.OrderBy(s => s.Id).First().RecordingRetentionDays);
        var version = fixture.With(db => db.StudySettings.OrderBy(s => s.Id).First().Version);
        var response = await pi.PostFormAsync("/Admin/RecordingSettings", new() { ["Input.Version"] = $"{version}", ["Input.RetentionDays"] = days });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("data-valmsg-for=\"Input.RetentionDays\"", html);
        Assert.Equal(before, fixture.With(db => db.StudySettings.OrderBy(s => s.Id).First().RecordingRetentionDays));
    }

    [Fact]
    public async Task The_backup_page_says_recordings_are_not_in_the_backup()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var html = await pi.GetStringAsync("/Admin/Backup");
        Assert.Contains("Backups do not include the recording files", html);
    }
}
