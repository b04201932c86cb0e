using System.Globalization;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Pages.Agreement;
using FieldSurvey.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// The report's downloads: workbook, PDF and CSV, each rendering the same <see cref="ReportView"/> as the page, in
/// the language asked for (<c>lang=en</c> or <c>lang=zh-Hans</c>; without it, the reader's interface language).
/// </summary>
public sealed class DownloadModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, ReportCache reports,
    DownloadSpool spool) : PageModel
{
    [BindProperty(SupportsGet = true)] public FilterQuery Query { get; set; } = new();
    /// <summary>Respondent names are personal data: exported only when the PI ticks the box.</summary>
    [BindProperty(SupportsGet = true, Name = "personal")] public bool IncludePersonalData { get; set; }
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    public IActionResult OnGet() => RedirectToPage("/Reports/Index", Query.ToFilter().RouteValues());

    public async Task<IActionResult> OnGetWorkbookAsync(CancellationToken ct)
    {
        var data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), ct);
        using (ReportLanguage.Use(Lang))
        {
            // The coders' agreement (finished double-coded transcripts, default matching rule, codes given the passages
            // both found, as the agreement page shows by default) as extra sheets. Its bootstraps take long at study
            // size: computed once per data version and language, not per download (segments, assignments, decisions
            // and the codebook are report inputs, so a change to them is a new version).
            var agreement = await reports.KeptAsync(data, "agreement:" + System.Globalization.CultureInfo.CurrentUICulture.Name, async () =>
            {
                var units = await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default);
                var codebook = await db.CodebookAsync();
                return AgreementTables.Build(units, codebook, s => t[s], basis: AgreementBasis.Coding);
            });
            var view = reports.View(data, t, IncludePersonalData);
            // Through a file: the passage sheet alone is tens of MB before it is compressed.
            var stream = spool.Write(s => ReportWorkbook.Write(s, view, agreement));
            return File(stream, ReportWorkbook.ContentType, $"linkage-report-{Stamp()}.xlsx");
        }
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), ct);
        var stream = new MemoryStream();
        using (ReportLanguage.Use(Lang))
            ReportPdf.Write(stream, reports.View(data, t), (page, of) => t["Page {0} of {1}", page, of].Value);
        stream.Position = 0;
        return File(stream, ReportPdf.ContentType, $"linkage-report-{Stamp()}.pdf");
    }

    public async Task<IActionResult> OnGetCsvAsync(string table, CancellationToken ct)
    {
        var data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), ct);
        using var language = ReportLanguage.Use(Lang);
        var found = reports.View(data, t, IncludePersonalData).Csv(table);
        if (found is null) return NotFound();
        return File(spool.Write(s => CsvExport.Write(s, found)), CsvExport.ContentType, CsvExport.FileName(table));
    }

    string Stamp() => clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
}
