using System.Net;
using System.Text.RegularExpressions;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Calls;

public sealed class CallPagesTests(CallPagesTests.Fixture fixture) : IClassFixture<CallPagesTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    int FirmId(string nameEn) => fixture.With(db => db.Firms.Single(f => f.NameEn == nameEn).Id);

    [Fact]
    public async Task A_complete_interview_outcome_goes_on_to_start_the_interview()
    {
        var id = FirmId("Yichuang Bioengineering Co.");
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var response = await client.PostFormAsync($"/Calls/Log?firmId={id}",
            new() { ["Input.At"] = "2026-01-05T10:00", ["Input.Outcome"] = "1.1", ["Input.Number"] = "+86 10 6788 2003" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Interviews/Start?firmId={id}", response.Headers.Location!.OriginalString);
        Assert.Equal("1.1", fixture.With(db => db.CallAttempts.Single(a => a.FirmId == id).Disposition));
    }

    [Fact]
    public async Task A_callback_entered_in_Beijing_time_is_stored_in_UTC_and_a_past_callback_is_refused()
    {
        var id = FirmId("Zhongke Qiming Pharma Research Institute");
        var client = await fixture.SignedInAsync(AppFactory.PI);   // the demo PI lives in Toronto
        var past = await client.PostFormAsync($"/Calls/Log?firmId={id}",
            new() { ["Input.At"] = "2026-01-05T10:00", ["Input.Outcome"] = "2.21", ["Input.CallbackAt"] = "2020-01-01T10:00", ["Input.CallbackZone"] = "Beijing" });
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("The callback must be in the future.", await past.Content.ReadAsStringAsync());

        var ok = await client.PostFormAsync($"/Calls/Log?firmId={id}",
            new() { ["Input.At"] = "2026-01-05T10:00", ["Input.Outcome"] = "2.21", ["Input.CallbackAt"] = "2099-03-02T10:00", ["Input.CallbackZone"] = "Beijing" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var attempt = fixture.With(db => db.CallAttempts.Single(a => a.FirmId == id));
        Assert.Equal(new DateTimeOffset(2099, 3, 2, 2, 0, 0, TimeSpan.Zero), attempt.CallbackAtUtc);   // 10:00 Beijing = 02:00 UTC
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.Zero), attempt.AtUtc);          // 10:00 Toronto (EST) = 15:00 UTC
    }

    [Fact]
    public async Task The_progress_page_shows_the_rates_of_the_demo_data_with_their_counts()
    {
        // Demo frame, 12 active firms: 1.1 ×2 (I), 2.11 (R), 2.21 (NC), 3.13 (UH), 4.30 (NE), 6 never called (3.11, UH).
        // Other tests of this class add calls to Yichuang (YZ) and Zhongke (ZLS), so read only DX here:
        // DX = Tiantan 3.13, Tongren 4.30, Huachen 3.11, Xinyuan 3.11 → I=0, UH=3, NE=1: RR1 = 0/3 = 0.0%, COOP1 = 0/0 = —.
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var html = await client.GetStringAsync("/Reports/Progress");
        string Cell(string testId) => Regex.Match(html, $"data-testid=\"{testId}\">([^<]*)<").Groups[1].Value;
        Assert.Equal("0.0%", Cell("rate-RR1-DX"));
        Assert.Equal("—", System.Net.WebUtility.HtmlDecode(Cell("rate-COOP1-DX")));
        Assert.Equal("3", Cell("count-UH-DX"));
        Assert.Equal("1", Cell("count-NE-DX"));
    }

    [Fact]
    public async Task The_call_list_shows_the_interviewers_due_firms_and_not_closed_ones()
    {
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Calls"));
        Assert.Contains("大兴天坛生物制品有限公司", html);           // no answer: a retry
        Assert.DoesNotContain("京东方医疗器械有限公司", html);          // refused: final
        Assert.DoesNotContain("同仁堂中药科技有限公司", html);          // 4.30: not eligible
        Assert.DoesNotContain("燕园基因技术有限公司", html);            // not assigned to this interviewer
    }
}
