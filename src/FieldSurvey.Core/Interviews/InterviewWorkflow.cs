namespace FieldSurvey.Core.Interviews;

public enum ReviewAction { Submit, Return, Approve, Lock }

/// <summary>
/// Draft → Submitted → Approved → Locked, with Returned (by a PI, with comments) sending an interview back
/// to its interviewer, who edits and resubmits. Who may do what lives here so pages cannot disagree.
/// </summary>
public static class InterviewWorkflow
{
    /// <summary>
    /// The interviewer edits Draft and Returned interviews; a PI may also correct a Submitted one before
    /// approving it. Approved and Locked interviews are read-only to everyone.
    /// </summary>
    public static bool CanEdit(InterviewStatus status, bool isOwner, bool isPI) => status switch
    {
        InterviewStatus.Draft or InterviewStatus.Returned => isOwner || isPI,
        InterviewStatus.Submitted => isPI,
        _ => false,
    };

    /// <summary>The status after <paramref name="action"/>, or a problem code when the step is not allowed.</summary>
    public static (InterviewStatus? Next, string? Problem) Apply(InterviewStatus status, ReviewAction action, bool isOwner, bool isPI,
        bool consentGiven, string? comment)
    {
        return action switch
        {
            ReviewAction.Submit when !(isOwner || isPI) => (null, "Only the interviewer can submit this interview."),
            ReviewAction.Submit when status is not (InterviewStatus.Draft or InterviewStatus.Returned) => (null, "Only a draft or returned interview can be submitted."),
            ReviewAction.Submit when !consentGiven => (null, "Record the respondent's consent first."),
            ReviewAction.Submit => (InterviewStatus.Submitted, null),
            _ when !isPI => (null, "Only a PI can review interviews."),
            ReviewAction.Return when status is not (InterviewStatus.Submitted or InterviewStatus.Approved) => (null, "Only a submitted or approved interview can be returned."),
            ReviewAction.Return when string.IsNullOrWhiteSpace(comment) => (null, "Say what needs changing when returning an interview."),
            ReviewAction.Return => (InterviewStatus.Returned, null),
            ReviewAction.Approve when status != InterviewStatus.Submitted => (null, "Only a submitted interview can be approved."),
            ReviewAction.Approve => (InterviewStatus.Approved, null),
            ReviewAction.Lock when status != InterviewStatus.Approved => (null, "Only an approved interview can be locked."),
            ReviewAction.Lock => (InterviewStatus.Locked, null),
            _ => (null, "Unknown action."),
        };
    }
}
