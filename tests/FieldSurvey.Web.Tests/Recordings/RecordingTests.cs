using System.Net;
using System.Net.Http.Headers;
using FieldSurvey.Core.Recordings;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Interviews;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Recordings;

/// <summary>
/// Recordings over HTTP: consent first, uploads checked by content and size with nothing half-saved, AMR converted,
/// and the file served with ranges to the PI, the interviewer and the assigned coders only. The limit is set to
/// 64 KB here so an oversized file stays small.
/// </summary>
public sealed class RecordingTests(RecordingTests.Fixture fixture) : IClassFixture<RecordingTests.Fixture>
{
    public sealed class Fixture : AppFactory
    {
        public const long Limit = 64 * 1024;
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:MaxRecordingBytes", Limit.ToString());
        }
        public string Folder => Path.Combine(DataFolder, "recordings");
    }

    int Interview(RecordingConsent consent) => fixture.With(db =>
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var interview = db.Interviews.Single(i => i.Id == id);
        interview.RecordingConsent = consent;
        db.SaveChanges();
        return id;
    });

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int interviewId, string name, byte[] bytes)
    {
        var token = HttpClientForms.Token(await client.GetStringAsync($"/Interviews/Recordings?id={interviewId}"))!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Interviews/Recordings?id={interviewId}&handler=Upload&name={Uri.EscapeDataString(name)}")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.SendAsync(request);
    }

    int StoredFiles() => Directory.Exists(fixture.Folder)
        ? Directory.EnumerateFiles(fixture.Folder, "*", SearchOption.AllDirectories).Count() : 0;

    async Task<int> UploadedAsync(int interviewId, string name, byte[] bytes)
    {
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var response = await UploadAsync(client, interviewId, name, bytes);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Theory]
    [InlineData(RecordingConsent.NotAsked, "call.wav", "wav", 400, "has not agreed to a recording")]
    [InlineData(RecordingConsent.No, "call.wav", "wav", 400, "has not agreed to a recording")]
    [InlineData(RecordingConsent.Yes, "call.wav", "big", 413, "larger than the limit")]
    [InlineData(RecordingConsent.Yes, "call.mp3", "pdf", 400, "not a recording FieldSurvey accepts")]
    [InlineData(RecordingConsent.Yes, "call.mp3", "fake-mp3", 400, "could not be read")]
    public async Task Uploads_without_consent_too_large_or_not_audio_are_refused_with_a_message_and_nothing_is_stored(
        RecordingConsent consent, string name, string content, int status, string message)
    {
        var id = Interview(consent);
        byte[] bytes = content switch
        {
            "wav" => TestAudio.Wav(1),
            "big" => TestAudio.Wav(10),   // 80 KB > 64 KB
            "pdf" => "%PDF-1.7\n受访者：这不是录音。"u8.ToArray(),
            _ => [0xFF, 0xFB, 0x90, 0x64, .. new byte[3000]],   // an MP3 frame header, then nothing ffprobe can read
        };
        var before = StoredFiles();
        var response = await UploadAsync(await fixture.SignedInAsync(AppFactory.Interviewer), id, name, bytes);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.False(fixture.With(db => db.Recordings.Any(r => r.InterviewId == id)));
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task The_refusal_without_consent_is_in_Chinese_for_a_Chinese_browser()
    {
        var id = Interview(RecordingConsent.NotAsked);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await UploadAsync(client, id, "call.wav", TestAudio.Wav(1));
        Assert.Contains("受访者未同意录音", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_AMR_recording_is_kept_and_a_playable_Ogg_Opus_copy_is_served()
    {
        var id = Interview(RecordingConsent.Yes);
        var recordingId = await UploadedAsync(id, "通话录音.amr", TestAudio.Amr(3));
        var stored = fixture.With(db => db.Recordings.Single(r => r.Id == recordingId));
        Assert.Equal(("amr", "audio/ogg", 1), (stored.Format, stored.PlayableContentType, stored.Part));
        Assert.NotEqual(stored.Sha256, stored.PlayableSha256);
        Assert.InRange(stored.DurationMs, 2900, 3200);

        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var played = await pi.GetAsync($"/recordings/{recordingId}");
        Assert.Equal("audio/ogg", played.Content.Headers.ContentType?.MediaType);
        Assert.Equal("OggS", System.Text.Encoding.ASCII.GetString((await played.Content.ReadAsByteArrayAsync())[..4]));
        var original = await pi.GetByteArrayAsync($"/recordings/{recordingId}?original=true");
        Assert.Equal(TestAudio.Amr(3), original);
        // Stored by content hash, under the data folder.
        Assert.True(File.Exists(Path.Combine(fixture.Folder, stored.Sha256[..2], stored.Sha256)));
    }

    [Fact]
    public async Task A_range_request_answers_206_with_Content_Range_never_cached_and_the_listening_is_audited()
    {
        var id = Interview(RecordingConsent.Yes);
        var wav = TestAudio.Wav(2);
        var recordingId = await UploadedAsync(id, "call.wav", wav);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/recordings/{recordingId}");
        request.Headers.Range = new RangeHeaderValue(1000, 1099);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 1000-1099/{wav.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(wav[1000..1100], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-store, private", string.Join(", ", response.Headers.CacheControl!.ToString().Split(", ").Order()));
        Assert.Equal("bytes", string.Join("", response.Headers.AcceptRanges));

        Assert.Equal(0, fixture.With(db => db.AuditEntries.Count(a => a.Entity == "RecordingPlayback" && a.EntityId == recordingId.ToString())));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/recordings/{recordingId}")).StatusCode);
        Assert.Equal("Played", fixture.With(db => db.AuditEntries.Single(a => a.Entity == "RecordingPlayback" && a.EntityId == recordingId.ToString()).Action));
    }

    [Fact]
    public async Task Only_the_PI_the_interviewer_and_the_assigned_coder_get_the_recording()
    {
        var transcriptId = await fixture.TranscriptAsync("[00:00:02] 受访者：我们和亦庄的企业一起做临床试验。", AppFactory.Coder1);
        var interviewId = fixture.With(db => db.Transcripts.Single(t => t.Id == transcriptId).InterviewId);
        var recordingId = await fixture.WithAsync(async db =>
        {
            var interview = await db.Interviews.SingleAsync(i => i.Id == interviewId);
            interview.RecordingConsent = RecordingConsent.Yes;
            interview.Status = Core.Interviews.InterviewStatus.Draft;
            await db.SaveChangesAsync();
            return 0;
        });
        recordingId = await UploadedAsync(interviewId, "call.wav", TestAudio.Wav(1));
        var url = $"/recordings/{recordingId}";
        var other = await fixture.AddInterviewerAsync("other.interviewer@example.org");

        foreach (var email in new[] { AppFactory.PI, AppFactory.Interviewer, AppFactory.Coder1 })
            Assert.Equal(HttpStatusCode.OK, (await (await fixture.SignedInAsync(email)).GetAsync(url)).StatusCode);
        foreach (var email in new[] { AppFactory.Coder2, other })
        {
            var refused = await (await fixture.SignedInAsync(email)).GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.NotEqual("audio/wav", refused.Content.Headers.ContentType?.MediaType);
        }
        var anonymous = await fixture.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString);
        // The other interviewer cannot open the interview's recording page either.
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.SignedInAsync(other)).GetAsync($"/Interviews/Recordings?id={interviewId}")).StatusCode);
    }
}
