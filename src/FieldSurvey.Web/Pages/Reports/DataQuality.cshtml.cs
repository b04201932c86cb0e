using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using FieldSurvey.Web.Pages.Interviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// Every data-quality finding across the interviews past draft (issue 24), filtered by rule and park. From a finding the
/// PI raises a query to the interviewer of that interview; a finding with an unresolved query links to it instead.
/// </summary>
public sealed class DataQualityModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public int? ParkId { get; set; }
    [BindProperty] public RaiseInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<FindingRow> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Code)> Parks { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> RuleChoices { get; private set; } = [];

    public sealed record FindingRow(int InterviewId, string Firm, string Park, string Interviewer, string RuleName, string RuleValue,
        string QuestionIds, DataQualitySeverity Severity, string Message, string Key, int? QueryId, DataQueryStatus? QueryStatus);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRaiseAsync()
    {
        var rows = await LoadAsync(Input.InterviewId);
        var row = rows.FirstOrDefault(r => r.Key == Input.Key);
        if (row is null) ModelState.AddModelError("Input.Text", t["This finding is no longer there (the answer has changed); nothing was raised."]);
        else if (row.QueryId is not null) ModelState.AddModelError("Input.Text", t["This finding already has an open query."]);
        if (!ModelState.IsValid) { await LoadAsync(); return Page(); }

        var interview = await db.Interviews.AsNoTracking().Where(i => i.Id == Input.InterviewId).Select(i => new { i.InterviewerId }).SingleAsync();
        var finding = Found.Single(f => f.Key == Input.Key);
        var now = clock.GetUtcNow();
        var query = new DataQuery
        {
            InterviewId = Input.InterviewId, FindingKey = finding.Key, Rule = finding.Rule, RuleId = finding.RuleId,
            QuestionIds = string.Join(",", finding.QuestionIds), MessageCode = finding.MessageCode, ArgsJson = DataQualityText.ArgsJson(finding),
            Status = DataQueryStatus.Open, AssignedToId = interview.InterviewerId, RaisedAtUtc = now,
        };
        query.Events.Add(new DataQueryEvent { Step = DataQueryStep.Raise, StatusAfter = DataQueryStatus.Open, Text = Input.Text!.Trim(), ById = User.Id()!, AtUtc = now });
        db.DataQueries.Add(query);
        await db.SaveChangesAsync();
        StatusMessage = t["Query sent to the interviewer."];
        return RedirectToPage(new { Rule, ParkId });
    }

    List<DataQualityFinding> Found = [];

    async Task<List<FindingRow>> LoadAsync(int? onlyInterview = null)
    {
        var zh = DisplayNames.Chinese;
        Parks = (await db.Parks.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code }).ToListAsync()).Select(p => (p.Id, p.Code)).ToList();
        var rules = await db.DataQualityRules.AsNoTracking().ToListAsync();
        var byId = rules.ToDictionary(r => r.Id);
        RuleChoices = DataQualityChecks.BuiltinRules.Select(r => (r, t[DataQualityText.RuleName(r)].Value))
            .Concat(rules.Where(r => !r.Retired).Select(r => ($"rule:{r.Id}", $"#{r.Id} {r.Message(zh)}"))).ToList();

        var guides = await db.GuidesAsync();
        var study = await db.AnswersAsync(db.Interviews.InStudy());
        var numbers = DataQualityChecking.Numbers(study.Values, guides);
        var active = rules.Where(r => !r.Retired).ToList();
        var heads = await (from i in db.Interviews.InStudy()
                           join f in db.Firms on i.FirmId equals f.Id
                           where (onlyInterview == null || i.Id == onlyInterview) && (ParkId == null || f.ParkId == ParkId)
                           orderby i.Id
                           select new { i.Id, i.InterviewerId, FirmZh = f.NameZh, FirmEn = f.NameEn, Park = f.Park!.Code }).ToListAsync();
        var ids = heads.Select(h => h.Id).ToList();
        var queries = (await db.DataQueries.AsNoTracking().Unresolved().Where(q => ids.Contains(q.InterviewId))
            .Select(q => new { q.Id, q.InterviewId, q.FindingKey, q.Status }).ToListAsync())
            .ToDictionary(q => (q.InterviewId, q.FindingKey));
        var names = (await db.CallersAsync()).ToDictionary(c => c.Id, c => c.Name);

        var rows = new List<FindingRow>();
        Found = [];
        foreach (var h in heads)
        {
            foreach (var f in DataQualityChecking.Check(guides(study[h.Id].GuideVersionId), study[h.Id], numbers, active))
            {
                var ruleValue = f.RuleId is { } rid ? $"rule:{rid}" : f.Rule;
                if (Rule is { Length: > 0 } && Rule != ruleValue) continue;
                Found.Add(f);
                var q = queries.GetValueOrDefault((h.Id, f.Key));
                rows.Add(new FindingRow(h.Id, DisplayNames.FirmName(h.FirmZh, h.FirmEn), h.Park, names.GetValueOrDefault(h.InterviewerId, ""),
                    f.RuleId is { } id ? $"#{id}" : t[DataQualityText.RuleName(f.Rule)], ruleValue, string.Join(", ", f.QuestionIds), f.Severity,
                    DataQualityText.Finding(t, f, byId, zh), f.Key, q?.Id, q?.Status));
            }
        }
        if (onlyInterview is null) Rows = rows;
        return rows;
    }

    public sealed class RaiseInput
    {
        public int InterviewId { get; set; }
        [Required] public string? Key { get; set; }
        [Required(ErrorMessage = "Write the question to the interviewer."), StringLength(4000)] public string? Text { get; set; }
    }
}
