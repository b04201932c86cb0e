namespace FieldSurvey.Core.Calls;

/// <summary>
/// A firm, or a telephone number, that must not be called again (e.g. after "never call us again"). A number is
/// stored in its normalised form (<see cref="Firms.Phones.Normalize"/>) so that it matches the same line
/// written differently in another firm's record. Removed (by a PI, with a reason), never deleted: the audit
/// trail and the entry keep who decided what.
/// </summary>
public sealed class DoNotCall : Entity
{
    public int? FirmId { get; set; }
    /// <summary>The normalised number; null when the whole firm is marked.</summary>
    public string? Number { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public required string ById { get; set; }
    public DateTimeOffset? RemovedAtUtc { get; set; }
    public string? RemovedById { get; set; }
    public string? RemovalReason { get; set; }
}
