using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Agreement;
using Microsoft.Extensions.Localization;
using FieldSurvey.Web.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>The report's downloads: workbook, PDF and CSV, computed by the same <see cref="ReportData"/> as the page.</summary>
public sealed class DownloadModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, ReportCache reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public FilterQuery Query { get; set; } = new();
    /// <summary>Respondent names are personal data: exported only when the PI ticks the box.</summary>
    [BindProperty(SupportsGet = true, Name = "personal")] public bool IncludePersonalData { get; set; }

    /// <summary>The language of the download: "zh" or "en"; without it, the person's interface language.</summary>
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    bool Chinese => Lang is null ? DisplayNames.Chinese : Lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public IActionResult OnGet() => RedirectToPage("/Reports/Index", Query.ToFilter().RouteValues());

    public async Task<IActionResult> OnGetWorkbookAsync(CancellationToken ct)
    {
        var data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), ct);
        var stream = new MemoryStream();
        ReportWorkbook.Write(stream, data, IncludePersonalData, await AgreementSheetsAsync());
        stream.Position = 0;
        return File(stream, ReportWorkbook.ContentType, $"linkage-report-{Stamp()}.xlsx");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), ct);
        var stream = new MemoryStream();
        ReportPdf.Write(stream, data, Chinese);
        stream.Position = 0;
        return File(stream, ReportPdf.ContentType, $"linkage-report-{Stamp()}.pdf");
    }

    public async Task<IActionResult> OnGetCsvAsync(string table, CancellationToken ct)
    {
        var data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), ct);
        var found = ReportTables.All(data, IncludePersonalData).FirstOrDefault(x => CsvExport.Slug(x.Name) == table);
        if (found is null) return NotFound();
        var stream = new MemoryStream();
        CsvExport.Write(stream, found);
        stream.Position = 0;
        return File(stream, CsvExport.ContentType, CsvExport.FileName(found.Name));
    }

    // The coders' agreement (finished double-coded transcripts, default matching rule, codes given the passages
    // both found, as the agreement page shows by default) as extra sheets.
    async Task<IReadOnlyList<ReportTable>> AgreementSheetsAsync()
    {
        var units = await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default);
        var codebook = await db.CodebookAsync();
        return AgreementSheets.AsReportTables(AgreementTables.Build(units, codebook, s => t[s], basis: AgreementBasis.Coding));
    }

    string Stamp() => clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
}
