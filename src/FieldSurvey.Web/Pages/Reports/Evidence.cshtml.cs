using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using FieldSurvey.Web.Reporting;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>The passages behind one matrix cell: the same counted mentions the cell counts, nothing else.</summary>
public sealed class EvidenceModel(FieldSurveyDbContext db, TimeProvider clock, ReportCache reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public FilterQuery Query { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Focal { get; set; }
    [BindProperty(SupportsGet = true)] public string? Location { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    public LoadedReport Data { get; private set; } = null!;
    public IReadOnlyList<Mention> Mentions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), ct);
        Mentions = Data.Report.Counted
            .Where(m => (Focal is null || m.FocalPark == Focal) && (Location is null || m.PartnerLocation == Location)
                && (Type is null || m.LinkageType == Type))
            .OrderBy(m => m.Source).ThenBy(m => m.FirmId).ThenBy(m => m.EvidenceId).ToList();
    }
}
