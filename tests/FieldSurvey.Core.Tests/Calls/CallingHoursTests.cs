using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

/// <summary>
/// Issue 24, calling hours. Dates worked by hand from the calendar: 2026-11-25 is a Wednesday, 2026-11-28 a Saturday,
/// 2027-02-05 a Friday (1 January 2027 is a Friday, and 5 February is 35 days on) and 2027-02-13 a Saturday.
/// </summary>
public sealed class CallingHoursTests
{
    static readonly CallingHours Hours = CallingHours.Default;
    static DateTime At(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0);

    [Theory]
    [InlineData(10, 0, CallingState.Open)]
    [InlineData(9, 0, CallingState.Open)]           // a window starts at its first minute
    [InlineData(8, 59, CallingState.BeforeHours)]
    [InlineData(12, 0, CallingState.Break)]         // and ends before its last
    [InlineData(13, 29, CallingState.Break)]
    [InlineData(13, 30, CallingState.Open)]
    [InlineData(17, 30, CallingState.AfterHours)]
    public void The_default_hours_are_Beijing_office_hours_with_a_lunch_break(int hour, int minute, CallingState expected) =>
        Assert.Equal(expected, Hours.At(At(2026, 11, 25, hour, minute)).State);

    [Fact]
    public void Outside_the_hours_the_next_opening_is_the_next_window_of_the_next_calling_day()
    {
        Assert.Null(Hours.At(At(2026, 11, 25, 10)).NextOpen);
        Assert.Equal(At(2026, 11, 25, 13, 30), Hours.At(At(2026, 11, 25, 12, 15)).NextOpen);
        Assert.Equal(At(2026, 11, 25, 9, 0), Hours.At(At(2026, 11, 25, 7, 0)).NextOpen);
        Assert.Equal(At(2026, 11, 26, 9, 0), Hours.At(At(2026, 11, 25, 18, 0)).NextOpen);
        // Friday evening and the weekend open on Monday.
        Assert.Equal(At(2026, 11, 30, 9, 0), Hours.At(At(2026, 11, 27, 18, 0)).NextOpen);
        var saturday = Hours.At(At(2026, 11, 28, 10, 0));
        Assert.Equal(CallingState.DayOff, saturday.State);
        Assert.Equal(At(2026, 11, 30, 9, 0), saturday.NextOpen);
    }

    [Fact]
    public void A_holiday_closes_its_days_and_an_adjusted_working_weekend_day_opens()
    {
        var (hours, problems) = CallingHours.Parse(Hours.Days, "09:00-12:00, 13:30-17:30",
            "2027-01-01 元旦\n2027-02-05..2027-02-11 春节", "2027-02-13");
        Assert.Empty(problems);
        var festival = hours!.At(At(2027, 2, 8, 10));   // a Monday inside the run
        Assert.Equal(CallingState.Holiday, festival.State);
        Assert.Equal("春节", festival.Holiday!.Name);
        Assert.Equal(At(2027, 2, 12, 9, 0), festival.NextOpen);   // Friday after the run
        Assert.Equal(CallingState.Open, hours.At(At(2027, 2, 13, 10)).State);   // the Saturday worked in its stead
        Assert.Equal(CallingState.DayOff, hours.At(At(2027, 2, 14, 10)).State);   // the Sunday is not
        Assert.Equal(CallingState.Holiday, hours.At(At(2027, 1, 1, 10)).State);
        Assert.Equal(At(2027, 1, 4, 9, 0), hours.At(At(2027, 1, 1, 10)).NextOpen);
    }

    [Fact]
    public void A_utc_instant_is_judged_on_the_firms_clock()
    {
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.True(Hours.At(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), beijing).Open);    // 10:00
        Assert.Equal(CallingState.Break, Hours.At(new DateTimeOffset(2026, 11, 25, 4, 30, 0, TimeSpan.Zero), beijing).State);   // 12:30
        Assert.Equal(CallingState.AfterHours, Hours.At(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), beijing).State);   // 18:00
    }

    [Fact]
    public void Every_problem_is_named_with_its_field_and_line_and_nothing_is_returned()
    {
        var (hours, problems) = CallingHours.Parse([], "09:00-12:00, 11:30-14:00, 15:00-14:00, lunch",
            "2027-01-01\n\n1 May\n2027-02-11..2027-02-05", "2027-01-01\nnext Sunday");
        Assert.Null(hours);
        Assert.Contains(problems, p => p is { Field: "Windows", Code: "A window must end after it starts.", Line: 3 });
        Assert.Contains(problems, p => p is { Field: "Windows", Line: 4, Value: "lunch" } && p.Code.StartsWith("Write each window"));
        Assert.Contains(problems, p => p is { Field: "Windows", Code: "Two windows overlap." });
        Assert.Contains(problems, p => p is { Field: "Holidays", Line: 3, Value: "1 May" });
        Assert.Contains(problems, p => p is { Field: "Holidays", Line: 4, Code: "The last day of a holiday comes before its first." });
        Assert.Contains(problems, p => p is { Field: "WorkingDays", Line: 1, Code: "This day is also on the holiday list." });
        Assert.Contains(problems, p => p is { Field: "WorkingDays", Line: 2 });
        Assert.Contains(problems, p => p is { Field: "Days" });
        Assert.Equal(8, problems.Count);
    }

    [Fact]
    public void Stored_hours_come_back_as_they_were_and_nothing_stored_means_the_default()
    {
        var (hours, _) = CallingHours.Parse([DayOfWeek.Saturday, DayOfWeek.Monday], "8:30–11:45；14:00~18:00", "2027-10-01..2027-10-07 国庆节", "2027-09-26");
        var back = CallingHours.FromJson(hours!.ToJson());
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Saturday], back.Days);
        Assert.Equal("08:30–11:45, 14:00–18:00", back.WindowsText);
        Assert.Equal("2027-10-01..2027-10-07 国庆节", back.HolidaysText);
        Assert.Equal("2027-09-26", back.WorkingDaysText);
        Assert.Same(CallingHours.Default, CallingHours.FromJson(null));
        Assert.Same(CallingHours.Default, CallingHours.FromJson("{not json"));
    }
}
