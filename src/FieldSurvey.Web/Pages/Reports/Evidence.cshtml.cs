using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using FieldSurvey.Web.Reporting;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// The passages behind one matrix cell: the same counted mentions the cell counts, nothing else, 100 a page (a cell
/// of a large study holds thousands); the quotes of the page's passages are read by id.
/// </summary>
public sealed class EvidenceModel(FieldSurveyDbContext db, TimeProvider clock, ReportCache reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public FilterQuery Query { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Focal { get; set; }
    [BindProperty(SupportsGet = true)] public string? Location { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    public LoadedReport Data { get; private set; } = null!;
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    /// <summary>Every mention of the cell (the count and the firms); <see cref="Shown"/> is the page of them.</summary>
    public IReadOnlyList<Mention> Mentions { get; private set; } = [];
    public IReadOnlyList<Mention> Shown { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Quotes { get; private set; } = new Dictionary<int, string>();
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), ct);
        Mentions = Data.Report.Counted
            .Where(m => (Focal is null || m.FocalPark == Focal) && (Location is null || m.PartnerLocation == Location)
                && (Type is null || m.LinkageType == Type))
            .OrderBy(m => m.Source).ThenBy(m => m.FirmId).ThenBy(m => m.EvidenceId).ToList();
        Pager = Pager.For(Request, P, PageSize, Mentions.Count);
        Shown = Mentions.Skip(Pager.Skip).Take(PageSize).ToList();
        Quotes = Data.Quotes.For(Shown);
    }

    public string Text(Mention mention) => PassageQuotes.Text(mention, Quotes);
}
