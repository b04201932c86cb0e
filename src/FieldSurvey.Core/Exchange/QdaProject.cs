namespace FieldSurvey.Core.Exchange;

/// <summary>
/// The part of a REFI-QDA project (QDA-XML 1.0, urn:QDA-XML:project:1.0) FieldSurvey reads and writes:
/// users, a code tree, text sources with their text and coded selections, notes (memos) with the NoteRefs that
/// attach them, and sets of codes. Positions are code points (see <see cref="TextPositions"/>).
/// </summary>
public sealed record QdaProject(string Name, DateTimeOffset CreatedUtc, Guid? CreatingUser,
    IReadOnlyList<QdaUser> Users, IReadOnlyList<QdaCode> Codes, IReadOnlyList<QdaSource> Sources,
    IReadOnlyList<QdaNote>? Notes = null, IReadOnlyList<QdaSet>? Sets = null, IReadOnlyList<Guid>? NoteRefs = null)
{
    /// <summary>Recordings, each with the transcript it belongs to and that transcript's sync points (<see cref="QdaSync"/>).</summary>
    public IReadOnlyList<QdaAudioSource> AudioSources { get; init; } = [];

    public IEnumerable<QdaCode> AllCodes => Codes.SelectMany(c => c.Flatten());
}

/// <summary><paramref name="Id"/> is the User's optional id attribute (FieldSurvey writes the e-mail there when personal data is included).</summary>
public sealed record QdaUser(Guid Guid, string Name, string? Id);

public sealed record QdaCode(Guid Guid, string Name, bool IsCodable, string? Color, string? Description, IReadOnlyList<QdaCode> Children,
    IReadOnlyList<Guid>? NoteRefs = null)
{
    public IEnumerable<QdaCode> Flatten() => Children.SelectMany(c => c.Flatten()).Prepend(this);
}

/// <summary>A text source. <paramref name="PlainTextPath"/> is e.g. internal://&lt;guid&gt;.txt; <paramref name="Text"/> is filled in by whoever reads the zip.</summary>
public sealed record QdaSource(Guid Guid, string Name, string? Description, string? PlainTextPath, string? Text,
    Guid? CreatingUser, DateTimeOffset? CreatedUtc, IReadOnlyList<QdaSelection> Selections, IReadOnlyList<Guid>? NoteRefs = null);

/// <summary>A coded span: [Start, End) in code points, with one Coding per code.</summary>
public sealed record QdaSelection(Guid Guid, string? Name, int Start, int End, Guid? CreatingUser, DateTimeOffset? CreatedUtc,
    string? Description, IReadOnlyList<QdaCoding> Codings, IReadOnlyList<Guid>? NoteRefs = null);

public sealed record QdaCoding(Guid Guid, Guid CodeGuid, Guid? CreatingUser, DateTimeOffset? CreatedUtc);

/// <summary>A point where the transcript meets the recording: <paramref name="TimeStampMs"/> into the audio at code point <paramref name="Position"/>.</summary>
public sealed record QdaSyncPoint(Guid Guid, long TimeStampMs, int Position);

/// <summary>
/// An AudioSource with one Transcript. The transcript's text is the TextSource's (same <paramref name="TranscriptPath"/>),
/// where the codings live; <paramref name="Path"/> is the audio file, when the project carries it.
/// </summary>
public sealed record QdaAudioSource(Guid Guid, string Name, string? Path, Guid TranscriptGuid, string TranscriptName,
    string? TranscriptPath, IReadOnlyList<QdaSyncPoint> SyncPoints);
/// <summary>A note (memo): its text inline or in a file named by <paramref name="PlainTextPath"/>; attached to things by NoteRefs.</summary>
public sealed record QdaNote(Guid Guid, string Name, string? Description, string? PlainTextPath, string? Text,
    Guid? CreatingUser, DateTimeOffset? CreatedUtc);

/// <summary>A set: a named group of codes, sources and/or notes.</summary>
public sealed record QdaSet(Guid Guid, string Name, string? Description, IReadOnlyList<Guid> MemberCodes,
    IReadOnlyList<Guid> MemberSources, IReadOnlyList<Guid> MemberNotes);
