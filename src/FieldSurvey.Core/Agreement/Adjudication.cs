using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Agreement;

/// <summary>What the PI decided for one unit of a double-coded transcript.</summary>
public enum DecisionKind
{
    AcceptA = 1,
    AcceptB = 2,
    /// <summary>A span (union, A's or B's) with each dimension taken from A or B.</summary>
    Merge = 3,
    /// <summary>A span with codes the PI chooses.</summary>
    New = 4,
    /// <summary>The passage is not a linkage: no consensus segment.</summary>
    Reject = 5,
}

public enum SpanChoice
{
    Union = 0,
    A = 1,
    B = 2,
}

public enum Side
{
    A = 1,
    B = 2,
}

/// <summary>
/// Which thematic codes a merged consensus carries where the coders disagree on a theme's presence: A's, B's, every theme
/// either coder gave (both), or only the themes both gave (neither coder's disputed ones).
/// </summary>
public enum ThemeChoice
{
    A = 1,
    B = 2,
    Both = 3,
    Neither = 4,
}

/// <summary>
/// A decision as the PI makes it. <see cref="Take"/> (merge) names, per dimension, whose code to keep
/// (missing dimensions: A) and <see cref="Themes"/> which thematic codes to keep. The code ids and
/// <see cref="ThemeIds"/> are used for <see cref="DecisionKind.New"/> only.
/// </summary>
public sealed record Decision(DecisionKind Kind, SpanChoice Span = SpanChoice.Union,
    IReadOnlyDictionary<TermKind, Side>? Take = null,
    int? LinkageTypeId = null, int? PartnerLocationId = null, int? PartnerKindId = null, int? NatureId = null,
    string? PartnerName = null, string? Note = null, ThemeChoice Themes = ThemeChoice.A, IReadOnlyCollection<int>? ThemeIds = null);

/// <summary>
/// The consensus segment a decision produces (null for a rejection) with the thematic codes (term ids) it carries,
/// or the problems that stop it.
/// </summary>
public sealed record AdjudicationResult(Segment? Consensus, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
    public IReadOnlyList<int> Themes { get; init; } = [];
}

/// <summary>
/// Builds the consensus segment of one unit from the PI's decision. The coders' own segments are only read:
/// the consensus is a new segment (no coder, <see cref="Segment.IsConsensus"/>) whose quote is cut from the
/// current transcript text at its offsets, so quote and offsets always agree. Thematic codes are rows beside a segment,
/// not fields on it, so the coders' themes come in as term ids (themesA, themesB of <see cref="Decide"/>)
/// and the consensus's come back in <see cref="AdjudicationResult.Themes"/>. Problems come back as English
/// message keys for the page to localise.
/// </summary>
public static class Adjudication
{
    public const string NoSideA = "Coder A did not code this passage: choose another option.";
    public const string NoSideB = "Coder B did not code this passage: choose another option.";
    public const string SpanOutside = "The passage lies outside the transcript text.";
    public const string NeedsType = "Choose at least the linkage type of the new version.";

    public static AdjudicationResult Decide(string transcriptText, Segment? a, Segment? b, Decision decision, DateTimeOffset now,
        IReadOnlyCollection<int>? themesA = null, IReadOnlyCollection<int>? themesB = null)
    {
        ArgumentNullException.ThrowIfNull(transcriptText);
        ArgumentNullException.ThrowIfNull(decision);
        if (a is null && b is null) throw new ArgumentException("A unit has at least one coder's segment.");
        var problems = new List<string>();
        if (decision.Kind == DecisionKind.Reject) return new AdjudicationResult(null, problems);

        Segment? Need(Side side)
        {
            var s = side == Side.A ? a : b;
            if (s is null) { var p = side == Side.A ? NoSideA : NoSideB; if (!problems.Contains(p)) problems.Add(p); }
            return s;
        }

        var spanChoice = decision.Kind switch
        {
            DecisionKind.AcceptA => SpanChoice.A,
            DecisionKind.AcceptB => SpanChoice.B,
            _ => decision.Span,
        };
        var (start, end) = spanChoice switch
        {
            SpanChoice.A => Need(Side.A) is { } s ? (s.Start, s.End) : (0, 0),
            SpanChoice.B => Need(Side.B) is { } s ? (s.Start, s.End) : (0, 0),
            _ => (Math.Min(a?.Start ?? int.MaxValue, b?.Start ?? int.MaxValue), Math.Max(a?.End ?? 0, b?.End ?? 0)),
        };
        if (problems.Count == 0 && (start < 0 || end <= start || end > transcriptText.Length)) problems.Add(SpanOutside);

        var consensus = new Segment
        {
            Quote = "", IsConsensus = true, CoderId = null, Anchor = AnchorState.Anchored,
            CreatedAtUtc = now, UpdatedAtUtc = now, Memo = string.IsNullOrWhiteSpace(decision.Note) ? null : decision.Note.Trim(),
        };
        switch (decision.Kind)
        {
            case DecisionKind.AcceptA when Need(Side.A) is { } s: CopyCodes(s, consensus); break;
            case DecisionKind.AcceptB when Need(Side.B) is { } s: CopyCodes(s, consensus); break;
            case DecisionKind.Merge:
                foreach (var d in Units.Dimensions)
                {
                    var side = decision.Take?.GetValueOrDefault(d) is Side.B ? Side.B : Side.A;
                    if (Need(side) is { } from) SetCode(consensus, d, CodeOf(from, d));
                }
                consensus.PartnerName = decision.PartnerName ?? a?.PartnerName ?? b?.PartnerName;
                break;
            case DecisionKind.New:
                if (decision.LinkageTypeId is null) problems.Add(NeedsType);
                consensus.LinkageTypeId = decision.LinkageTypeId;
                consensus.PartnerLocationId = decision.PartnerLocationId;
                consensus.PartnerKindId = decision.PartnerKindId;
                consensus.NatureId = decision.NatureId;
                consensus.PartnerName = decision.PartnerName;
                break;
        }
        if (problems.Count > 0) return new AdjudicationResult(null, problems);
        IEnumerable<int> ofA = a is null || themesA is null ? Array.Empty<int>() : themesA;
        IEnumerable<int> ofB = b is null || themesB is null ? Array.Empty<int>() : themesB;
        var themes = decision.Kind switch
        {
            DecisionKind.AcceptA => ofA,
            DecisionKind.AcceptB => ofB,
            DecisionKind.New => decision.ThemeIds ?? Array.Empty<int>(),
            _ => decision.Themes switch
            {
                ThemeChoice.B => ofB,
                ThemeChoice.Both => ofA.Union(ofB),
                ThemeChoice.Neither => ofA.Intersect(ofB),
                _ => ofA,
            },
        };
        consensus.TranscriptId = (a ?? b)!.TranscriptId;
        consensus.Start = start;
        consensus.End = end;
        consensus.Quote = transcriptText[start..end];
        if (!string.IsNullOrWhiteSpace(decision.PartnerName)) consensus.PartnerName = decision.PartnerName.Trim();
        return new AdjudicationResult(consensus, problems) { Themes = themes.Distinct().Order().ToList() };
    }

    /// <summary>Overwrites an existing consensus segment with a newly built one (a changed decision), keeping its identity.</summary>
    public static void CopyInto(Segment target, Segment built)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(built);
        target.Start = built.Start;
        target.End = built.End;
        target.Quote = built.Quote;
        CopyCodes(built, target);
        target.Memo = built.Memo;
        target.Anchor = AnchorState.Anchored;
        target.UpdatedAtUtc = built.UpdatedAtUtc;
        target.DeletedAtUtc = null;
    }

    static void CopyCodes(Segment from, Segment to)
    {
        to.LinkageTypeId = from.LinkageTypeId;
        to.PartnerLocationId = from.PartnerLocationId;
        to.PartnerKindId = from.PartnerKindId;
        to.NatureId = from.NatureId;
        to.PartnerName = from.PartnerName;
    }

    public static int? CodeOf(Segment s, TermKind dimension) => dimension switch
    {
        TermKind.LinkageType => s.LinkageTypeId,
        TermKind.PartnerLocation => s.PartnerLocationId,
        TermKind.PartnerKind => s.PartnerKindId,
        TermKind.Nature => s.NatureId,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    static void SetCode(Segment s, TermKind dimension, int? id)
    {
        switch (dimension)
        {
            case TermKind.LinkageType: s.LinkageTypeId = id; break;
            case TermKind.PartnerLocation: s.PartnerLocationId = id; break;
            case TermKind.PartnerKind: s.PartnerKindId = id; break;
            case TermKind.Nature: s.NatureId = id; break;
        }
    }
}

/// <summary>
/// The PI's decision on one unit, kept so the adjudication can be shown, counted ("5 of 8 decided") and
/// changed. A unit is identified by the coders' segments it matched (either may be null). The consensus
/// segment it produced is <see cref="ConsensusSegmentId"/> (null when the unit was rejected).
/// </summary>
public sealed class AdjudicationDecision : Entity
{
    public int TranscriptId { get; set; }
    public int? SegmentAId { get; set; }
    public int? SegmentBId { get; set; }
    /// <summary>"A-segment id|B-segment id" (empty side blank): unique per transcript, so two PIs deciding the same unit at once cannot both add a decision.</summary>
    public string UnitKey { get; set; } = "";
    public DecisionKind Kind { get; set; }
    public int? ConsensusSegmentId { get; set; }
    public string? Note { get; set; }
    public required string DecidedById { get; set; }
    public DateTimeOffset DecidedAtUtc { get; set; }

    public static string KeyOf(int? segmentAId, int? segmentBId) => $"{segmentAId}|{segmentBId}";
}
