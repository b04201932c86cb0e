namespace FieldSurvey.Core.Coding;

/// <summary>One coder's assignment to a transcript, as the visibility rule needs it.</summary>
public sealed record AssignmentState(string CoderId, bool Completed);

/// <summary>
/// Blind double coding: a coder sees their own segments only, and the other coder's (read-only) once every
/// coder assigned to the transcript has marked it complete, so neither can be swayed by the other while
/// coding. A coder not assigned to the transcript sees nothing of it. PIs see everything.
/// Once revealed, the coding is final for the coders: reopening after reading the other coder's segments
/// would let one copy the other and fake agreement. Only a PI can reopen it for a coder, which blinds
/// that transcript again until everyone has finished once more.
/// </summary>
public static class Blinding
{
    /// <summary>Two or more coders, all finished: each has seen (or could see) the others' segments.</summary>
    public static bool IsRevealed(IReadOnlyCollection<AssignmentState> assignments) =>
        assignments.Count >= 2 && assignments.All(a => a.Completed);

    /// <summary>A coder may reopen their finished coding only while no one else's is revealed to them.</summary>
    public static bool CanReopen(string coderId, IReadOnlyCollection<AssignmentState> assignments) =>
        assignments.Any(a => a.CoderId == coderId && a.Completed) && !IsRevealed(assignments);

    public static bool CanSeeOthers(string viewerId, bool viewerIsPI, IReadOnlyCollection<AssignmentState> assignments) =>
        viewerIsPI || (assignments.Any(a => a.CoderId == viewerId) && assignments.All(a => a.Completed));

    public static bool CanSeeSegment(string viewerId, bool viewerIsPI, string? segmentCoderId, IReadOnlyCollection<AssignmentState> assignments) =>
        viewerIsPI || segmentCoderId == viewerId && assignments.Any(a => a.CoderId == viewerId)
                   || CanSeeOthers(viewerId, viewerIsPI, assignments);
}
