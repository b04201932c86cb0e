namespace FieldSurvey.Core.Coding;

/// <summary>
/// A published state of the codebook (the four coding dimensions with their notes), kept as a JSON
/// snapshot so a report or an agreement figure can say which codebook the coders worked with.
/// </summary>
public sealed class CodebookVersion : Entity
{
    public int Number { get; set; }
    public DateTimeOffset PublishedAtUtc { get; set; }
    public string? PublishedById { get; set; }
    public required string SnapshotJson { get; set; }
}
