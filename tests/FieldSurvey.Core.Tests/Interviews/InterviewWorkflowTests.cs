using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.Tests.Interviews;

public sealed class InterviewWorkflowTests
{
    [Theory]
    [InlineData(InterviewStatus.Draft, ReviewAction.Submit, false, InterviewStatus.Submitted)]
    [InlineData(InterviewStatus.Returned, ReviewAction.Submit, false, InterviewStatus.Submitted)]
    [InlineData(InterviewStatus.Submitted, ReviewAction.Approve, true, InterviewStatus.Approved)]
    [InlineData(InterviewStatus.Submitted, ReviewAction.Return, true, InterviewStatus.Returned)]
    [InlineData(InterviewStatus.Approved, ReviewAction.Lock, true, InterviewStatus.Locked)]
    public void The_allowed_steps_move_the_interview_on(InterviewStatus from, ReviewAction action, bool pi, InterviewStatus to) =>
        Assert.Equal(to, InterviewWorkflow.Apply(from, action, isOwner: !pi, isPI: pi, consentGiven: true, comment: "fix B2").Next);

    [Theory]
    [InlineData(InterviewStatus.Draft, ReviewAction.Approve, true)]
    [InlineData(InterviewStatus.Submitted, ReviewAction.Submit, false)]
    [InlineData(InterviewStatus.Submitted, ReviewAction.Approve, false)]
    [InlineData(InterviewStatus.Submitted, ReviewAction.Lock, true)]
    [InlineData(InterviewStatus.Locked, ReviewAction.Return, true)]
    public void Other_steps_are_refused_with_a_reason(InterviewStatus from, ReviewAction action, bool pi)
    {
        var (next, problem) = InterviewWorkflow.Apply(from, action, isOwner: !pi, isPI: pi, consentGiven: true, comment: "x");
        Assert.Null(next);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Returning_needs_a_comment_and_submitting_needs_consent()
    {
        Assert.Null(InterviewWorkflow.Apply(InterviewStatus.Submitted, ReviewAction.Return, false, true, true, " ").Next);
        Assert.Null(InterviewWorkflow.Apply(InterviewStatus.Draft, ReviewAction.Submit, true, false, false, null).Next);
    }

    [Theory]
    [InlineData(InterviewStatus.Draft, true, false, true)]
    [InlineData(InterviewStatus.Draft, false, false, false)]
    [InlineData(InterviewStatus.Returned, true, false, true)]
    [InlineData(InterviewStatus.Submitted, true, false, false)]
    [InlineData(InterviewStatus.Submitted, false, true, true)]
    [InlineData(InterviewStatus.Approved, true, true, false)]
    [InlineData(InterviewStatus.Locked, false, true, false)]
    public void A_submitted_interview_is_read_only_to_its_interviewer(InterviewStatus status, bool owner, bool pi, bool editable) =>
        Assert.Equal(editable, InterviewWorkflow.CanEdit(status, owner, pi));
}
