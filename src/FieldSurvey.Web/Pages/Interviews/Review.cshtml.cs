using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>
/// A PI reviews an interview: answers beside the transcript, a comment per question, then Return (with a
/// comment), Approve or Lock. Status steps carry the interview's version, so a stale step is refused.
/// </summary>
public sealed class ReviewModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public Interview Interview { get; private set; } = null!;
    public ResolvedGuide Guide { get; private set; } = null!;
    public string FirmName { get; private set; } = "";
    public string? TranscriptText { get; private set; }
    public PlayerView Player { get; private set; } = new([]);
    public IReadOnlyDictionary<string, Answer> Answers { get; private set; } = new Dictionary<string, Answer>();
    public IReadOnlyList<PartnerRow> Partners { get; private set; } = [];
    /// <summary>Data-quality queries on this interview still open or answered (not closed or verified).</summary>
    public int UnresolvedQueries { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostCommentAsync(int id, string questionId, string? comment, int answerVersion)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (Guide.Guide.Find(questionId) is null) return NotFound();
        var answer = await db.Answers.SingleOrDefaultAsync(a => a.InterviewId == id && a.QuestionId == questionId);
        // A comment on an unanswered question lives on an empty answer row, so every comment has one home.
        if (answer is null) db.Answers.Add(answer = new Answer { InterviewId = id, QuestionId = questionId });
        else db.ExpectVersion(answer, answerVersion);
        answer.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        StatusMessage = await db.TrySaveAsync() ? t["Comment saved."] : t["The answer changed while you were reviewing; your comment was not saved. Read the new answer and comment again."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStepAsync(int id, ReviewAction action)
    {
        if (await LoadAsync(id, tracked: true) is { } refused) return refused;
        var (next, problem) = InterviewWorkflow.Apply(Interview.Status, action, Interview.InterviewerId == User.Id(), User.IsPI(),
            Interview.ConsentGiven, Input.Comment);
        if (problem is not null)
        {
            ModelState.AddModelError("Input.Comment", t[problem]);
            return Page();
        }
        // Approving over unresolved data-quality queries is allowed, but only on purpose (issue 24).
        if (action == ReviewAction.Approve && UnresolvedQueries > 0 && !Input.ConfirmOpenQueries)
        {
            ModelState.AddModelError("Input.ConfirmOpenQueries",
                t["This interview has {0} unresolved queries. Tick the box to approve it all the same.", UnresolvedQueries]);
            return Page();
        }
        db.ExpectVersion(Interview, Input.Version);
        Interview.Status = next!.Value;
        if (action == ReviewAction.Return) Interview.ReviewerComment = Input.Comment!.Trim();
        if (action == ReviewAction.Approve) Interview.ApprovedAtUtc = clock.GetUtcNow();
        db.AuditReason = Input.Comment;
        if (!await db.TrySaveAsync())
        {
            StatusMessage = t["Someone else changed this interview while you were reviewing it; nothing was changed. Check it again."];
            return RedirectToPage(new { id });
        }
        StatusMessage = t["The interview is now {0}.", t[next.Value.ToString()]];
        return RedirectToPage(new { id });
    }

    async Task<IActionResult?> LoadAsync(int id, bool tracked = false)
    {
        var query = db.Interviews.Where(i => i.Id == id);
        var interview = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync();
        if (interview is null) return NotFound();
        if (!User.IsPI()) return Forbid();
        Interview = interview;
        Guide = await db.ResolveGuideAsync(interview.GuideVersionId);
        FirmName = await db.Firms.Where(f => f.Id == interview.FirmId).Select(f => f.NameZh + (f.NameEn != null ? " · " + f.NameEn : "")).SingleAsync();
        TranscriptText = await db.Transcripts.Where(x => x.InterviewId == id).Select(x => x.Text).SingleOrDefaultAsync();
        Player = new PlayerView(await db.PlayerPartsAsync(User, id));
        Answers = await db.Answers.AsNoTracking().Where(a => a.InterviewId == id).ToDictionaryAsync(a => a.QuestionId);
        Partners = await db.PartnerRows.AsNoTracking().Where(p => p.InterviewId == id).OrderBy(p => p.RowNumber).ToListAsync();
        UnresolvedQueries = await db.DataQueries.Unresolved().CountAsync(q => q.InterviewId == id);
        if (HttpMethods.IsGet(Request.Method)) Input = new InputModel { Version = interview.Version };
        return null;
    }

    public sealed class InputModel
    {
        public int Version { get; set; }
        [StringLength(4000)] public string? Comment { get; set; }
        public bool ConfirmOpenQueries { get; set; }
    }
}
