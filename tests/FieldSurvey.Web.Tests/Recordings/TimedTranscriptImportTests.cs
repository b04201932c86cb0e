using System.Net;
using System.Text;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Interviews;

namespace FieldSurvey.Tests.Recordings;

/// <summary>SRT and WebVTT files uploaded on the transcript page become timed turns; a turn's time set later is a revision that keeps segments anchored.</summary>
public sealed class TimedTranscriptImportTests(TimedTranscriptImportTests.Fixture fixture) : IClassFixture<TimedTranscriptImportTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string fileName, string content, int version = 0)
    {
        var page = await client.GetStringAsync($"/Interviews/Transcript?id={id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HttpClientForms.Token(page)!), "__RequestVerificationToken" },
            { new StringContent(version.ToString()), "Input.Version" },
            { new StringContent(""), "Input.Text" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "Input.File", fileName },
        };
        return await client.PostAsync($"/Interviews/Transcript?id={id}", form);
    }

    IReadOnlyList<Turn> Turns(int id) => TranscriptTurns.Parse(fixture.With(db => db.Transcripts.Single(t => t.InterviewId == id).Text));

    [Fact]
    public async Task A_Chinese_SRT_file_becomes_timed_turns_shown_with_their_times()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        const string srt = "1\r\n00:00:02,000 --> 00:00:05,000\r\n访谈员：贵公司和大兴的企业有合作吗？\r\n\r\n2\r\n00:01:05,500 --> 00:01:09,000\r\n受访者：有，我们从大兴采购原料。\r\n";
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, "讯飞听见.srt", srt)).StatusCode);
        var turns = Turns(id);
        Assert.Equal([(Speaker.Interviewer, TimeSpan.FromSeconds(2)), (Speaker.Respondent, TimeSpan.FromMilliseconds(65_500))], turns.Select(t => (t.Speaker, t.At!.Value)));
        Assert.Equal("有，我们从大兴采购原料。", turns[1].Text);
        var page = await client.GetStringAsync($"/Interviews/Transcript?id={id}");
        Assert.Contains("data-turn-at=\"65.5\"", page);
        Assert.Contains(">1:05</span>", page);
    }

    [Fact]
    public async Task An_English_WebVTT_file_with_voices_becomes_timed_turns()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        const string vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Interviewer>Who are your main suppliers?\n\n00:00:03.500 --> 00:00:08.000\n<v Respondent>A CRO in ZLS Park and a hospital in Daxing.\n";
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, "whisper.vtt", vtt)).StatusCode);
        var turns = Turns(id);
        Assert.Equal([(Speaker.Interviewer, TimeSpan.FromSeconds(1)), (Speaker.Respondent, TimeSpan.FromSeconds(3.5))], turns.Select(t => (t.Speaker, t.At!.Value)));
        Assert.Equal("A CRO in ZLS Park and a hospital in Daxing.", turns[1].Text);
    }

    [Fact]
    public async Task A_bad_cue_time_is_refused_at_the_field_by_line_and_nothing_is_saved()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await UploadAsync(client, id, "bad.srt", "1\n00:00:01,000 --> 00:00:02,000\n好\n\n2\n00:00:99,000 --> 00:01:00,000\n坏\n");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第 6 行：无法读取该字幕条的时间", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(fixture.With(db => db.Transcripts.Any(t => t.InterviewId == id)));
    }

    [Fact]
    public async Task Setting_a_turns_time_is_a_revision_that_keeps_the_earlier_text_and_the_segments_anchored()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        const string text = "访谈员：贵公司和亦庄有合作吗？\n受访者：我们和亦庄的企业一起做临床试验。";
        var (transcriptId, segmentId) = fixture.With(db =>
        {
            var t = new Transcript { InterviewId = id, Text = text, UpdatedAtUtc = TestClock.Start };
            db.Transcripts.Add(t);
            db.SaveChanges();
            var start = text.IndexOf("一起做临床试验", StringComparison.Ordinal);
            var s = new Segment { TranscriptId = t.Id, CoderId = db.Users.Single(u => u.Email == AppFactory.Coder1).Id, Start = start, End = start + 7, Quote = "一起做临床试验", CreatedAtUtc = TestClock.Start };
            db.Segments.Add(s);
            db.SaveChanges();
            return (t.Id, s.Id);
        });
        var respondent = TranscriptTurns.Parse(text)[1].Start;
        var version = fixture.With(db => db.Transcripts.Single(t => t.Id == transcriptId).Version);
        var response = await client.PostFormAsync($"/Interviews/Transcript?id={id}&handler=Time",
            new() { ["turnStart"] = respondent.ToString(), ["seconds"] = "12.34", ["version"] = version.ToString() }, $"/Interviews/Transcript?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var revised = fixture.With(db => db.Transcripts.Single(t => t.Id == transcriptId));
        Assert.Equal("访谈员：贵公司和亦庄有合作吗？\n[00:00:12.300] 受访者：我们和亦庄的企业一起做临床试验。", revised.Text);
        Assert.Equal(text, fixture.With(db => db.TranscriptRevisions.Single(r => r.TranscriptId == transcriptId && r.Revision == 1).Text));
        var segment = fixture.With(db => db.Segments.Single(s => s.Id == segmentId));
        Assert.Equal("一起做临床试验", revised.Text[segment.Start..segment.End]);
        Assert.Equal(AnchorState.Moved, segment.Anchor);
    }

    [Fact]
    public async Task The_passage_CSV_carries_each_passages_time_in_the_recording()
    {
        const string text = "[00:00:03] 访谈员：贵公司和亦庄有合作吗？\n[00:01:05.500] 受访者：我们和亦庄的药厂一起做临床试验。\n还从亦庄招人。";
        var transcriptId = await Coding.CodingSetup.TranscriptAsync(fixture, text, AppFactory.Coder1);
        fixture.With(db =>
        {
            var coder = db.Users.Single(u => u.Email == AppFactory.Coder1).Id;
            foreach (var quote in new[] { "贵公司和亦庄有合作吗", "还从亦庄招人" })
            {
                var start = text.IndexOf(quote, StringComparison.Ordinal);
                db.Segments.Add(new Segment { TranscriptId = transcriptId, CoderId = coder, Start = start, End = start + quote.Length, Quote = quote, CreatedAtUtc = TestClock.Start });
            }
            return db.SaveChanges();
        });
        var csv = await (await fixture.SignedInAsync(AppFactory.PI)).GetStringAsync("/Coding/Search?handler=Csv");
        using var reader = new CsvHelper.CsvReader(new StringReader(csv.TrimStart('\uFEFF')), System.Globalization.CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        string TimeOf(string quote) => (string)rows.Single(r => (string)r["quote"] == quote)["time"];
        Assert.Equal("00:00:03", TimeOf("贵公司和亦庄有合作吗"));
        // A line without a marker belongs to the turn before it.
        Assert.Equal("00:01:05.500", TimeOf("还从亦庄招人"));
    }
}
