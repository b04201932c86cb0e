namespace FieldSurvey.Core.Reporting;

/// <summary>
/// The PI's final judgement on the configuration ("all") or a pair of parks ("DX-YZ"), with a rationale.
/// Shown beside the suggested classification, never in its place; each new judgement is a new row, so the
/// history of judgements stays (the latest per scope is the current one).
/// </summary>
public sealed class ClassificationJudgement : Entity
{
    public required string Scope { get; set; }
    public Verdict Verdict { get; set; }
    public required string Rationale { get; set; }
    public required string DecidedById { get; set; }
    public DateTimeOffset DecidedAtUtc { get; set; }
    /// <summary>The rule text the suggestion was computed with when the PI decided.</summary>
    public string? RuleText { get; set; }
}
