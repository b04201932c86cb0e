using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.Vocabulary;

/// <summary>One vocabulary of the study: list, reorder, retire and restore. Entries are never deleted.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public TermKind Kind { get; private set; }
    public IReadOnlyList<Term> Terms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(TermKind kind)
    {
        if (!Enum.IsDefined(kind)) return NotFound();
        Kind = kind;
        Terms = await db.Terms.AsNoTracking().Include(x => x.Park).Where(x => x.Kind == kind).OrderBy(x => x.SortOrder).ThenBy(x => x.Id).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(TermKind kind, int id, int by)
    {
        if (!Ordering.Move(await db.Terms.Where(x => x.Kind == kind).OrderBy(x => x.SortOrder).ThenBy(x => x.Id).ToListAsync(), id, by))
            return NotFound();
        await db.SaveChangesAsync();
        return RedirectToPage(new { kind });
    }

    public async Task<IActionResult> OnPostRetireAsync(TermKind kind, int id, bool retire)
    {
        var term = await db.Terms.SingleOrDefaultAsync(x => x.Id == id && x.Kind == kind);
        if (term is null) return NotFound();
        term.RetiredAt = retire ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync();
        StatusMessage = retire ? t["\"{0}\" was retired: existing data keeps it, new data cannot use it.", term.Localized()]
                               : t["\"{0}\" is in use again.", term.Localized()];
        return RedirectToPage(new { kind });
    }
}
