using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

public sealed class CallListTests
{
    // A fixed "now": Wednesday 25 November 2026, 02:00 UTC (10:00 in Beijing).
    static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    const int Gap = 4, Max = 3;

    static AttemptOutcome A(double hoursAgo, string code, double? callbackInHours = null) =>
        new(Now.AddHours(-hoursAgo), code, callbackInHours is { } h ? Now.AddHours(h) : null);

    static CallListFirm F(int id, params AttemptOutcome[] attempts) => new(id, attempts);

    [Fact]
    public void Due_callbacks_come_first_then_fresh_firms_then_due_retries_then_what_is_not_due_yet()
    {
        var firms = new[]
        {
            F(1, A(5, "3.13")),                      // retry due (5h ago ≥ 4h gap)
            F(2),                                    // fresh
            F(3, A(1, "3.13")),                      // retry not due yet (due in 3h)
            F(4, A(20, "2.21", callbackInHours: -1)),// callback due an hour ago
            F(5, A(2, "2.21", callbackInHours: 24)), // callback tomorrow
            F(6),                                    // fresh
            F(7, A(30, "2.22", callbackInHours: -3)),// callback due three hours ago: before firm 4
            F(8, A(9, "3.12")),                      // retry due, longer ago than firm 1: before it
        };
        var list = CallList.Build(firms, Gap, Max, Now);
        Assert.Equal([7, 4, 2, 6, 8, 1, 5, 3], list.Select(e => e.FirmId));
        Assert.Equal(CallListReason.CallbackDue, list[0].Reason);
        Assert.Equal(CallListReason.Fresh, list[2].Reason);
        Assert.Equal(CallListReason.RetryDue, list[4].Reason);
        Assert.Equal(Now.AddHours(-9 + Gap), list[4].DueAtUtc);
        Assert.Equal(CallListReason.CallbackLater, list[6].Reason);
        Assert.Equal(CallListReason.RetryLater, list[7].Reason);
    }

    [Fact]
    public void Firms_with_a_final_disposition_or_at_the_attempt_cap_leave_the_list()
    {
        var firms = new[]
        {
            F(1, A(50, "3.13"), A(30, "3.13"), A(10, "3.13")),   // 3 attempts = cap
            F(2, A(10, "1.1")),
            F(3, A(10, "2.111")),
            F(4, A(10, "4.30")),
            F(5, A(50, "3.13"), A(10, "3.13")),                  // 2 attempts: still listed
            new CallListFirm(6, [A(10, "3.13")], DispositionOverride: "4.50"),
        };
        Assert.Equal([5], CallList.Build(firms, Gap, Max, Now).Select(e => e.FirmId));
    }

    [Fact]
    public void Only_the_latest_attempts_callback_counts()
    {
        // A callback was booked, then a later call got no answer: the firm is a retry now.
        var firm = F(1, A(20, "2.21", callbackInHours: -10), A(6, "3.13"));
        var entry = Assert.Single(CallList.Build([firm], Gap, Max, Now));
        Assert.Equal(CallListReason.RetryDue, entry.Reason);
        Assert.Equal(2, entry.Attempts);
    }

    [Fact]
    public void Of_two_attempts_in_the_same_minute_the_one_logged_later_counts()
    {
        var firm = F(1, A(1, "3.13"), A(1, "2.21", callbackInHours: 20));
        Assert.Equal(CallListReason.CallbackLater, Assert.Single(CallList.Build([firm], Gap, Max, Now)).Reason);
    }
}
