using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>One transcript of a coder's queue with the coder's own progress on it.</summary>
public sealed record QueueRow(int TranscriptId, string FirmZh, string? FirmEn, string Park, int Segments, int Lost,
    bool DoubleCoded, DateTimeOffset AssignedAtUtc, DateTimeOffset? CompletedAtUtc);

/// <summary>The queue as /Coding and the home page read it: open work first, oldest assignment first.</summary>
public static class CodingQueue
{
    /// <summary>
    /// One page of the queue, in the same order as <see cref="QueueAsync"/>: the order and the paging run in the database
    /// and the segment counts only for the rows shown, so a coder with 2,000 transcripts gets 50 rows, not all.
    /// </summary>
    public static async Task<(List<QueueRow> Rows, int Total, int Page)> QueuePageAsync(this FieldSurveyDbContext db, string coderId, int page, int pageSize)
    {
        var mine = db.CodingAssignments.AsNoTracking().Where(a => a.CoderId == coderId);
        var total = await mine.CountAsync();
        page = Infrastructure.Pager.Clamp(page, pageSize, total);
        var ids = await mine.OrderBy(a => a.CompletedAtUtc != null).ThenBy(a => a.AssignedAtUtc).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(a => a.Id).ToListAsync();
        var rows = await db.QueueAsync(coderId, ids);
        return (rows, total, page);
    }

    public static async Task<List<QueueRow>> QueueAsync(this FieldSurveyDbContext db, string coderId, IReadOnlyCollection<int>? assignmentIds = null)
    {
        var assignments = db.CodingAssignments.AsNoTracking().Where(a => a.CoderId == coderId);
        if (assignmentIds is not null) assignments = assignments.Where(a => assignmentIds.Contains(a.Id));
        var queue = await assignments
            .Join(db.Transcripts, a => a.TranscriptId, x => x.Id, (a, x) => new { a, x.InterviewId, x.Id })
            .Join(db.Interviews, x => x.InterviewId, i => i.Id, (x, i) => new { x.a, x.Id, i.FirmId })
            .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new QueueRow(x.Id, f.NameZh, f.NameEn, f.Park!.Code,
                db.Segments.Count(s => s.TranscriptId == x.Id && s.CoderId == coderId && s.DeletedAtUtc == null),
                db.Segments.Count(s => s.TranscriptId == x.Id && s.CoderId == coderId && s.DeletedAtUtc == null && s.Anchor == Core.Coding.AnchorState.Lost),
                db.CodingAssignments.Count(o => o.TranscriptId == x.Id) > 1, x.a.AssignedAtUtc, x.a.CompletedAtUtc))
            .ToListAsync();
        return queue.OrderBy(q => q.CompletedAtUtc is not null).ThenBy(q => q.AssignedAtUtc).ToList();
    }
}
