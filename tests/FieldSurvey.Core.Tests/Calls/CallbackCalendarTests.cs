using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

/// <summary>Issue 24, the callback calendar. 2026-11-23 is a Monday; Beijing is UTC+8 all year.</summary>
public sealed class CallbackCalendarTests
{
    static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_week_lists_each_interviewers_callbacks_by_day_flags_clashes_and_what_falls_outside_calling_hours()
    {
        BookedCallback[] callbacks =
        [
            new(1, "ann", Utc(25, 2)),        // Wed 10:00
            new(2, "ann", Utc(25, 2, 20)),    // Wed 10:20: 20 minutes after firm 1, a clash
            new(3, "ann", Utc(25, 6)),        // Wed 14:00
            new(4, "bo", Utc(25, 2, 10)),     // Wed 10:10, another interviewer: no clash
            new(5, "ann", Utc(28, 2)),        // Sat 10:00: not a calling day
            new(6, "ann", Utc(30, 2)),        // next Monday: not this week
            new(7, "bo", Utc(22, 15, 50)),    // Sun 22 Nov 23:50 Beijing is last week...
            new(8, "bo", Utc(22, 16, 10)),    // ...and Mon 23 Nov 00:10 is this week; they clash across the week's edge
        ];
        var week = CallbackCalendar.Build(callbacks, new DateOnly(2026, 11, 25), Beijing, CallingHours.Default, Utc(25, 3));

        Assert.Equal(new DateOnly(2026, 11, 23), week.Monday);
        Assert.Equal([true, true, true, true, true, false, false], week.CallingDays);
        Assert.Equal(["ann", "bo"], week.Rows.Select(r => r.InterviewerId));
        var ann = week.Rows[0];
        Assert.Equal([1, 2, 3], ann.Days[2].Select(e => e.Callback.FirmId));
        Assert.Equal([true, true, false], ann.Days[2].Select(e => e.Clash));
        Assert.Equal([true, true, false], ann.Days[2].Select(e => e.Overdue));   // now is Wed 11:00
        Assert.Equal(new DateTime(2026, 11, 25, 10, 20, 0), ann.Days[2][1].Local);
        Assert.Equal(CallingState.DayOff, Assert.Single(ann.Days[5]).Hours.State);
        Assert.Equal(4, ann.Count);   // firm 6 is next week
        Assert.Equal(2, ann.Clashes);
        var bo = week.Rows[1];
        Assert.Equal([8], bo.Days[0].Select(e => e.Callback.FirmId));
        Assert.True(bo.Days[0][0].Clash);
        Assert.Equal(CallingState.BeforeHours, bo.Days[0][0].Hours.State);
        Assert.False(bo.Days[2][0].Clash);
    }

    [Fact]
    public void Callbacks_exactly_the_clash_gap_apart_do_not_clash() =>
        Assert.Empty(CallbackCalendar.Clashes([new(1, "ann", Utc(25, 2)), new(2, "ann", Utc(25, 2, 30))], CallbackCalendar.DefaultClashGap));
}
