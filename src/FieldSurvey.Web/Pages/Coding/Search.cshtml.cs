using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>Retrieval of coded passages across transcripts, with each quote in its context; CSV export of the same hits.</summary>
public sealed class SearchModel(FieldSurveyDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public SearchFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];
    public IReadOnlyList<Term> Codes { get; private set; } = [];
    public IReadOnlyList<Park> Parks { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Coders { get; private set; } = [];
    public bool Searched { get; private set; }


    public async Task OnGetAsync()
    {
        Codes = await db.Terms.AsNoTracking().Where(x => Codebook.Dimensions.Contains(x.Kind)).OrderBy(x => x.Kind).ThenBy(x => x.SortOrder).ToListAsync();
        // A park-scoped coder filters by their own parks only (issue 24): the hits of the others are filtered anyway.
        Parks = await db.Parks.AsNoTracking().VisibleTo(User).OrderBy(p => p.SortOrder).ToListAsync();
        var visibleCoders = db.Segments.VisibleTo(db, User).Select(s => s.CoderId).Distinct();
        Coders = (await db.Users.Where(u => visibleCoders.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .OrderBy(u => u.DisplayName, DisplayNames.NameComparer).Select(u => (u.Id, u.DisplayName)).ToList();
        Searched = Request.Query.Count > 0;
        if (!Searched) return;
        var matches = await SegmentSearch.MatchAsync(db, User, Filter);
        Pager = Pager.For(Request, P, PageSize, matches.Count);
        Hits = await SegmentSearch.HitsAsync(db, matches.Skip(Pager.Skip).Take(PageSize).ToList(), DisplayNames.Chinese);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var hits = await SegmentSearch.RunAsync(db, User, Filter, DisplayNames.Chinese);
        return File(CsvExport.ToBytes(SegmentSearch.Table(hits)), CsvExport.ContentType, $"segments-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv");
    }
}
