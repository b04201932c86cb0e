namespace FieldSurvey.Core.Calls;

/// <summary>One telephone call attempt to a firm and its AAPOR disposition code (e.g. "1.1", "2.111").</summary>
public sealed class CallAttempt : Entity
{
    public int FirmId { get; set; }
    public required string InterviewerId { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public string? NumberDialled { get; set; }
    public required string Disposition { get; set; }
    public string? Note { get; set; }
    /// <summary>A callback appointment booked during this call, in UTC.</summary>
    public DateTimeOffset? CallbackAtUtc { get; set; }
    /// <summary>For 4.80 "quota filled": the quota cell (<see cref="QuotaTarget"/>) that was full and closed the case.</summary>
    public int? QuotaTargetId { get; set; }
}
