namespace FieldSurvey.Core.Coding;

public sealed record DrawnAssignment(int TranscriptId, IReadOnlyList<string> CoderIds);

/// <summary>
/// Bulk assignment of transcripts to coders: round-robin over the coders in the order given (so loads differ
/// by at most one), and a share of transcripts drawn at random for double coding, whose second coder is the
/// next one in the rotation. The random draw takes the caller's <see cref="Random"/> so a seed reproduces it.
/// The number double-coded is the share of the count rounded half up (20 % of 12 is 3), at least one when
/// the share is above zero and there are transcripts.
/// </summary>
public static class AssignmentDraw
{
    public static IReadOnlyList<DrawnAssignment> Draw(IReadOnlyList<int> transcriptIds, IReadOnlyList<string> coderIds,
        double doubleShare, Random random)
    {
        if (coderIds.Count == 0 || transcriptIds.Count == 0) return [];
        doubleShare = Math.Clamp(doubleShare, 0, 1);
        var doubles = coderIds.Count < 2 ? 0
            : Math.Max(doubleShare > 0 ? 1 : 0, (int)Math.Round(transcriptIds.Count * doubleShare, MidpointRounding.AwayFromZero));
        var ordered = transcriptIds.OrderBy(id => id).ToList();
        var drawn = ordered.OrderBy(_ => random.Next()).Take(doubles).ToHashSet();
        var result = new List<DrawnAssignment>();
        var next = 0;
        foreach (var id in ordered)
        {
            var first = coderIds[next % coderIds.Count];
            next++;
            if (drawn.Contains(id))
            {
                var second = coderIds[next % coderIds.Count];
                result.Add(new DrawnAssignment(id, [first, second]));
            }
            else result.Add(new DrawnAssignment(id, [first]));
        }
        return result;
    }
}
