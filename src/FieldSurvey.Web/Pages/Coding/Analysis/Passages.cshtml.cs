using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldSurvey.Web.Pages.Coding.Analysis;

/// <summary>
/// The passages behind one co-occurrence cell: every stretch carrying both codes, with its quotes. The same loader as
/// the matrix, so the list has exactly as many stretches as the cell counts, and only passages the reader may see.
/// </summary>
public sealed class PassagesModel(FieldSurveyDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int A { get; set; }
    [BindProperty(SupportsGet = true)] public int B { get; set; }
    [BindProperty(SupportsGet = true)] public string? Park { get; set; }
    [BindProperty(SupportsGet = true)] public int? Source { get; set; }
    public AnalysisCode? CodeA { get; private set; }
    public AnalysisCode? CodeB { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Stretch Stretch, string Firm, IReadOnlyList<string> Quotes);

    public async Task<IActionResult> OnGetAsync()
    {
        var codes = await AnalysisData.CodesAsync(db);
        CodeA = codes.FirstOrDefault(c => c.Id == A);
        CodeB = codes.FirstOrDefault(c => c.Id == B);
        if (CodeA is null || CodeB is null) return NotFound();
        var passages = await AnalysisData.PassagesAsync(db, User, Park, Source);
        var bySegment = passages.ToDictionary(p => p.Passage.SegmentId);
        Rows = CoOccurrence.With(CoOccurrence.Stretches(passages.Select(p => p.Passage)), A, B)
            .Select(s => new Row(s, DisplayNames.Pick(bySegment[s.SegmentIds[0]].FirmZh, bySegment[s.SegmentIds[0]].FirmEn),
                s.SegmentIds.Select(id => bySegment[id].Quote).ToList())).ToList();
        return Page();
    }
}
