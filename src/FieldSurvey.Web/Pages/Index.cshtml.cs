using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages;

/// <summary>Home: for each of the person's roles, what is waiting for them.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock) : PageModel
{
    public InterviewerTodo? Interviewer { get; private set; }
    public CoderTodo? Coder { get; private set; }
    public PiTodo? PI { get; private set; }

    public async Task OnGetAsync()
    {
        var me = User.Id();
        var now = clock.GetUtcNow();
        if (User.IsInRole(Roles.Interviewer))
        {
            var mine = db.Firms.Where(f => f.AssignedInterviewerId == me);
            Interviewer = new InterviewerTodo(
                await mine.CountAsync(),
                await db.CallAttempts.Where(c => c.InterviewerId == me && c.CallbackAtUtc != null && c.CallbackAtUtc <= now.AddDays(1)
                    && !db.CallAttempts.Any(later => later.FirmId == c.FirmId && later.AtUtc > c.AtUtc)).CountAsync(),
                await db.Interviews.CountAsync(i => i.InterviewerId == me && (i.Status == InterviewStatus.Draft || i.Status == InterviewStatus.Returned)));
        }
        if (User.IsInRole(Roles.Coder))
        {
            var queue = db.CodingAssignments.Where(a => a.CoderId == me);
            Coder = new CoderTodo(await queue.CountAsync(a => a.CompletedAtUtc == null), await queue.CountAsync(a => a.CompletedAtUtc != null));
        }
        if (User.IsInRole(Roles.PI))
        {
            PI = new PiTodo(
                await db.Interviews.CountAsync(i => i.Status == InterviewStatus.Submitted),
                await db.Firms.CountAsync(f => f.AssignedInterviewerId == null),
                await db.Transcripts.CountAsync(t => !db.CodingAssignments.Any(a => a.TranscriptId == t.Id)),
                await db.Users.CountAsync());
        }
    }

    public sealed record InterviewerTodo(int Firms, int CallbacksDue, int OpenInterviews);
    public sealed record CoderTodo(int Waiting, int Done);
    public sealed record PiTodo(int ToReview, int UnassignedFirms, int UnassignedTranscripts, int People);
}
