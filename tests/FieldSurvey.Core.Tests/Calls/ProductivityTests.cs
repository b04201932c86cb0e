using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

public sealed class ProductivityTests
{
    static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Beijing wall-clock time on Monday 16 November 2026 (UTC+8).
    static DateTimeOffset Bj(int day, int hour, int minute) => new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    // Worked by hand. Interviewer A, Monday 16th: 09:00 no answer, 09:10 refusal, 09:20 complete (one session:
    // 20 min + 5 for the last call), 14:00 complete (a session of 5 min): 30 min = 0.5 h. 4 attempts, 3 contacts,
    // 2 completes, 1 refusal; completion rate 2/3, 2 attempts per complete, 8 calls per hour. Interviews started
    // that day took 40, 60 and 20 minutes: median 40. Tuesday 17th: one no-answer at 23:50 Beijing only.
    static readonly WorkedCall[] Calls =
    [
        new("A", Bj(16, 9, 0), "3.13"), new("A", Bj(16, 9, 10), "2.11"), new("A", Bj(16, 9, 20), "1.1"), new("A", Bj(16, 14, 0), "1.1"),
        new("A", Bj(17, 23, 50), "3.13"), new("B", Bj(16, 10, 0), "2.22"),
    ];
    static readonly WorkedInterview[] Interviews =
    [
        new("A", Bj(16, 9, 20), Bj(16, 10, 0)), new("A", Bj(16, 14, 0), Bj(16, 15, 0)), new("A", Bj(16, 16, 0), Bj(16, 16, 20)),
        new("A", Bj(16, 17, 0), null),
    ];

    [Fact]
    public void A_day_of_an_interviewer_gives_the_hand_worked_figures()
    {
        var rows = Productivity.Compute(Calls, Interviews, Beijing, ProductivityPeriod.Day);
        var a = rows.Single(r => r.InterviewerId == "A" && r.Period == new DateOnly(2026, 11, 16));
        Assert.Equal((4, 3, 2, 1), (a.Attempts, a.Contacts, a.Completes, a.Refusals));
        Assert.Equal(2.0 / 3, a.CompletionRate!.Value, 10);
        Assert.Equal(2, a.AttemptsPerComplete);
        Assert.Equal(TimeSpan.FromMinutes(40), a.MedianInterviewLength);
        Assert.Equal(0.5, a.HoursWorked, 10);
        Assert.Equal(8, a.CallsPerHour!.Value, 10);
    }

    [Fact]
    public void A_day_without_contacts_or_completes_leaves_the_ratios_undefined_and_counts_on_the_Beijing_day()
    {
        var rows = Productivity.Compute(Calls, Interviews, Beijing, ProductivityPeriod.Day);
        var tuesday = rows.Single(r => r.InterviewerId == "A" && r.Period == new DateOnly(2026, 11, 17));   // 15:50 UTC
        Assert.Equal(1, tuesday.Attempts);
        Assert.Null(tuesday.CompletionRate);
        Assert.Null(tuesday.AttemptsPerComplete);
        Assert.Null(tuesday.MedianInterviewLength);
        Assert.Equal(12, tuesday.CallsPerHour!.Value, 10);   // one call, 5 minutes
    }

    [Fact]
    public void A_week_adds_its_days_from_Monday()
    {
        var rows = Productivity.Compute(Calls, Interviews, Beijing, ProductivityPeriod.Week);
        var a = rows.Single(r => r.InterviewerId == "A");
        Assert.Equal(new DateOnly(2026, 11, 16), a.Period);
        Assert.Equal((5, 2), (a.Attempts, a.Completes));
        Assert.Equal(35.0 / 60, a.HoursWorked, 10);
        Assert.Equal(2, rows.Count);
    }

    [Theory]
    [InlineData(new[] { 0, 29, 58 }, 63)]   // under 30 minutes apart: one session, 58 + 5
    [InlineData(new[] { 0, 30 }, 10)]       // 30 minutes apart: two sessions of 5
    [InlineData(new int[0], 0)]
    public void Sessions_break_at_a_gap_of_30_minutes(int[] minutes, int expectedMinutes)
    {
        var start = Bj(16, 9, 0);
        Assert.Equal(expectedMinutes / 60.0, Productivity.HoursWorked(minutes.Select(m => start.AddMinutes(m))), 10);
    }
}
