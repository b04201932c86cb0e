using System.Globalization;
using FieldSurvey.Core.Calls;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// Interviewer productivity for the PI, per Beijing day or week (<see cref="Productivity"/> states the conventions),
/// filtered by the firms' park and a period of Beijing dates; a chart of attempts and completes, and the same rows
/// as CSV and as a workbook (<see cref="ProductivityData"/>), with the same filters.
/// </summary>
public sealed class ProductivityModel(FieldSurveyDbContext db, UserTime time, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? ParkId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public ProductivityPeriod Period { get; set; } = ProductivityPeriod.Week;
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    public IReadOnlyList<ProductivityRow> Rows => Result.Rows;
    public ProductivityResult Result { get; private set; } = new([], new Dictionary<string, string>());
    public IReadOnlyList<(int Id, string Code)> Parks { get; private set; } = [];

    /// <summary>The filters as query values, for the download links.</summary>
    public Dictionary<string, string> Query => new()
    {
        ["parkId"] = ParkId?.ToString(CultureInfo.InvariantCulture) ?? "", ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", ["period"] = Period.ToString(),
    };

    public async Task OnGetAsync()
    {
        Parks = (await db.Parks.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code }).ToListAsync()).Select(p => (p.Id, p.Code)).ToList();
        await LoadAsync();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        using (ReportLanguage.Use(Lang))
            return File(CsvExport.ToBytes(ProductivityData.Table(Result, Period, t)), CsvExport.ContentType, FileName("csv"));
    }

    public async Task<IActionResult> OnGetWorkbookAsync()
    {
        await LoadAsync();
        var stream = new MemoryStream();
        using (ReportLanguage.Use(Lang))
        using (var xlsx = new XlsxWriter(stream)) xlsx.AddTable(ProductivityData.Table(Result, Period, t));
        stream.Position = 0;
        return File(stream, ReportWorkbook.ContentType, FileName("xlsx"));
    }

    async Task LoadAsync() => Result = await db.ProductivityAsync(new ProductivityFilter(ParkId, From, To, Period), time.FirmZone);

    string FileName(string extension) =>
        $"productivity-{Period.ToString().ToLowerInvariant()}-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{extension}";
}
