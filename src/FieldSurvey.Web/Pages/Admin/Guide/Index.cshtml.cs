using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Guide;

/// <summary>The published versions of the interview guide, newest first, with how many interviews use each.</summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<Row> Versions { get; private set; } = [];

    public async Task OnGetAsync() =>
        Versions = await db.GuideVersions.AsNoTracking().OrderByDescending(g => g.Number)
            .Select(g => new Row(g.Id, g.Number, g.TitleEn, g.TitleZh, g.PublishedAt, db.Interviews.Count(i => i.GuideVersionId == g.Id)))
            .ToListAsync();

    public sealed record Row(int Id, int Number, string TitleEn, string TitleZh, DateTimeOffset? PublishedAt, int Interviews);
}
