using System.ComponentModel.DataAnnotations;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Interviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin;

/// <summary>How long recordings are kept after an interview's approval (StudySettings), and the sweep on demand.</summary>
public sealed class RecordingSettingsModel(FieldSurveyDbContext db, RecordingRetention retention, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>About a hundred years: anything longer is a typing slip, and "keep forever" is blank or 0.</summary>
    public const int MaxDays = 36500;

    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var s = await db.StudySettings.AsNoTracking().CurrentAsync();
        if (s is null) return NotFound();
        Input = new InputModel { Version = s.Version, RetentionDays = s.RecordingRetentionDays };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var s = await db.StudySettings.CurrentAsync();
        if (s is null) return NotFound();
        db.ExpectVersion(s, Input.Version);
        s.RecordingRetentionDays = Input.RetentionDays is > 0 ? Input.RetentionDays : null;
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed these settings while you were editing. Your changes were not saved: reload the page to see theirs."]);
            return Page();
        }
        StatusMessage = t["Saved."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSweepAsync(CancellationToken ct)
    {
        var deleted = await retention.SweepAsync(ct);
        StatusMessage = t["Expired recordings deleted: {0}.", deleted];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        public int Version { get; set; }
        /// <summary>Blank or 0: recordings are kept for ever.</summary>
        [Range(0, MaxDays, ErrorMessage = "Enter 0 to 36500 days, or leave blank to keep recordings.")] public int? RetentionDays { get; set; }
    }
}
