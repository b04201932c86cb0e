namespace FieldSurvey.Core.Coding;

public enum AnchorState
{
    Anchored = 0,
    /// <summary>Re-anchored after a transcript revision; the quote was found at a new place.</summary>
    Moved = 1,
    /// <summary>The quote could not be placed in the revised text: the coder must look at it.</summary>
    Lost = 2,
}

/// <summary>
/// A coded passage: start/end offsets in UTF-16 code units of the stored (NFC, "\n") transcript text,
/// the quoted text itself, and its codes. <see cref="CoderId"/> is null for a consensus segment.
/// </summary>
public sealed class Segment : Entity
{
    public int TranscriptId { get; set; }
    public string? CoderId { get; set; }
    public bool IsConsensus { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public required string Quote { get; set; }
    public int? LinkageTypeId { get; set; }
    public int? PartnerLocationId { get; set; }
    public int? PartnerKindId { get; set; }
    public int? NatureId { get; set; }
    public string? PartnerName { get; set; }
    public string? Memo { get; set; }
    public AnchorState Anchor { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
    public DateTimeOffset UpdatedAtUtc { get; set; }
    public DateTimeOffset? DeletedAtUtc { get; set; }
}

/// <summary>A transcript given to a coder. Double-coded transcripts have two.</summary>
public sealed class CodingAssignment : Entity
{
    public int TranscriptId { get; set; }
    public required string CoderId { get; set; }
    public DateTimeOffset AssignedAtUtc { get; set; }
    public DateTimeOffset? CompletedAtUtc { get; set; }
}
