using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Agreement.Calibration;

/// <summary>The PI's list of calibration tests, newest (the current test) first, with who has submitted.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<Row> Tests { get; private set; } = [];

    public sealed record Row(int Id, string Title, DateTimeOffset CreatedAtUtc, double PassMark, int Gold, int Transcripts, int Takers, int Submitted);

    /// <summary>The methods-appendix workbook of every test (issue 25): PI-only, like the whole Agreement folder.</summary>
    public async Task<IActionResult> OnGetWorkbookAsync()
    {
        var stream = new MemoryStream();
        using (var xlsx = new XlsxWriter(stream))
            foreach (var table in await CalibrationAppendix.TablesAsync(db, t)) xlsx.AddTable(table);
        stream.Position = 0;
        var date = clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(stream, ReportWorkbook.ContentType, $"fieldsurvey-calibration-{date}.xlsx");
    }

    public async Task OnGetAsync() =>
        Tests = await db.CalibrationTests.AsNoTracking().OrderByDescending(x => x.CreatedAtUtc).ThenByDescending(x => x.Id)
            .Select(x => new Row(x.Id, x.Title, x.CreatedAtUtc, x.PassMark,
                db.CalibrationGold.Count(g => g.TestId == x.Id),
                db.CalibrationGold.Where(g => g.TestId == x.Id).Select(g => g.TranscriptId).Distinct().Count(),
                db.CalibrationTakers.Count(k => k.TestId == x.Id),
                db.CalibrationTakers.Count(k => k.TestId == x.Id && k.SubmittedAtUtc != null)))
            .ToListAsync();
}
