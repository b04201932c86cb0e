using System.Net;
using FieldSurvey.Core.Calls;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Interviews;

namespace FieldSurvey.Tests.Calls;

/// <summary>
/// Issue 24, the callback calendar. The clock is Wednesday 25 November 2026, 10:00 in Beijing; the week shown is
/// Monday 23 to Sunday 29 November. Each test seeds its own firms and callbacks (on days the others leave alone)
/// and reads only those.
/// </summary>
public sealed class CallbackCalendarPageTests(CallbackCalendarPageTests.Fixture fixture) : IClassFixture<CallbackCalendarPageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    async Task<int> BookedAsync(string nameZh, DateTimeOffset callbackUtc)
    {
        var firm = await CallingHoursSeed.FirmAsync(fixture, nameZh);
        await fixture.WithAsync(async db =>
        {
            var me = db.Users.Single(u => u.Email == AppFactory.Interviewer).Id;
            db.CallAttempts.Add(new CallAttempt { FirmId = firm, InterviewerId = me, AtUtc = TestClock.Start.AddHours(-1),
                Disposition = "2.21", CallbackAtUtc = callbackUtc });
            return await db.SaveChangesAsync();
        });
        return firm;
    }

    static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    static string Entry(string html, int firmId)
    {
        var start = html.IndexOf($"data-testid=\"callback-{firmId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"firm {firmId}'s callback is not on the calendar");
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_interviewer_sees_their_week_with_two_close_callbacks_clashing_and_a_weekend_one_outside_the_hours()
    {
        var first = await BookedAsync("日历甲公司", Utc(26, 2));          // Thu 10:00
        var second = await BookedAsync("日历乙公司", Utc(26, 2, 15));     // Thu 10:15: clashes with the first
        var later = await BookedAsync("日历丙公司", Utc(26, 7));          // Thu 15:00
        var weekend = await BookedAsync("日历丁公司", Utc(29, 3));        // Sun 11:00
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);

        var html = await interviewer.GetStringAsync("/Calls/Calendar");
        Assert.Contains("Week of 2026-11-23", html);
        Assert.Contains("data-clash=\"true\"", Entry(html, first));
        Assert.Contains("data-clash=\"true\"", Entry(html, second));
        Assert.Contains("data-clash=\"false\" data-outside=\"false\"", Entry(html, later));
        Assert.Contains("data-outside=\"true\"", Entry(html, weekend));
        Assert.Contains("10:15", Entry(html, second));
        Assert.DoesNotContain("data-testid=\"reassign-", html);   // only a PI reassigns

        var token = HttpClientForms.Token(html)!;
        var refused = await interviewer.PostAsync("/Calls/Calendar?handler=Reassign", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["firmId"] = first.ToString(), ["to"] = "x", ["version"] = "0" }));
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString);
        Assert.Equal(fixture.With(db => db.Users.Single(u => u.Email == AppFactory.Interviewer).Id), fixture.With(db => db.Firms.Single(f => f.Id == first).AssignedInterviewerId));

        var nextWeek = await interviewer.GetStringAsync("/Calls/Calendar?week=2026-12-01");
        Assert.Contains("Week of 2026-11-30", nextWeek);
        Assert.DoesNotContain($"data-testid=\"callback-{first}\"", nextWeek);
    }

    [Fact]
    public async Task The_PI_reassigns_a_callback_and_it_moves_to_the_other_interviewers_list_and_calendar_audited()
    {
        var firm = await BookedAsync("改派回拨公司", Utc(27, 3));   // Fri 11:00
        var otherEmail = await fixture.AddInterviewerAsync("calendar.second@example.org");
        var other = fixture.With(db => db.Users.Single(u => u.Email == otherEmail).Id);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var html = await pi.GetStringAsync("/Calls/Calendar?week=2026-11-27");
        Assert.Contains("data-testid=\"reassign-" + firm + "\"", html);
        var version = fixture.With(db => db.Firms.Single(f => f.Id == firm).Version);

        var moved = await pi.PostAsync("/Calls/Calendar?handler=Reassign&week=2026-11-23", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpClientForms.Token(html)!, ["firmId"] = firm.ToString(), ["to"] = other,
            ["version"] = version.ToString(), ["reason"] = "原访谈员周五请假",
        }));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(other, fixture.With(db => db.Firms.Single(f => f.Id == firm).AssignedInterviewerId));
        var audit = fixture.With(db => db.AuditEntries.Where(a => a.Entity == "Firm" && a.EntityId == firm.ToString()).OrderBy(a => a.Id).ToList().Last());
        Assert.Equal("原访谈员周五请假", audit.Reason);
        Assert.Contains(other, audit.After);

        var page = await pi.GetStringAsync("/Calls/Calendar?week=2026-11-23");
        var row = page[page.IndexOf($"data-testid=\"row-{other}\"", StringComparison.Ordinal)..];
        Assert.Contains($"data-testid=\"callback-{firm}\"", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);
        Assert.DoesNotContain("改派回拨公司", await (await fixture.SignedInAsync(AppFactory.Interviewer)).GetStringAsync("/Calls"));
        Assert.Contains("改派回拨公司", await (await fixture.SignedInAsync(otherEmail)).GetStringAsync("/Calls"));

        // The form read before the move carries the old version: a second move from it is refused.
        var stale = await pi.PostAsync("/Calls/Calendar?handler=Reassign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpClientForms.Token(html)!, ["firmId"] = firm.ToString(),
            ["to"] = fixture.With(db => db.Users.Single(u => u.Email == AppFactory.Interviewer).Id), ["version"] = version.ToString(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(other, fixture.With(db => db.Firms.Single(f => f.Id == firm).AssignedInterviewerId));
    }
}
