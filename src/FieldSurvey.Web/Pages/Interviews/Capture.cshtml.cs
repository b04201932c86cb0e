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
/// Records an interview on the phone: consent first, then answers and partner lists saved as they are typed
/// (see capture.js and <see cref="CaptureSaving"/>), then submission for review.
/// </summary>
public sealed class CaptureModel(FieldSurveyDbContext db, TimeProvider clock, UserTime time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ConsentInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public Interview Interview { get; private set; } = null!;
    public ResolvedGuide Guide { get; private set; } = null!;
    public string FirmName { get; private set; } = "";
    public bool Editable { get; private set; }
    public IReadOnlyDictionary<string, Answer> Answers { get; private set; } = new Dictionary<string, Answer>();
    public IReadOnlyList<PartnerRow> Partners { get; private set; } = [];
    /// <summary>Why the last submit was refused; a problem with a question id is shown at that question and linked to it.</summary>
    public IReadOnlyList<SubmitProblem> SubmitProblems { get; private set; } = [];
    /// <summary>Data-quality queries on this interview not yet closed or verified.</summary>
    public int UnresolvedQueries { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConsentAsync(int id)
    {
        if (!await LoadAsync(id, tracked: true)) return NotFound();
        if (!Editable) return Forbid();
        if (!Input.ConsentGiven) ModelState.AddModelError("Input.ConsentGiven", t["Tick the box once the respondent has agreed to the interview."]);
        if (!ModelState.IsValid) return Page();
        db.ExpectVersion(Interview, Input.Version);
        Interview.ConsentGiven = true;
        Interview.ConsentAtUtc = clock.GetUtcNow();
        Interview.RespondentName = Input.RespondentName.Trim();
        Interview.RespondentTitle = Input.RespondentTitle?.Trim();
        if (!await db.TrySaveAsync())
        {
            StatusMessage = t["Someone else changed this interview meanwhile; check and record consent again."];
            return RedirectToPage(new { id });
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, [FromBody] AnswerSave? save)
    {
        if (save?.QuestionId is null) return BadRequest();
        if (await Gate(id) is { } refused) return refused;
        return Json(await db.SaveAnswerAsync(Interview, Guide, save, t));
    }

    public async Task<IActionResult> OnPostPartnersAsync(int id, [FromBody] PartnersSave? save)
    {
        if (save?.QuestionId is null || save.Rows is null) return BadRequest();
        if (await Gate(id) is { } refused) return refused;
        return Json(await db.SavePartnersAsync(Interview, Guide, save, time.ToFirm(clock.GetUtcNow()).Year, t));
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, int version)
    {
        if (!await LoadAsync(id, tracked: true)) return NotFound();
        var problems = Guide.Guide.Questions
            .Where(q => Guide.Guide.IsShown(q, qid => Answers.GetValueOrDefault(qid)?.Value))
            .SelectMany(q => AnswerRules.Check(q, Answers.GetValueOrDefault(q.Id)?.Value, Answers.GetValueOrDefault(q.Id)?.BlankReason, Guide.OptionsOf(q))
                .Select(p => new SubmitProblem(q.Id, t[p.Message, p.Args]))).ToList();
        var (next, problem) = InterviewWorkflow.Apply(Interview.Status, ReviewAction.Submit, Interview.InterviewerId == User.Id(), User.IsPI(), Interview.ConsentGiven, null);
        if (problem is not null) problems.Insert(0, new SubmitProblem(null, t[problem]));
        if (problems.Count > 0)
        {
            // The page again (not a redirect), so each refused question can be marked where it stands.
            SubmitProblems = problems;
            ModelState.Clear();
            Input = new ConsentInput { Version = Interview.Version, RespondentName = Interview.RespondentName ?? "", RespondentTitle = Interview.RespondentTitle };
            return Page();
        }
        db.ExpectVersion(Interview, version);
        Interview.Status = next!.Value;
        Interview.SubmittedAtUtc = clock.GetUtcNow();
        StatusMessage = await db.TrySaveAsync() ? t["Submitted for review."] : t["Error: someone else changed this interview meanwhile; nothing was submitted."];
        return RedirectToPage(new { id });
    }

    JsonResult Json(SaveResult result) => new(result.Body) { StatusCode = result.Status };

    async Task<IActionResult?> Gate(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Editable) return new JsonResult(new { message = t["This interview is read-only now."].Value }) { StatusCode = 403 };
        if (!Interview.ConsentGiven) return new JsonResult(new { message = t["Record the respondent's consent before any answer."].Value }) { StatusCode = 400 };
        return null;
    }

    async Task<bool> LoadAsync(int id, bool tracked = false)
    {
        var query = db.Interviews.VisibleTo(User).Where(i => i.Id == id);
        var interview = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync();
        if (interview is null) return false;
        Interview = interview;
        Guide = await db.ResolveGuideAsync(interview.GuideVersionId);
        var firm = await db.Firms.AsNoTracking().SingleAsync(f => f.Id == interview.FirmId);
        FirmName = DisplayNames.FirmName(firm.NameZh, firm.NameEn);
        Editable = InterviewWorkflow.CanEdit(interview.Status, interview.InterviewerId == User.Id(), User.IsPI());
        Answers = await db.Answers.AsNoTracking().Where(a => a.InterviewId == id).ToDictionaryAsync(a => a.QuestionId);
        Partners = await db.PartnerRows.AsNoTracking().Where(p => p.InterviewId == id).OrderBy(p => p.QuestionId).ThenBy(p => p.RowNumber).ToListAsync();
        UnresolvedQueries = await db.DataQueries.Unresolved().CountAsync(q => q.InterviewId == id);
        if (Input.Version == 0 && HttpMethods.IsGet(Request.Method))
            Input = new ConsentInput { Version = interview.Version, RespondentName = interview.RespondentName ?? "", RespondentTitle = interview.RespondentTitle };
        return true;
    }

    public sealed record SubmitProblem(string? QuestionId, string Message);

    public sealed class ConsentInput
    {
        public int Version { get; set; }
        public bool ConsentGiven { get; set; }
        [Required(ErrorMessage = "Enter the respondent's name."), StringLength(200)] public string RespondentName { get; set; } = "";
        [StringLength(200)] public string? RespondentTitle { get; set; }
    }
}
