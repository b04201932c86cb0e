using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>One transcript of a coder's queue with the coder's own progress on it.</summary>
public sealed record QueueRow(int TranscriptId, string FirmZh, string? FirmEn, string Park, int Segments, int Lost,
    bool DoubleCoded, DateTimeOffset AssignedAtUtc, DateTimeOffset? CompletedAtUtc);

/// <summary>The queue as /Coding and the home page read it: open work first, oldest assignment first.</summary>
public static class CodingQueue
{
    public static async Task<List<QueueRow>> QueueAsync(this FieldSurveyDbContext db, string coderId)
    {
        var queue = await db.CodingAssignments.AsNoTracking().Where(a => a.CoderId == coderId)
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
