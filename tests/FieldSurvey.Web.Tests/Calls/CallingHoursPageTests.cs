using System.Net;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Calls;

/// <summary>
/// Issue 24, calling hours, through the pages. <see cref="TestClock.Start"/> is Wednesday 25 November 2026, 10:00 in
/// Beijing: inside the default hours (Monday to Friday, 09:00–12:00 and 13:30–17:30). Each class that needs another
/// hour or other hours has its own app, so no test depends on another's clock or settings.
/// </summary>
public static class CallingHoursSeed
{
    public static Task<int> FirmAsync(AppFactory app, string nameZh) => app.WithAsync(async db =>
    {
        var firm = new Firm { NameZh = nameZh, ParkId = db.Parks.Single(p => p.Code == "DX").Id,
            AssignedInterviewerId = db.Users.Single(u => u.Email == AppFactory.Interviewer).Id };
        db.Firms.Add(firm);
        await db.SaveChangesAsync();
        db.Contacts.Add(new Contact { FirmId = firm.Id, Name = "", Phones = ["+86 10 6000 " + (1000 + firm.Id)] });
        await db.SaveChangesAsync();
        return firm.Id;
    });

    public static string Row(string html, int firmId)
    {
        var start = html.IndexOf($"data-firm-id=\"{firmId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"firm {firmId} is not on the list");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

public sealed class CallingHoursPageTests(CallingHoursPageTests.Fixture fixture) : IClassFixture<CallingHoursPageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static Dictionary<string, string> Callback(string beijing, bool confirmed = false) => new()
    {
        ["Input.At"] = "2026-11-25T09:55", ["Input.Outcome"] = "2.21", ["Input.Number"] = "",
        ["Input.CallbackAt"] = beijing, ["Input.CallbackZone"] = "Beijing", ["Input.OutsideHoursConfirmed"] = confirmed ? "true" : "false",
    };

    [Fact]
    public async Task Inside_the_hours_the_call_list_and_the_log_say_so_and_mark_no_firm()
    {
        var firm = await CallingHoursSeed.FirmAsync(fixture, "时段内公司");
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var list = await interviewer.GetStringAsync("/Calls");
        Assert.Contains("data-testid=\"calling-hours\" data-open=\"true\"", list);
        Assert.Contains("Wed 2026-11-25 10:00", list);
        Assert.DoesNotContain("data-testid=\"outside-hours\"", CallingHoursSeed.Row(list, firm));
        var log = await interviewer.GetStringAsync($"/Calls/Log?firmId={firm}");
        Assert.Contains("data-testid=\"firm-time\" data-open=\"true\"", log);
    }

    [Fact]
    public async Task A_callback_booked_outside_the_hours_asks_for_confirmation_at_the_field_and_is_saved_once_confirmed()
    {
        var firm = await CallingHoursSeed.FirmAsync(fixture, "周末回拨公司");
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);

        var asked = await interviewer.PostFormAsync($"/Calls/Log?firmId={firm}", Callback("2026-11-28T10:00"));   // a Saturday
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = await asked.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.CallbackAt\"[^>]*>The callback, at Sat 2026-11-28 10:00 in Beijing, is outside the calling hours \\(Not a calling day: calling opens again Mon 2026-11-30 09:00\\)", html);
        Assert.Contains("data-testid=\"outside-hours-confirm\"", html);
        Assert.Equal(0, fixture.With(db => db.CallAttempts.Count(a => a.FirmId == firm)));

        var lunch = await interviewer.PostFormAsync($"/Calls/Log?firmId={firm}", Callback("2026-11-26T12:45"));
        Assert.Contains("Lunch break: calling opens again Thu 2026-11-26 13:30", await lunch.Content.ReadAsStringAsync());
        Assert.Equal(0, fixture.With(db => db.CallAttempts.Count(a => a.FirmId == firm)));

        var confirmed = await interviewer.PostFormAsync($"/Calls/Log?firmId={firm}", Callback("2026-11-28T10:00", confirmed: true));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero), fixture.With(db => db.CallAttempts.Single(a => a.FirmId == firm).CallbackAtUtc));
    }

    [Fact]
    public async Task A_callback_inside_the_hours_is_saved_without_a_question()
    {
        var firm = await CallingHoursSeed.FirmAsync(fixture, "时段内回拨公司");
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var saved = await interviewer.PostFormAsync($"/Calls/Log?firmId={firm}", Callback("2026-11-26T14:00"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, fixture.With(db => db.CallAttempts.Count(a => a.FirmId == firm)));
    }
}

/// <summary>The same study at 12:30 in Beijing, in the lunch break.</summary>
public sealed class CallingHoursLunchTests(CallingHoursLunchTests.Fixture fixture) : IClassFixture<CallingHoursLunchTests.Fixture>
{
    public sealed class Fixture() : AppFactory(now: new DateTimeOffset(2026, 11, 25, 4, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task In_the_lunch_break_the_call_list_marks_the_firms_due_and_says_when_calling_opens()
    {
        var firm = await CallingHoursSeed.FirmAsync(fixture, "午休公司");
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var list = await interviewer.GetStringAsync("/Calls");
        Assert.Contains("data-testid=\"calling-hours\" data-open=\"false\"", list);
        Assert.Contains("Lunch break: calling opens again Wed 2026-11-25 13:30", list);
        Assert.Contains("data-testid=\"outside-hours\"", CallingHoursSeed.Row(list, firm));
        Assert.Contains("data-testid=\"firm-time\" data-open=\"false\"", await interviewer.GetStringAsync($"/Calls/Log?firmId={firm}"));

        var chinese = await fixture.SignedInAsync(AppFactory.Interviewer);
        chinese.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("zh-CN"));
        Assert.Contains("午休：周三 2026-11-25 13:30 重新开始拨打", await chinese.GetStringAsync("/Calls"));
    }
}

/// <summary>The PI edits the hours: a holiday today closes the list.</summary>
public sealed class CallingHoursSettingsTests(CallingHoursSettingsTests.Fixture fixture) : IClassFixture<CallingHoursSettingsTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    string? Stored() => fixture.With(db => db.StudySettings.Single().CallingHoursJson);

    [Fact]
    public async Task The_PI_sees_the_default_names_a_wrong_line_at_its_field_saves_a_holiday_and_a_stale_edit_is_refused()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var form = await pi.GetStringAsync("/Admin/CallingHours");
        Assert.Contains("value=\"09:00–12:00, 13:30–17:30\"", form);
        Assert.Contains("id=\"day-Friday\" checked=\"checked\"", form);
        Assert.DoesNotContain("id=\"day-Saturday\" checked", form);
        var version = fixture.With(db => db.StudySettings.Single().Version).ToString();

        Dictionary<string, string> Input(string holidays) => new()
        {
            ["Input.Version"] = version, ["Input.Windows"] = "09:00-12:00, 13:30-17:30",
            ["Input.Holidays"] = holidays, ["Input.WorkingDays"] = "2026-11-28",
        };
        var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" };
        static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, string[] days)
        {
            var page = await client.GetStringAsync("/Admin/CallingHours");
            var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", HttpClientForms.Token(page)!))
                .Concat(days.Select(d => new KeyValuePair<string, string>("Input.Days", d))));
            return await client.PostAsync("/Admin/CallingHours", content);
        }

        var wrong = await PostAsync(pi, Input("2027-01-01 元旦\n1 October"), days);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Holidays\"[^>]*>Line 2 \\(1 October\\): Write a date as 2027-01-01", await wrong.Content.ReadAsStringAsync());
        Assert.Null(Stored());

        var saved = await PostAsync(pi, Input("2026-11-25..2026-11-26 测试假日\n2027-01-01 元旦"), days);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var hours = CallingHours.FromJson(Stored());
        Assert.Equal(CallingState.Holiday, hours.At(new DateTime(2026, 11, 26, 10, 0, 0)).State);
        Assert.True(hours.IsCallingDay(new DateOnly(2026, 11, 28)));   // the Saturday worked instead
        Assert.Contains("2026-11-25..2026-11-26 测试假日", await pi.GetStringAsync("/Admin/CallingHours"));

        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var list = await interviewer.GetStringAsync("/Calls");
        Assert.Contains("data-testid=\"calling-hours\" data-open=\"false\"", list);
        Assert.Contains("Holiday (测试假日): calling opens again Fri 2026-11-27 09:00", list);

        var stale = await PostAsync(pi, Input(""), days);   // the version read before the save
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed these settings", await stale.Content.ReadAsStringAsync());
        Assert.Contains("测试假日", Stored());
    }
}
