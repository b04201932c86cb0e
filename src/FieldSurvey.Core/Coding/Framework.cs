namespace FieldSurvey.Core.Coding;

/// <summary>
/// An analyst's summary in one cell of the framework matrix (NVivo's framework matrices, MAXQDA's summary grid): what
/// one firm (the case) says on one code (a thematic code or a linkage type). One summary per cell, written and edited
/// by a PI or a coder; every change is audited and a stale edit is refused (the entity's version).
/// </summary>
public sealed class FrameworkSummary : Entity
{
    public int FirmId { get; set; }
    public int TermId { get; set; }
    public required string Text { get; set; }
    /// <summary>Who wrote the current text (the audit trail keeps every earlier author).</summary>
    public string? AuthorId { get; set; }
    public DateTimeOffset UpdatedAtUtc { get; set; }

    public const int MaxLength = 8000;
}
