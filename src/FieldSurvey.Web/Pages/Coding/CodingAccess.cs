using System.Security.Claims;
using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>What one person may do with one transcript's coding; every coding page and handler asks here.</summary>
public sealed record CodingAccess(string UserId, bool IsPI, IReadOnlyList<AssignmentState> Assignments)
{
    public AssignmentState? Mine => Assignments.FirstOrDefault(a => a.CoderId == UserId);
    /// <summary>PIs may code anything; a coder only what they are assigned to.</summary>
    public bool CanOpen => IsPI || Mine is not null;
    /// <summary>Once a coder marks a transcript complete, their codes are frozen until they reopen it.</summary>
    public bool CanEdit => CanOpen && Mine is not { Completed: true };
    /// <summary>False once the coding is revealed: from then on only a PI reopens it (Admin/CodingAssignments).</summary>
    public bool CanReopen => Blinding.CanReopen(UserId, Assignments);
    public bool SeesOthers => Blinding.CanSeeOthers(UserId, IsPI, Assignments);
    public bool Sees(string? segmentCoderId) => Blinding.CanSeeSegment(UserId, IsPI, segmentCoderId, Assignments);
}

public static class CodingQueries
{
    public static async Task<CodingAccess> AccessAsync(this FieldSurveyDbContext db, ClaimsPrincipal user, int transcriptId)
    {
        var assignments = await db.CodingAssignments.Where(a => a.TranscriptId == transcriptId)
            .Select(a => new AssignmentState(a.CoderId, a.CompletedAtUtc != null)).ToListAsync();
        return new CodingAccess(user.Id(), user.IsPI(), assignments);
    }

    /// <summary>
    /// Segments <paramref name="user"/> may see, across transcripts: a PI all; a coder their own on transcripts
    /// assigned to them, and everyone's on assigned transcripts whose coders have all finished.
    /// </summary>
    public static IQueryable<Segment> VisibleTo(this IQueryable<Segment> segments, FieldSurveyDbContext db, ClaimsPrincipal user)
    {
        if (user.IsPI()) return segments;
        var me = user.Id();
        var mine = db.CodingAssignments.Where(a => a.CoderId == me).Select(a => a.TranscriptId);
        var finished = db.CodingAssignments.Where(a => a.CoderId == me)
            .Where(a => !db.CodingAssignments.Any(o => o.TranscriptId == a.TranscriptId && o.CompletedAtUtc == null))
            .Select(a => a.TranscriptId);
        return segments.Where(s => mine.Contains(s.TranscriptId) && (s.CoderId == me || finished.Contains(s.TranscriptId)));
    }
}
