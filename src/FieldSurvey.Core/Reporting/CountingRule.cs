namespace FieldSurvey.Core.Reporting;

/// <summary>How far the coding of one transcript has been settled, as the report counts it.</summary>
public enum TranscriptBasis
{
    /// <summary>Adjudicated: every unit decided (or consensus segments only, e.g. imported): only decisions count.</summary>
    Complete = 0,
    /// <summary>One coder coded the transcript: that coder's segments count (nothing to adjudicate).</summary>
    SingleCoder = 1,
    /// <summary>Double-coded, no unit decided yet: the counting coder's segments count, provisionally.</summary>
    None = 2,
    /// <summary>No segments at all.</summary>
    Uncoded = 3,
    /// <summary>Some units decided: those by their decision, the rest provisionally from the counting coder.</summary>
    Partial = 4,
}

/// <summary>A segment as the counting rule sees it.</summary>
public sealed record CodedSegmentRef(int Id, string? CoderId, bool IsConsensus);

/// <summary>
/// The PI's decision on one unit: the coders' segments it settles (either may be null) and the consensus segment
/// it produced (none when rejected; a rejected unit may still point at its deleted former consensus segment).
/// </summary>
public sealed record UnitDecisionRef(int? SegmentAId, int? SegmentBId, bool Rejected, int? ConsensusSegmentId);

/// <summary>A segment that counts; <see cref="Provisional"/> when it stands in for a unit the PI has not decided yet.</summary>
public sealed record CountedSegment(int Id, bool Provisional);

/// <summary>What the counting rule chose for one transcript.</summary>
public sealed record TranscriptCount(TranscriptBasis Basis, IReadOnlyList<CountedSegment> Counted);

/// <summary>
/// Which coded segments of a transcript count as evidence, unit by unit. Printed on every report
/// (<see cref="Text"/>), because a reader must know whether a figure rests on adjudicated coding. Counting per
/// unit (issue 18) matters because adjudication is done one unit at a time: counting only consensus segments as
/// soon as one exists dropped exactly the disputed passages after "accept where both coders agree", and a
/// transcript whose units were all rejected fell back to the first coder, bringing the rejected passages back.
/// </summary>
public static class CountingRule
{
    public const string Text =
        "Which coded passages count, unit by unit: a unit the PI decided counts by its decision (a rejected unit counts nothing); " +
        "a unit not yet decided counts provisionally with the segments of the counting coder (the coder assigned first), and is " +
        "labelled provisional; a transcript coded by one coder counts that coder's segments. Imported consensus segments without a " +
        "recorded decision count alone. Each transcript's basis is complete, partial or none (adjudication), one coder, or not coded.";

    /// <param name="segments">The transcript's live (not deleted) segments, coders' and consensus.</param>
    /// <param name="assignmentOrder">Coder ids in the order they were assigned the transcript.</param>
    /// <param name="decisions">The PI's decisions on the transcript's units.</param>
    public static TranscriptCount Count(IReadOnlyList<CodedSegmentRef> segments, IReadOnlyList<string> assignmentOrder,
        IReadOnlyList<UnitDecisionRef> decisions)
    {
        var coderSegments = segments.Where(s => !s.IsConsensus && s.CoderId is not null).ToList();
        var consensus = segments.Where(s => s.IsConsensus).ToList();
        var accepted = decisions.Where(d => !d.Rejected && d.ConsensusSegmentId is not null).Select(d => d.ConsensusSegmentId!.Value).ToHashSet();
        var orphans = consensus.Where(s => !accepted.Contains(s.Id)).ToList();

        // Consensus with no decision at all was settled outside FieldSurvey (REFI-QDA import): we cannot tell which
        // units it settles, so it stands for the whole transcript.
        if (decisions.Count == 0 && orphans.Count > 0)
            return new(TranscriptBasis.Complete, consensus.Select(s => new CountedSegment(s.Id, false)).ToList());
        var coders = coderSegments.Select(s => s.CoderId!).Distinct().ToList();
        if (decisions.Count == 0 && coders.Count == 0) return new(TranscriptBasis.Uncoded, []);
        if (decisions.Count == 0 && coders.Count == 1)
            return new(TranscriptBasis.SingleCoder, coderSegments.Select(s => new CountedSegment(s.Id, false)).ToList());

        var decided = decisions.SelectMany(d => new[] { d.SegmentAId, d.SegmentBId }).OfType<int>().ToHashSet();
        var undecided = coderSegments.Where(s => !decided.Contains(s.Id)).ToList();
        var counted = consensus.Select(s => new CountedSegment(s.Id, false)).ToList();
        if (CountingCoder(coders, assignmentOrder) is { } first)
            counted.AddRange(undecided.Where(s => s.CoderId == first).Select(s => new CountedSegment(s.Id, true)));
        var basis = undecided.Count == 0 ? TranscriptBasis.Complete : decisions.Count == 0 ? TranscriptBasis.None : TranscriptBasis.Partial;
        return new(basis, counted);
    }

    /// <summary>The former whole-transcript call, kept for callers without decisions: no decisions recorded.</summary>
    public static (TranscriptBasis Basis, IReadOnlyList<CodedSegmentRef> Counted) Choose(
        IReadOnlyList<CodedSegmentRef> segments, IReadOnlyList<string> assignmentOrder)
    {
        var result = Count(segments, assignmentOrder, []);
        var ids = result.Counted.Select(c => c.Id).ToHashSet();
        return (result.Basis, segments.Where(s => ids.Contains(s.Id)).ToList());
    }

    // First assigned among the coders who coded; a coder without an assignment row comes after, by id.
    static string? CountingCoder(IReadOnlyList<string> coders, IReadOnlyList<string> assignmentOrder)
    {
        int Rank(string coder) { var i = IndexOf(assignmentOrder, coder); return i < 0 ? int.MaxValue : i; }
        return coders.OrderBy(Rank).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault();
    }

    static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
