using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Home;

static class Html
{
    /// <summary>The text of the element with this data-testid (no nested elements).</summary>
    public static string Cell(string html, string testId) => Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>([^<]*)<").Groups[1].Value.Trim();

    /// <summary>The data-firm-id values inside the element with this data-testid, in page order.</summary>
    public static List<string> FirmIds(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId} on the page");
        var end = html.IndexOf(testId.StartsWith("home-next", StringComparison.Ordinal) ? "</ol>" : "</table>", start, StringComparison.Ordinal);
        return Regex.Matches(html[start..end], "data-firm-id=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
    }
}

/// <summary>The PI's home: its figures are the progress, agreement and report pages' figures, worked here by hand.</summary>
public sealed class PiHomeTests(PiHomeTests.Fixture fixture) : IClassFixture<PiHomeTests.Fixture>
{
    public sealed class Fixture() : AppFactory(demo: false);

    const string PiEmail = "home-pi@example.org";

    async Task SeedAsync()
    {
        var now = fixture.Now();
        var pi = await fixture.UserAsync(PiEmail, "America/Toronto", "PI");
        var caller = await fixture.UserAsync("home-caller@example.org", "Asia/Shanghai", "Interviewer");
        var coderA = await fixture.UserAsync("home-coder-a@example.org", "Asia/Shanghai", "Coder");
        var coderB = await fixture.UserAsync("home-coder-b@example.org", "America/Toronto", "Coder");
        fixture.With(db =>
        {
            var at = now.AddDays(-3);
            // ZLS: a complete and a refusal → RR1 1/2. YZ: a complete, one never called (UH), one non-contact → 1/3.
            // DX: one not eligible (left out of every rate) → no denominator; its retired firm's complete is out of the frame.
            int z1 = db.Firm("ZLS", "Z1", caller), z2 = db.Firm("ZLS", "Z2", caller);
            int y1 = db.Firm("YZ", "Y1", caller), y2 = db.Firm("YZ", "Y2", null), y3 = db.Firm("YZ", "Y3", caller);
            int d1 = db.Firm("DX", "D1", null), d2 = db.Firm("DX", "D2 retired", caller, FirmStatus.Retired);
            db.Call(z1, caller, at, "1.1"); db.Call(z2, caller, at, "2.11"); db.Call(y1, caller, at, "1.1");
            db.Call(y3, caller, at, "2.21"); db.Call(d1, caller, at, "4.30"); db.Call(d2, caller, at, "1.1");

            // Interviews: one of each status but Locked; four transcripts.
            var approved = db.Interview(z1, caller, InterviewStatus.Approved);
            var submitted = db.Interview(y1, caller, InterviewStatus.Submitted);
            db.Interview(y2, caller, InterviewStatus.Draft);
            var returned = db.Interview(z2, caller, InterviewStatus.Returned, "C 部分缺失");
            var adjudicated = db.Interview(y3, caller, InterviewStatus.Approved);
            int t1 = db.Transcript(approved), t2 = db.Transcript(submitted), t3 = db.Transcript(returned), t4 = db.Transcript(adjudicated);
            // t1, t4: both coders finished (double-coded); t4 adjudicated (a consensus segment); t2 one coder; t3 no coder.
            db.Assign(t1, coderA, true, at); db.Assign(t1, coderB, true, at);
            db.Assign(t4, coderA, true, at); db.Assign(t4, coderB, true, at);
            db.Assign(t2, coderA, true, at);
            // Linkage-type units (A, B): t1 (research, research), (research, labour), (labour, labour); t4 (research, research).
            db.Segment(t1, coderA, 0, "research"); db.Segment(t1, coderB, 0, "research");
            db.Segment(t1, coderA, 20, "research"); db.Segment(t1, coderB, 20, "labour");
            db.Segment(t1, coderA, 40, "labour"); db.Segment(t1, coderB, 40, "labour");
            db.Segment(t4, coderA, 0, "research"); db.Segment(t4, coderB, 0, "research");
            db.Segment(t4, null, 0, "research", consensus: true);
            db.Segment(t2, coderA, 0, "knowledge");
            return 0;
        });
        _ = pi;
    }

    [Fact]
    public async Task The_PI_home_shows_the_progress_pages_response_rates_interviews_coding_agreement_and_the_suggested_classification()
    {
        await SeedAsync();
        var client = await fixture.SignedInAsync(PiEmail);
        var home = await client.HtmlAsync("/");
        var progress = await client.HtmlAsync("/Reports/Progress");

        // RR1 = I / (I+P+R+NC+O+UH+UO): ZLS 1/2, YZ 1/3, DX 0/0 (only a not-eligible firm), all parks 2/5.
        Assert.Equal("50.0%", Html.Cell(home, "home-rr1-ZLS"));
        Assert.Equal("33.3%", Html.Cell(home, "home-rr1-YZ"));
        Assert.Equal("—", Html.Cell(home, "home-rr1-DX"));
        Assert.Equal("40.0%", Html.Cell(home, "home-rr1-all"));
        Assert.Equal("2", Html.Cell(home, "home-complete-all"));
        foreach (var park in new[] { "all", "ZLS", "YZ", "DX" })
            Assert.Equal(Html.Cell(progress, $"rate-RR1-{park}"), Html.Cell(home, $"home-rr1-{park}"));

        Assert.Equal("1", Html.Cell(home, "home-interviews-Draft"));
        Assert.Equal("1", Html.Cell(home, "home-interviews-Submitted"));
        Assert.Equal("1", Html.Cell(home, "home-interviews-Returned"));
        Assert.Equal("2", Html.Cell(home, "home-interviews-Approved"));
        Assert.Equal("0", Html.Cell(home, "home-interviews-Locked"));

        Assert.Equal("4", Html.Cell(home, "home-transcripts"));
        Assert.Equal("3", Html.Cell(home, "home-coded"));
        Assert.Equal("2", Html.Cell(home, "home-double-coded"));
        Assert.Equal("1", Html.Cell(home, "home-adjudicated"));

        // Nominal alpha over 4 units, 8 values (research 5, labour 3), one disagreeing pair counted both ways:
        // α = 1 − (n−1)·Σ o(c≠k) / Σ n_c·n_k = 1 − 7·2 / (2·5·3) = 16/30 = 0.533.
        Assert.Equal("0.533", Html.Cell(home, "home-alpha-value-LinkageType"));
        var agreement = await client.HtmlAsync("/Agreement");
        var firstRow = Regex.Match(agreement, "data-testid=\"agreement-table-0\".*?<tbody>\\s*<tr>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cells = Regex.Matches(firstRow, "<td[^>]*>(?:<span[^>]*>)?([^<]*)").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal("0.533", cells[5]);                                   // the agreement page's first row: linkage type, alpha
        var homeRow = Regex.Match(home, "data-testid=\"home-alpha-LinkageType\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"{cells[7]} – {cells[8]}", homeRow);              // the same bootstrap interval

        var report = await client.HtmlAsync("/Reports");
        Assert.Equal(Html.Cell(report, "suggested-all"), Html.Cell(home, "home-suggested-all"));
        Assert.Equal("Insufficient evidence", Html.Cell(home, "home-suggested-all"));   // 4 coded mentions is below any minimum
        Assert.Contains("href=\"/Reports#classification\"", home);
        Assert.Contains("id=\"classification\"", report);

        // What waits, with the count in the right grammatical number.
        Assert.Equal("1 interview to review", Html.Cell(home, "todo-review"));
        Assert.Equal("2 firms without an interviewer", Html.Cell(home, "todo-firms"));      // Y2, D1 (the retired firm does not count)
        Assert.Equal("1 transcript without a coder", Html.Cell(home, "todo-transcripts"));
        Assert.Equal("1 double-coded transcript to adjudicate", Html.Cell(home, "todo-adjudicate"));

        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var chinese = await client.HtmlAsync("/");
        Assert.Equal("待审核访谈 1 次", Html.Cell(chinese, "todo-review"));
        Assert.Equal("2 家企业尚未分配访谈员", Html.Cell(chinese, "todo-firms"));
        Assert.DoesNotContain("data-testid=\"home-interviewer\"", home);
        Assert.DoesNotContain("data-testid=\"home-coder\"", home);
    }
}

/// <summary>The interviewer's home: callbacks of their own day in both clocks, and the call list's first firms in its order.</summary>
public sealed class InterviewerHomeTests(InterviewerHomeTests.Fixture fixture) : IClassFixture<InterviewerHomeTests.Fixture>
{
    public sealed class Fixture() : AppFactory(demo: false);

    [Fact]
    public async Task The_interviewer_home_shows_todays_callbacks_in_both_clocks_the_next_firms_and_open_interviews()
    {
        var now = fixture.Now();
        // An interviewer in Toronto calling Beijing: two clocks differ, and "today" is the Toronto day.
        var me = await fixture.UserAsync("home-toronto@example.org", "America/Toronto", "Interviewer");
        var toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTime(now, toronto);
        var endOfDay = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local.Date.AddDays(1), toronto), TimeSpan.Zero);
        var laterToday = now + (endOfDay - now) / 2;
        var overdue = now.AddMinutes(-30);
        var (due, later, tomorrow, fresh, submitted) = fixture.With(db =>
        {
            int a = db.Firm("ZLS", "Due callback", me), b = db.Firm("YZ", "Later today", me), c = db.Firm("DX", "Tomorrow", me);
            int d = db.Firm("ZLS", "Never called", me), e = db.Firm("YZ", "Submitted", me);
            db.Call(a, me, now.AddDays(-1), "2.21", callback: overdue);
            db.Call(b, me, now.AddDays(-1), "2.21", callback: laterToday);
            db.Call(c, me, now.AddDays(-1), "2.21", callback: endOfDay.AddHours(2));
            db.Interview(a, me, InterviewStatus.Draft);
            db.Interview(b, me, InterviewStatus.Returned, "请补充 C 部分");
            return (a, b, c, d, db.Interview(e, me, InterviewStatus.Submitted));
        });

        var client = await fixture.SignedInAsync("home-toronto@example.org");
        var home = await client.HtmlAsync("/");

        Assert.Equal([due.ToString(CultureInfo.InvariantCulture), later.ToString(CultureInfo.InvariantCulture)], Html.FirmIds(home, "home-callbacks"));
        string Both(DateTimeOffset utc) =>
            $"{TimeZoneInfo.ConvertTime(utc, toronto):yyyy-MM-dd HH:mm} (Beijing {TimeZoneInfo.ConvertTime(utc, beijing):yyyy-MM-dd HH:mm})";
        Assert.Contains(Both(overdue), home);
        Assert.Contains(Both(laterToday), home);
        Assert.DoesNotContain(Both(endOfDay.AddHours(2)), home);

        // The call list's order (due callbacks, never called, later callbacks), the same as /Calls.
        var calls = await client.HtmlAsync("/Calls");
        Assert.Equal(Html.FirmIds(calls, "call-list"), Html.FirmIds(home, "home-next-calls"));
        var neverCalled = fixture.With(db => db.Interviews.Single(i => i.Id == submitted).FirmId);   // its firm was never called either
        Assert.Equal(new[] { due, fresh, neverCalled, later, tomorrow }.Select(i => i.ToString(CultureInfo.InvariantCulture)), Html.FirmIds(home, "home-next-calls"));
        Assert.Equal("Call list: 5 firms", Html.Cell(home, "home-call-list"));

        Assert.Contains("2 interviews are drafts or were returned to you.", home);
        Assert.Contains("请补充 C 部分", home);
        Assert.Equal(2, Regex.Matches(home, "data-interview-id=").Count);
        Assert.DoesNotContain($"data-interview-id=\"{submitted}\"", home);
        Assert.DoesNotContain("data-testid=\"home-pi\"", home);
    }
}

/// <summary>The coder's home: their own queue, open work first, with their own segments counted.</summary>
public sealed class CoderHomeTests(CoderHomeTests.Fixture fixture) : IClassFixture<CoderHomeTests.Fixture>
{
    public sealed class Fixture() : AppFactory(demo: false);

    [Fact]
    public async Task The_coder_home_shows_the_queue_with_progress_and_segments_that_need_attention()
    {
        var now = fixture.Now();
        var me = await fixture.UserAsync("home-coder@example.org", "Asia/Shanghai", "Coder");
        var other = await fixture.UserAsync("home-other-coder@example.org", "Asia/Shanghai", "Coder");
        var caller = await fixture.UserAsync("home-coder-caller@example.org", "Asia/Shanghai", "Interviewer");
        var (done, open) = fixture.With(db =>
        {
            var t1 = db.Transcript(db.Interview(db.Firm("ZLS", "Finished", caller), caller, InterviewStatus.Approved));
            var t2 = db.Transcript(db.Interview(db.Firm("YZ", "Open", caller), caller, InterviewStatus.Approved));
            db.Assign(t1, me, true, now.AddDays(-2));
            db.Assign(t2, me, false, now.AddDays(-1));
            db.Assign(t2, other, false, now.AddDays(-1));
            db.Segment(t1, me, 0, "research"); db.Segment(t1, me, 20, "labour"); db.Segment(t1, me, 40, "knowledge");
            db.Segment(t2, me, 0, "research", anchor: AnchorState.Lost);
            db.Segment(t2, other, 20, "research");   // another coder's work is not mine
            return (t1, t2);
        });

        var client = await fixture.SignedInAsync("home-coder@example.org");
        var home = await client.HtmlAsync("/");
        Assert.Contains("1 of 2 transcripts complete; 4 segments coded", Regex.Replace(Html.Cell(home, "home-coder-progress"), "\\s+", " "));
        Assert.StartsWith("1 segment needs attention", Html.Cell(home, "home-coder-attention"));
        var rows = Regex.Matches(home, "data-transcript-id=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([open, done], rows);                                   // open work first
        Assert.Contains("href=\"/Coding/Codebook\"", home);
        Assert.DoesNotContain("data-testid=\"home-pi\"", home);
        Assert.DoesNotContain("data-testid=\"home-interviewer\"", home);
    }

    [Fact]
    public async Task A_person_with_all_three_roles_sees_each_block()
    {
        await fixture.UserAsync("home-everything@example.org", "Asia/Shanghai", "PI", "Interviewer", "Coder");
        var home = await (await fixture.SignedInAsync("home-everything@example.org")).HtmlAsync("/");
        Assert.Contains("data-testid=\"home-pi\"", home);
        Assert.Contains("data-testid=\"home-interviewer\"", home);
        Assert.Contains("data-testid=\"home-coder\"", home);
    }
}
