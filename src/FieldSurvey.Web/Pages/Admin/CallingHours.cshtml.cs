using FieldSurvey.Core.Calls;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin;

/// <summary>
/// The study's calling hours (issue 24): the days firms are called on, the windows in Beijing time (the lunch break
/// is the gap between them), the holiday list and the weekend days worked in the holidays' stead. Stored on
/// StudySettings; a stale edit is refused.
/// </summary>
public sealed class CallingHoursModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    /// <summary>Monday first, as a Chinese and a European calendar both show the week.</summary>
    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task<IActionResult> OnGetAsync()
    {
        var s = await db.StudySettings.AsNoTracking().CurrentAsync();
        if (s is null) return NotFound();
        var hours = CallingHours.FromJson(s.CallingHoursJson);
        Input = new InputModel { Version = s.Version, Days = [.. hours.Days], Windows = hours.WindowsText,
            Holidays = hours.HolidaysText, WorkingDays = hours.WorkingDaysText };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (hours, problems) = CallingHours.Parse(Input.Days, Input.Windows, Input.Holidays, Input.WorkingDays);
        foreach (var p in problems)
        {
            var message = t[p.Code].Value;
            if (p.Line > 0 && p.Field != "Windows") message = t["Line {0} ({1}): {2}", p.Line, p.Value ?? "", message];
            else if (p.Value is not null) message = $"{p.Value}: {message}";
            ModelState.AddModelError($"Input.{p.Field}", message);
        }
        if (!ModelState.IsValid) return Page();
        var s = await db.StudySettings.CurrentAsync();
        if (s is null) return NotFound();
        db.ExpectVersion(s, Input.Version);
        s.CallingHoursJson = hours!.ToJson();
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
        public List<DayOfWeek> Days { get; set; } = [];
        public string? Windows { get; set; }
        public string? Holidays { get; set; }
        public string? WorkingDays { get; set; }
    }
}
