namespace FieldSurvey.Core.Reporting;

/// <summary>How the segments of one transcript were chosen for the report.</summary>
public enum TranscriptBasis
{
    /// <summary>Consensus segments exist (adjudicated): only they count.</summary>
    Consensus = 0,
    /// <summary>One coder coded the transcript: that coder's segments count.</summary>
    SingleCoder = 1,
    /// <summary>Double-coded, not yet adjudicated: the first-assigned coder's segments count for now.</summary>
    NotYetAdjudicated = 2,
    /// <summary>No segments at all.</summary>
    Uncoded = 3,
}

/// <summary>A segment as the counting rule sees it.</summary>
public sealed record CodedSegmentRef(int Id, string? CoderId, bool IsConsensus);

/// <summary>
/// Which coded segments of a transcript count as evidence. Printed on every report (<see cref="Text"/>),
/// because a reader must know whether a figure rests on adjudicated coding.
/// </summary>
public static class CountingRule
{
    public const string Text =
        "Which coded passages count: for each transcript, if consensus (adjudicated) segments exist, only those; " +
        "otherwise, if one coder coded it, that coder's segments; otherwise (double-coded, not yet adjudicated) " +
        "the segments of the coder assigned first, and the transcript is counted as not yet adjudicated.";

    /// <param name="segments">The transcript's live (not deleted) segments.</param>
    /// <param name="assignmentOrder">Coder ids in the order they were assigned the transcript.</param>
    public static (TranscriptBasis Basis, IReadOnlyList<CodedSegmentRef> Counted) Choose(
        IReadOnlyList<CodedSegmentRef> segments, IReadOnlyList<string> assignmentOrder)
    {
        var consensus = segments.Where(s => s.IsConsensus).ToList();
        if (consensus.Count > 0) return (TranscriptBasis.Consensus, consensus);
        var coders = segments.Where(s => s.CoderId is not null).Select(s => s.CoderId!).Distinct().ToList();
        if (coders.Count == 0) return (TranscriptBasis.Uncoded, []);
        if (coders.Count == 1) return (TranscriptBasis.SingleCoder, segments.Where(s => !s.IsConsensus).ToList());
        // First assigned among the coders who coded; a coder without an assignment row comes after, by id.
        int Rank(string coder) { var i = IndexOf(assignmentOrder, coder); return i < 0 ? int.MaxValue : i; }
        var first = coders.OrderBy(Rank).ThenBy(c => c, StringComparer.Ordinal).First();
        return (TranscriptBasis.NotYetAdjudicated, segments.Where(s => s.CoderId == first).ToList());
    }

    static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
