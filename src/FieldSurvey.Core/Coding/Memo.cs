namespace FieldSurvey.Core.Coding;

/// <summary>What a memo is about, the CAQDAS way.</summary>
public enum MemoTarget
{
    /// <summary>A free memo about the project as a whole.</summary>
    Project = 0,
    /// <summary>About one or more coded passages (see <see cref="MemoLink"/>).</summary>
    Passage = 1,
    /// <summary>About a code (thematic or a linkage-dimension entry).</summary>
    Code = 2,
    Transcript = 3,
    /// <summary>About a firm, the case of this study.</summary>
    Firm = 4,
}

/// <summary>
/// An analyst's memo. The short memo field on a segment stays as it was (a note typed beside the codes); this is
/// the free-standing kind: a title and text, an author and times, linked to any number of passages.
/// </summary>
public sealed class Memo : Entity
{
    public MemoTarget Target { get; set; }
    public int? TermId { get; set; }
    public int? TranscriptId { get; set; }
    public int? FirmId { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public string? AuthorId { get; set; }
    /// <summary>Shared with the other coders; a PI reads every memo, a coder only their own and shared ones.</summary>
    public bool Shared { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
    public DateTimeOffset UpdatedAtUtc { get; set; }
    public DateTimeOffset? DeletedAtUtc { get; set; }
}

/// <summary>A memo linked to a coded passage.</summary>
public sealed class MemoLink : Entity
{
    public int MemoId { get; set; }
    public int SegmentId { get; set; }
}
