namespace FieldSurvey.Core.Coding;

/// <summary>One coder's assignment to a transcript, as the visibility rule needs it.</summary>
public sealed record AssignmentState(string CoderId, bool Completed);

/// <summary>
/// Blind double coding: a coder sees their own segments only, and the other coder's (read-only) once every
/// coder assigned to the transcript has marked it complete, so neither can be swayed by the other while
/// coding. A coder not assigned to the transcript sees nothing of it. PIs see everything.
/// </summary>
public static class Blinding
{
    public static bool CanSeeOthers(string viewerId, bool viewerIsPI, IReadOnlyCollection<AssignmentState> assignments) =>
        viewerIsPI || (assignments.Any(a => a.CoderId == viewerId) && assignments.All(a => a.Completed));

    public static bool CanSeeSegment(string viewerId, bool viewerIsPI, string? segmentCoderId, IReadOnlyCollection<AssignmentState> assignments) =>
        viewerIsPI || segmentCoderId == viewerId && assignments.Any(a => a.CoderId == viewerId)
                   || CanSeeOthers(viewerId, viewerIsPI, assignments);
}
