using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Interviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Guide;

/// <summary>One published guide version, read-only, as the interviewer sees its questions.</summary>
public sealed class ViewModel(FieldSurveyDbContext db) : PageModel
{
    public GuideVersion Version { get; private set; } = null!;
    public ResolvedGuide Guide { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var version = await db.GuideVersions.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id);
        if (version is null) return NotFound();
        Version = version;
        Guide = await db.ResolveGuideAsync(id);
        return Page();
    }
}
