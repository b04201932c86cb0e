using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.Parks;

/// <summary>The study parks: add, rename (inline), reorder, retire. Never deleted: firms point at them.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Park> Parks { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await db.Parks.AnyAsync(p => p.Code == Input.Code && p.Id != Input.Id))
            ModelState.AddModelError("Input.Code", t["Another park already has this code."]);
        if (!ModelState.IsValid) { await LoadAsync(); return Page(); }
        Park park;
        if (Input.Id is { } id)
        {
            var found = await db.Parks.SingleOrDefaultAsync(p => p.Id == id);
            if (found is null) return NotFound();
            park = found;
            db.ExpectVersion(park, Input.Version);
            park.Code = Input.Code; park.NameEn = Input.NameEn; park.NameZh = Input.NameZh;
        }
        else
        {
            park = new Park { Code = Input.Code, NameEn = Input.NameEn, NameZh = Input.NameZh,
                SortOrder = (await db.Parks.MaxAsync(p => (int?)p.SortOrder) ?? 0) + 1 };
            db.Parks.Add(park);
        }
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this park while you were editing. Your changes were not saved: reload the page to see theirs."]);
            await LoadAsync();
            return Page();
        }
        StatusMessage = t["Saved."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int by)
    {
        if (!Ordering.Move(await db.Parks.OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(), id, by)) return NotFound();
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, bool retire)
    {
        var park = await db.Parks.SingleOrDefaultAsync(p => p.Id == id);
        if (park is null) return NotFound();
        park.RetiredAt = retire ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync();
        StatusMessage = retire ? t["\"{0}\" was retired: existing data keeps it, new data cannot use it.", park.Code]
                               : t["\"{0}\" is in use again.", park.Code];
        return RedirectToPage();
    }

    async Task LoadAsync() => Parks = await db.Parks.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync();

    public sealed class InputModel
    {
        public int? Id { get; set; }
        public int Version { get; set; }
        [Required(ErrorMessage = "Enter a code."), RegularExpression("^[A-Za-z0-9_-]{1,16}$", ErrorMessage = "Use letters, digits, - or _ (at most 16).")]
        public string Code { get; set; } = "";
        [Required(ErrorMessage = "Enter the English name."), StringLength(200)] public string NameEn { get; set; } = "";
        [Required(ErrorMessage = "Enter the Chinese name."), StringLength(200)] public string NameZh { get; set; } = "";
    }
}
