namespace FieldSurvey.Core.Exchange;

/// <summary>
/// The part of a REFI-QDA project (QDA-XML 1.0, urn:QDA-XML:project:1.0) FieldSurvey reads and writes:
/// users, a code tree, text sources with their text and coded selections. Positions are code points
/// (see <see cref="TextPositions"/>).
/// </summary>
public sealed record QdaProject(string Name, DateTimeOffset CreatedUtc, Guid? CreatingUser,
    IReadOnlyList<QdaUser> Users, IReadOnlyList<QdaCode> Codes, IReadOnlyList<QdaSource> Sources)
{
    public IEnumerable<QdaCode> AllCodes => Codes.SelectMany(c => c.Flatten());
}

/// <summary><paramref name="Id"/> is the User's optional id attribute (FieldSurvey writes the e-mail there when personal data is included).</summary>
public sealed record QdaUser(Guid Guid, string Name, string? Id);

public sealed record QdaCode(Guid Guid, string Name, bool IsCodable, string? Color, string? Description, IReadOnlyList<QdaCode> Children)
{
    public IEnumerable<QdaCode> Flatten() => Children.SelectMany(c => c.Flatten()).Prepend(this);
}

/// <summary>A text source. <paramref name="PlainTextPath"/> is e.g. internal://&lt;guid&gt;.txt; <paramref name="Text"/> is filled in by whoever reads the zip.</summary>
public sealed record QdaSource(Guid Guid, string Name, string? Description, string? PlainTextPath, string? Text,
    Guid? CreatingUser, DateTimeOffset? CreatedUtc, IReadOnlyList<QdaSelection> Selections);

/// <summary>A coded span: [Start, End) in code points, with one Coding per code.</summary>
public sealed record QdaSelection(Guid Guid, string? Name, int Start, int End, Guid? CreatingUser, DateTimeOffset? CreatedUtc,
    string? Description, IReadOnlyList<QdaCoding> Codings);

public sealed record QdaCoding(Guid Guid, Guid CodeGuid, Guid? CreatingUser, DateTimeOffset? CreatedUtc);
