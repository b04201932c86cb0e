using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.Codebook;

/// <summary>
/// The codebook for the PI: all four dimensions with their notes, retired and merged codes included; codes are
/// added and edited on the vocabulary pages; merging and publishing versions happen here.
/// </summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<CodebookEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Ids { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public IReadOnlyDictionary<string, int> ThemeCounts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync()
    {
        var terms = await db.Terms.AsNoTracking().ToListAsync();
        Entries = Core.Coding.Codebook.Read(Core.Coding.Codebook.Snapshot(terms));
        Ids = terms.ToDictionary(x => x.Kind + "/" + x.Code, x => x.Id);
        ThemeCounts = await Pages.Coding.ThemeCounts.CountsAsync(db);
        Versions = await db.CodebookVersions.AsNoTracking().OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Id, v.Number, v.PublishedAtUtc,
                db.Users.Where(u => u.Id == v.PublishedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var terms = await db.Terms.AsNoTracking().ToListAsync();
        var number = (await db.CodebookVersions.MaxAsync(v => (int?)v.Number) ?? 0) + 1;
        db.CodebookVersions.Add(new CodebookVersion
        {
            Number = number, PublishedAtUtc = clock.GetUtcNow(), PublishedById = User.Id(), SnapshotJson = Core.Coding.Codebook.Snapshot(terms),
        });
        await db.SaveChangesAsync();
        StatusMessage = t["Codebook version {0} published.", number];
        return RedirectToPage();
    }

    public sealed record VersionRow(int Id, int Number, DateTimeOffset PublishedAtUtc, string? PublishedBy);
}
