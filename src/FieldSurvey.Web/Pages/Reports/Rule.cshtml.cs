using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using FieldSurvey.Web.Reporting;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>The classification rule's thresholds (StudySettings.ClassificationRuleJson), edited by the PI; audited like any change.</summary>
public sealed class RuleModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public ClassificationRule Current { get; private set; } = ClassificationRule.Default;

    public async Task OnGetAsync()
    {
        var settings = await db.StudySettings.AsNoTracking().CurrentAsync();
        Current = ClassificationRule.FromJson(settings?.ClassificationRuleJson);
        Input = InputModel.From(Current, settings?.Version ?? 0);
    }

    public async Task<IActionResult> OnPostAsync(bool reset = false)
    {
        var rule = reset ? ClassificationRule.Default : Input.ToRule();
        foreach (var (field, code) in rule.Check()) ModelState.AddModelError($"Input.{field}", t[code]);
        var settings = await db.StudySettings.CurrentAsync();
        if (!ModelState.IsValid) { Current = ClassificationRule.FromJson(settings?.ClassificationRuleJson); return Page(); }
        if (settings is null) db.StudySettings.Add(settings = new StudySettings());
        else db.ExpectVersion(settings, Input.Version);
        settings.ClassificationRuleJson = rule.ToJson();
        db.AuditReason = "Classification rule thresholds changed";
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed the study settings while you were editing. Reload the page to see their changes."]);
            Current = ClassificationRule.FromJson(settings.ClassificationRuleJson);
            return Page();
        }
        StatusMessage = t["Rule saved. The report now uses these thresholds."];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        public int Version { get; set; }
        [Range(0, 1)] public double MinDissimilarity { get; set; }
        [Range(0, 1)] public double CollaboratingShare { get; set; }
        [Range(1, 20)] public int MinTypesAboveShare { get; set; }
        [Range(0, 1)] public double CompetingShare { get; set; }
        [Range(0, 100000)] public int MinMentionsPerPark { get; set; }
        [Range(0, 100000)] public int MinFirmsPerPark { get; set; }
        public bool RequireInterval { get; set; }
        public bool UseSurveyNature { get; set; }

        public static InputModel From(ClassificationRule r, int version) => new()
        {
            Version = version, MinDissimilarity = r.MinDissimilarity, CollaboratingShare = r.CollaboratingShare, MinTypesAboveShare = r.MinTypesAboveShare,
            CompetingShare = r.CompetingShare, MinMentionsPerPark = r.MinMentionsPerPark, MinFirmsPerPark = r.MinFirmsPerPark,
            RequireInterval = r.RequireInterval, UseSurveyNature = r.UseSurveyNature,
        };

        public ClassificationRule ToRule() => new()
        {
            MinDissimilarity = MinDissimilarity, CollaboratingShare = CollaboratingShare, MinTypesAboveShare = MinTypesAboveShare,
            CompetingShare = CompetingShare, MinMentionsPerPark = MinMentionsPerPark, MinFirmsPerPark = MinFirmsPerPark,
            RequireInterval = RequireInterval, UseSurveyNature = UseSurveyNature,
        };
    }
}
