using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Interviews.Queries;

/// <summary>
/// One query: the finding as raised, today's answers to its questions, its history, and the next steps
/// (<see cref="DataQueryWorkflow"/> decides who may take which). A step carries the query's version, so a stale one is refused.
/// </summary>
public sealed class DetailsModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public StepInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public DataQuery Query { get; private set; } = null!;
    public string Finding { get; private set; } = "";
    public string Firm { get; private set; } = "";
    public IReadOnlyList<(string QuestionId, string Text, string Answer)> Answers { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool IsAssignee { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, DataQueryStep step)
    {
        if (!await LoadAsync(id, tracked: true)) return NotFound();
        var (next, problem) = DataQueryWorkflow.Apply(Query.Status, step, User.IsPI(), IsAssignee, Input.Text);
        if (problem is not null)
        {
            ModelState.AddModelError("Input.Text", DataQualityText.Step(t, problem));
            return Page();
        }
        db.ExpectVersion(Query, Input.Version);
        Query.Status = next!.Value;
        db.DataQueryEvents.Add(new DataQueryEvent
        {
            QueryId = Query.Id, Step = step, StatusAfter = next.Value, Text = string.IsNullOrWhiteSpace(Input.Text) ? null : Input.Text.Trim(),
            ById = User.Id()!, AtUtc = clock.GetUtcNow(),
        });
        StatusMessage = await db.TrySaveAsync()
            ? t["The query is now: {0}.", t[DataQualityText.Status(next.Value)]]
            : t["Error: {0}", t["Someone else acted on this query meanwhile; nothing was changed. Read it again."]];
        return RedirectToPage(new { id });
    }

    async Task<bool> LoadAsync(int id, bool tracked = false)
    {
        var me = User.Id();
        var query = db.DataQueries.Include(q => q.Events).Where(q => q.Id == id && (User.IsPI() || q.AssignedToId == me));
        var found = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync();
        if (found is null) return false;
        Query = found;
        IsAssignee = found.AssignedToId == me;
        var interview = await db.Interviews.AsNoTracking().Where(i => i.Id == found.InterviewId)
            .Select(i => new { i.GuideVersionId, i.FirmId }).SingleOrDefaultAsync();
        if (interview is null) return false;
        var firm = await db.Firms.AsNoTracking().Where(f => f.Id == interview.FirmId).Select(f => new { f.NameZh, f.NameEn }).SingleAsync();
        Firm = DisplayNames.FirmName(firm.NameZh, firm.NameEn);
        var rule = found.RuleId is { } rid ? await db.DataQualityRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid) : null;
        Finding = DataQualityText.Finding(t, found, rule, DisplayNames.Chinese);
        var guide = await db.ResolveGuideAsync(interview.GuideVersionId);
        var ids = found.QuestionIds.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var answers = await db.Answers.AsNoTracking().Where(a => a.InterviewId == found.InterviewId && ids.Contains(a.QuestionId))
            .ToDictionaryAsync(a => a.QuestionId, a => a.Value);
        Answers = ids.Select(qid => guide.Guide.Find(qid) is { } q
            ? (qid, DisplayNames.Chinese ? q.TextZh : q.TextEn, guide.Describe(q, answers.GetValueOrDefault(qid), DisplayNames.Chinese))
            : (qid, "", answers.GetValueOrDefault(qid) ?? "")).ToList();
        Names = (await db.CallersAsync()).ToDictionary(c => c.Id, c => c.Name);
        if (HttpMethods.IsGet(Request.Method)) Input = new StepInput { Version = found.Version };
        return true;
    }

    public sealed class StepInput
    {
        public int Version { get; set; }
        [StringLength(4000)] public string? Text { get; set; }
    }
}
