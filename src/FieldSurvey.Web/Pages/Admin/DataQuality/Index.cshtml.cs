using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.DataQuality;

/// <summary>
/// The PI's data-quality rules (issue 24): each an expression over question ids that must hold for an interview, with a
/// message in both languages. Rules are retired, never deleted: queries raised on a rule keep pointing at it.
/// </summary>
public sealed class IndexModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<DataQualityRule> Rules { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rules = await db.DataQualityRules.AsNoTracking().OrderBy(r => r.Retired).ThenBy(r => r.Id).ToListAsync();

    public async Task<IActionResult> OnPostRetireAsync(int id, int version, bool retire)
    {
        var rule = await db.DataQualityRules.SingleOrDefaultAsync(r => r.Id == id);
        if (rule is null) return NotFound();
        db.ExpectVersion(rule, version);
        rule.Retired = retire;
        StatusMessage = await db.TrySaveAsync()
            ? (retire ? t["Rule retired."] : t["Rule in use again."])
            : t["Error: {0}", t["Someone else changed this rule meanwhile; nothing was changed."]];
        return RedirectToPage();
    }
}
