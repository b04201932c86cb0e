using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding.Analysis;

/// <summary>The framework matrix page: choose the columns (codes or linkage types) and a park; summaries are edited on Summary.</summary>
public sealed class FrameworkModel(FieldSurveyDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Park { get; set; }
    [BindProperty(SupportsGet = true)] public List<int> Columns { get; set; } = [];
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<(string Code, string Name)> Parks { get; private set; } = [];
    public IReadOnlyList<AnalysisCode> AllCodes { get; private set; } = [];
    public IReadOnlyList<AnalysisCode> Chosen { get; private set; } = [];
    public IReadOnlyList<FrameworkRow> Rows { get; private set; } = [];

    /// <summary>Without a choice, the linkage types: the columns every study of this kind starts from.</summary>
    public const int DefaultColumns = 5;

    public async Task OnGetAsync()
    {
        Parks = (await db.Parks.VisibleTo(User).OrderBy(p => p.SortOrder).ToListAsync()).Select(p => (p.Code, p.Localized())).ToList();
        if (Park is not null && Parks.All(p => p.Code != Park)) Park = null;
        AllCodes = await AnalysisData.CodesAsync(db);
        Chosen = Columns.Count > 0 ? AllCodes.Where(c => Columns.Contains(c.Id)).Take(20).ToList()
            : AllCodes.Where(c => c.Kind == Core.Study.TermKind.LinkageType).Take(DefaultColumns).ToList();
        Rows = await FrameworkMatrix.LoadAsync(db, User, Chosen.Select(c => c.Id).ToList(), Park);
    }

    public string Query() => string.Join("&", Chosen.Select(c => "Columns=" + c.Id).Append(Park is null ? "" : "Park=" + Uri.EscapeDataString(Park)).Where(x => x != ""));
}
