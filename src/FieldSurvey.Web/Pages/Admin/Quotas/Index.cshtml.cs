using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Calls;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.Quotas;

/// <summary>
/// Quota targets per park, or per subsector within a park, with their progress. A full cell takes its firms off
/// the call list (booked callbacks stay), warns at the start of an interview and offers 4.80 "quota filled".
/// </summary>
public sealed class IndexModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public QuotaState Quota { get; private set; } = QuotaState.None;
    public IReadOnlyList<(int Id, string Code)> Parks { get; private set; } = [];
    public IReadOnlyList<string> Subsectors { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        await LoadAsync();
        if (!Parks.Any(p => p.Id == Input.ParkId)) ModelState.AddModelError("Input.ParkId", t["Choose the park."]);
        var subsector = string.IsNullOrWhiteSpace(Input.Subsector) ? null : Input.Subsector.Trim();
        if (subsector is not null && !Subsectors.Contains(subsector)) ModelState.AddModelError("Input.Subsector", t["Choose a subsector from the list."]);
        if (!ModelState.IsValid) return Page();
        var cell = await db.QuotaTargets.SingleOrDefaultAsync(q => q.ParkId == Input.ParkId && q.Subsector == subsector);
        if (cell is null) db.QuotaTargets.Add(cell = new QuotaTarget { ParkId = Input.ParkId, Subsector = subsector });
        cell.Target = Input.Target!.Value;
        await db.SaveChangesAsync();
        StatusMessage = t["Saved."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        var cell = await db.QuotaTargets.SingleOrDefaultAsync(q => q.Id == id);
        if (cell is null) return NotFound();
        if (await db.CallAttempts.IgnoreQueryFilters().AnyAsync(a => a.QuotaTargetId == id))
            StatusMessage = t["Error: {0}", t["Cases were closed as quota filled in this cell; set its target instead."]];
        else
        {
            db.QuotaTargets.Remove(cell);
            await db.SaveChangesAsync();
            StatusMessage = t["Removed."];
        }
        return RedirectToPage();
    }

    async Task LoadAsync()
    {
        Quota = await db.QuotaStateAsync();
        Parks = (await db.Parks.AsNoTracking().Where(p => p.RetiredAt == null).OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code }).ToListAsync())
            .Select(p => (p.Id, p.Code)).ToList();
        Subsectors = await db.Terms.AsNoTracking().Active().Where(x => x.Kind == TermKind.Subsector)
            .OrderBy(x => x.SortOrder).Select(x => x.Code).ToListAsync();
    }

    public sealed class InputModel
    {
        public int ParkId { get; set; }
        [StringLength(64)] public string? Subsector { get; set; }
        [Required(ErrorMessage = "Enter the number of completes wanted."), Range(0, 100000, ErrorMessage = "Enter the number of completes wanted.")]
        public int? Target { get; set; }
    }
}
