using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Reporting;

/// <summary>Where a piece of linkage evidence comes from: a coded transcript passage or a partner-list row.</summary>
public enum MentionSource
{
    Coded = 0,
    PartnerList = 1,
}

/// <summary>
/// One linkage mentioned by a focal firm: the unit every matrix, share and indicator counts.
/// <see cref="PartnerPark"/> is the partner location's park code when the location is a study park, else null.
/// <see cref="EvidenceId"/> is the segment id (coded) or partner-row id (partner list), so every figure can be
/// traced back to the passages behind it; <see cref="Text"/> is the quote or the partner-list entry (no figure
/// reads it: a caller may leave a coded passage's quote empty and read it by <see cref="EvidenceId"/> where it is shown).
/// <see cref="Provisional"/>: a coded passage of a unit the PI has not decided yet (see <see cref="CountingRule"/>).
/// </summary>
public sealed record Mention(
    int FirmId,
    string FocalPark,
    string PartnerLocation,
    string? PartnerPark,
    Scope Scope,
    string LinkageType,
    string? Nature,
    MentionSource Source,
    int EvidenceId,
    string Text,
    string? Coder = null,
    string? PartnerName = null,
    int InterviewId = 0,
    bool Provisional = false);

/// <summary>An interviewed firm and its value-chain activities (answer A6), for the specialisation profile.</summary>
public sealed record FirmProfile(int FirmId, string Park, IReadOnlyList<string> Activities);

/// <summary>A code with its English and Chinese names (park, partner location, linkage type, activity).</summary>
public sealed record Label(string Code, string NameEn, string NameZh)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>Natures the indicators tell apart (vocabulary codes of seed/vocabulary/natures.csv).</summary>
public static class NatureCodes
{
    public const string Collaborative = "collaborative";
    public const string Competitive = "competitive";
    /// <summary>The linkage type that measures labour mobility (seed/vocabulary/linkage-types.csv).</summary>
    public const string Labour = "labour";
}
