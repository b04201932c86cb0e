using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Codebook;

/// <summary>One published codebook version, as it was.</summary>
public sealed class VersionModel(FieldSurveyDbContext db) : PageModel
{
    public CodebookVersion? Published { get; private set; }
    public IReadOnlyList<CodebookEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Published = await db.CodebookVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id);
        if (Published is null) return NotFound();
        Entries = Core.Coding.Codebook.Read(Published.SnapshotJson);
        return Page();
    }
}
