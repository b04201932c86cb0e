namespace FieldSurvey.Core.Auditing;

/// <summary>One change to research data: who, when (UTC), which record, and its values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    /// <summary>JSON object of the changed properties' old values (null for an insert).</summary>
    public string? Before { get; set; }
    /// <summary>JSON object of the changed properties' new values (null for a delete).</summary>
    public string? After { get; set; }
    /// <summary>Why, where the person gave a reason (a disposition override, a final judgement).</summary>
    public string? Reason { get; set; }
}
