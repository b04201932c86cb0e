using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Calls;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin;

/// <summary>The call list's retry gap and attempt cap, and AAPOR's e when the PI sets it (StudySettings).</summary>
public sealed class CallSettingsModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var s = await db.StudySettings.AsNoTracking().CurrentAsync();
        if (s is null) return NotFound();
        Input = new InputModel { Version = s.Version, RetryGapHours = s.RetryGapHours, MaxAttempts = s.MaxAttempts,
            EligibilityRate = s.EligibilityRate };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (EligibilityEstimate.Check(Input.EligibilityRate) is { } problem)
            ModelState.AddModelError("Input.EligibilityRate", t[problem]);
        if (!ModelState.IsValid) return Page();
        var s = await db.StudySettings.CurrentAsync();
        if (s is null) return NotFound();
        db.ExpectVersion(s, Input.Version);
        s.RetryGapHours = Input.RetryGapHours;
        s.MaxAttempts = Input.MaxAttempts;
        s.EligibilityRate = Input.EligibilityRate;
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed these settings while you were editing. Your changes were not saved: reload the page to see theirs."]);
            return Page();
        }
        StatusMessage = t["Saved."];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        public int Version { get; set; }
        [Range(0, 720, ErrorMessage = "Enter 0 to 720 hours.")] public int RetryGapHours { get; set; }
        [Range(1, 100, ErrorMessage = "Enter 1 to 100 attempts.")] public int MaxAttempts { get; set; }
        /// <summary>Blank: e is estimated from the study's cases (proportional default).</summary>
        public double? EligibilityRate { get; set; }
    }
}
