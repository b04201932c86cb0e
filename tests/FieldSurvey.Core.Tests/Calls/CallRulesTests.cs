using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

public sealed class CallRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_no_answer_logged_now_with_a_callback_tomorrow_is_accepted() =>
        Assert.Empty(CallRules.Check("3.13", Now, Now.AddDays(1), Now));

    [Theory]
    [InlineData(null, "Outcome")]
    [InlineData("2.32", "Outcome")]   // not an AAPOR telephone code
    [InlineData("3.11", "Outcome")]   // "not attempted" cannot be the outcome of an attempt
    public void An_unknown_or_unloggable_outcome_is_refused(string? code, string field) =>
        Assert.Contains(CallRules.Check(code, Now, null, Now), p => p.Field == field);

    [Fact]
    public void A_callback_in_the_past_is_refused() =>
        Assert.Contains(CallRules.Check("2.21", Now, Now.AddMinutes(-1), Now), p => p.Field == "CallbackAt");

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.111")]
    [InlineData("4.30")]
    public void A_callback_with_a_closing_outcome_is_refused(string code) =>
        Assert.Contains(CallRules.Check(code, Now, Now.AddDays(1), Now), p => p.Field == "CallbackAt");

    [Fact]
    public void A_partial_interview_may_book_a_callback_to_finish_it() =>
        Assert.Empty(CallRules.Check("1.2", Now, Now.AddDays(1), Now));

    [Fact]
    public void A_call_in_the_future_is_refused() =>
        Assert.Contains(CallRules.Check("3.13", Now.AddHours(2), null, Now), p => p.Field == "At");
}
