namespace FieldSurvey.Core.Interviews;

/// <summary>A PI's data-quality rule over question ids (<see cref="DataQualityExpressions"/>). Retired, never deleted: queries point at it.</summary>
public sealed class DataQualityRule : Entity
{
    public required string Expression { get; set; }
    public required string MessageEn { get; set; }
    public required string MessageZh { get; set; }
    public DataQualitySeverity Severity { get; set; } = DataQualitySeverity.Warning;
    public bool Retired { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }

    public string Message(bool chinese) => chinese ? MessageZh : MessageEn;
}

public enum DataQueryStatus { Open = 0, Answered = 1, Closed = 2, VerifiedCorrect = 3 }

public enum DataQueryStep { Raise = 0, Answer = 1, Reopen = 2, Close = 3, Verify = 4 }

/// <summary>
/// A question about one finding of one interview, put to the interviewer who did it (REDCap's data resolution workflow):
/// the finding is kept as it was when raised (rule, questions, message arguments), so the query still reads when the answer
/// is corrected and the finding goes away.
/// </summary>
public sealed class DataQuery : Entity
{
    public int InterviewId { get; set; }
    /// <summary><see cref="DataQualityFinding.Key"/> of the finding it was raised on.</summary>
    public required string FindingKey { get; set; }
    public required string Rule { get; set; }
    public int? RuleId { get; set; }
    /// <summary>The finding's question ids, comma-separated.</summary>
    public required string QuestionIds { get; set; }
    public required string MessageCode { get; set; }
    /// <summary>The finding's message arguments as a JSON array of strings.</summary>
    public required string ArgsJson { get; set; }
    public DataQueryStatus Status { get; set; }
    /// <summary>The interviewer of the interview, who answers.</summary>
    public required string AssignedToId { get; set; }
    public DateTimeOffset RaisedAtUtc { get; set; }
    public List<DataQueryEvent> Events { get; set; } = [];
}

/// <summary>One step of a query's history: who did what, when, with what words.</summary>
public sealed class DataQueryEvent : Entity
{
    public int QueryId { get; set; }
    public DataQueryStep Step { get; set; }
    public DataQueryStatus StatusAfter { get; set; }
    public string? Text { get; set; }
    public required string ById { get; set; }
    public DateTimeOffset AtUtc { get; set; }
}

/// <summary>
/// Open → Answered (the interviewer replies) → Closed by the PI, or back to Open when the reply does not settle it;
/// the PI may also close at once or mark the value "verified correct" (it is unusual and right). Closed and verified
/// queries are done. Codes, not sentences: the page words them.
/// </summary>
public static class DataQueryWorkflow
{
    public static bool IsUnresolved(DataQueryStatus status) => status is DataQueryStatus.Open or DataQueryStatus.Answered;

    public static (DataQueryStatus? Next, string? Problem) Apply(DataQueryStatus status, DataQueryStep step, bool isPI, bool isAssignee, string? text)
    {
        var hasText = !string.IsNullOrWhiteSpace(text);
        return step switch
        {
            DataQueryStep.Answer when !isAssignee => (null, "query-not-yours"),
            DataQueryStep.Answer when status != DataQueryStatus.Open => (null, "query-not-open"),
            DataQueryStep.Answer when !hasText => (null, "query-needs-text"),
            DataQueryStep.Answer => (DataQueryStatus.Answered, null),
            DataQueryStep.Raise => (null, "query-unknown-step"),
            _ when !isPI => (null, "query-pi-only"),
            DataQueryStep.Reopen when status != DataQueryStatus.Answered => (null, "query-not-answered"),
            DataQueryStep.Reopen when !hasText => (null, "query-needs-text"),
            DataQueryStep.Reopen => (DataQueryStatus.Open, null),
            DataQueryStep.Close or DataQueryStep.Verify when !IsUnresolved(status) => (null, "query-done"),
            DataQueryStep.Close => (DataQueryStatus.Closed, null),
            DataQueryStep.Verify => (DataQueryStatus.VerifiedCorrect, null),
            _ => (null, "query-unknown-step"),
        };
    }
}
