using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// The linkage report: matrices, scope shares, indicators, the suggested classification with its reasons and
/// rule, and the PI's final judgement beside it: it renders <see cref="ReportView"/> as the downloads do, and adds the filters and the judgement form.
/// </summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, ReportCache reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public FilterQuery Query { get; set; } = new();
    [BindProperty] public JudgementInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public LoadedReport Data { get; private set; } = null!;
    /// <summary>What the page shows: the same presentation the downloads render.</summary>
    public ReportView View { get; private set; } = null!;
    /// <summary>
    /// Which kept report the page renders (data version, point figures or whole report, when it was computed, filter):
    /// the key of the page's rendered sections. The language is the cache's other key.
    /// </summary>
    public string RenderKey => FormattableString.Invariant($"{Data.Version}|{Data.UncertaintyPending}|{Data.GeneratedAtUtc.UtcTicks}|{Data.Filter}");
    public IReadOnlyList<(string Code, string Name)> Parks { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostJudgeAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var suggestion = Data.Report.Classifications.FirstOrDefault(c => c.Key == Input.Scope);
        if (suggestion is null) ModelState.AddModelError("Input.Scope", t["Choose the configuration or a pair of parks."]);
        if (!ModelState.IsValid) return Page();
        db.ClassificationJudgements.Add(new ClassificationJudgement
        {
            Scope = suggestion!.Key, Verdict = Input.Verdict!.Value, Rationale = Input.Rationale.Trim(),
            DecidedById = User.Id(), DecidedAtUtc = clock.GetUtcNow(),
            RuleText = $"Suggested {suggestion.Verdict} by the rule {Data.Report.Rule.ToJson()}",
        });
        await db.SaveChangesAsync(ct);
        StatusMessage = t["Judgement recorded."];
        return RedirectToPage(Query.ToFilter().RouteValues());
    }

    async Task LoadAsync(CancellationToken ct)
    {
        // A kept report and its kept presentation: the version query is the page's only report database work.
        Data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), reports.PageWait, ct);
        View = reports.View(Data, t);
        var chinese = DisplayNames.Chinese;
        Parks = Data.FilterParks.Select(p => (p.Code, p.Name(chinese))).ToList();
        Guides = Data.FilterGuides.Select(g => (g.Id, $"{g.Version.Code} {g.Version.Name(chinese)}")).ToList();
    }

    public sealed class JudgementInput
    {
        [Required] public string Scope { get; set; } = Indicators.All;
        [Required(ErrorMessage = "Choose a verdict.")] public Verdict? Verdict { get; set; }
        [Required(ErrorMessage = "Give the rationale for your judgement."), StringLength(8000)] public string Rationale { get; set; } = "";
    }
}
