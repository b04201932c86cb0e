using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>The current codebook, read-only, for coders at work.</summary>
public sealed class CodebookModel(FieldSurveyDbContext db) : PageModel
{
    public IReadOnlyList<CodebookEntry> Entries { get; private set; } = [];
    public int? LatestVersion { get; private set; }
    public IReadOnlyDictionary<string, int> ThemeCounts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync()
    {
        Entries = Codebook.Read(Codebook.Snapshot(await db.Terms.AsNoTracking().ToListAsync())).Where(e => e.Active).ToList();
        LatestVersion = await db.CodebookVersions.MaxAsync(v => (int?)v.Number);
        ThemeCounts = await Coding.ThemeCounts.CountsAsync(db);
    }
}
