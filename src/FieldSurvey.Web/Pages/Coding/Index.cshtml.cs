using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>A coder's queue: the transcripts assigned to them, with their own progress.</summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    [Microsoft.AspNetCore.Mvc.TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<QueueRow> Queue { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = User.Id();
        Queue = await db.CodingAssignments.AsNoTracking().Where(a => a.CoderId == me)
            .Join(db.Transcripts, a => a.TranscriptId, x => x.Id, (a, x) => new { a, x.InterviewId, x.Id })
            .Join(db.Interviews, x => x.InterviewId, i => i.Id, (x, i) => new { x.a, x.Id, i.FirmId })
            .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new QueueRow(x.Id, f.NameZh, f.NameEn, f.Park!.Code,
                db.Segments.Count(s => s.TranscriptId == x.Id && s.CoderId == me && s.DeletedAtUtc == null),
                db.Segments.Count(s => s.TranscriptId == x.Id && s.CoderId == me && s.DeletedAtUtc == null && s.Anchor == Core.Coding.AnchorState.Lost),
                db.CodingAssignments.Count(o => o.TranscriptId == x.Id) > 1, x.a.AssignedAtUtc, x.a.CompletedAtUtc))
            .ToListAsync();
        Queue = Queue.OrderBy(q => q.CompletedAtUtc is not null).ThenBy(q => q.AssignedAtUtc).ToList();
    }

    public sealed record QueueRow(int TranscriptId, string FirmZh, string? FirmEn, string Park, int Segments, int Lost,
        bool DoubleCoded, DateTimeOffset AssignedAtUtc, DateTimeOffset? CompletedAtUtc);
}
