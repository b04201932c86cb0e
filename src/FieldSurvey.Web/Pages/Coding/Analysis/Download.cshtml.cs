using System.Globalization;
using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Coding.Memos;
using FieldSurvey.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding.Analysis;

/// <summary>
/// The qualitative analysis as a workbook (co-occurrence in three measures, the framework matrix, memos) and as a PDF:
/// one <see cref="AnalysisPresentation.View"/> that both render, over exactly what the pages show this reader.
/// </summary>
public sealed class DownloadModel(FieldSurveyDbContext db, TimeProvider clock, UserTime time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Park { get; set; }
    [BindProperty(SupportsGet = true)] public int? Source { get; set; }
    [BindProperty(SupportsGet = true)] public List<int> Columns { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }

    // Files only: the page itself has nothing to show, so a plain visit goes back to the matrix.
    public IActionResult OnGet() => RedirectToPage("CoOccurrence");

    public async Task<IActionResult> OnGetWorkbookAsync()
    {
        var stream = new MemoryStream();
        using (ReportLanguage.Use(Lang)) ReportWorkbook.Write(stream, await ViewAsync());
        stream.Position = 0;
        return File(stream, ReportWorkbook.ContentType, $"qualitative-analysis-{Stamp()}.xlsx");
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        var stream = new MemoryStream();
        using (ReportLanguage.Use(Lang)) ReportPdf.Write(stream, await ViewAsync(), (page, of) => t["Page {0} of {1}", page, of].Value);
        stream.Position = 0;
        return File(stream, ReportPdf.ContentType, $"qualitative-analysis-{Stamp()}.pdf");
    }

    async Task<ReportView> ViewAsync()
    {
        var chinese = DisplayNames.Chinese;
        if (Park is not null && !await db.Parks.VisibleTo(User).AnyAsync(p => p.Code == Park)) Park = null;
        var codes = await AnalysisData.CodesAsync(db);
        var passages = (await AnalysisData.PassagesAsync(db, User, Park, Source)).Select(p => p.Passage).ToList();
        var present = passages.SelectMany(p => p.Codes).ToHashSet();
        var coCodes = codes.Where(c => present.Contains(c.Id)).Take(CoOccurrenceModel.MaxCodes).ToList();
        var co = CoOccurrence.Build(passages, coCodes.Select(c => c.Id).ToList());
        var columns = Columns.Count > 0 ? codes.Where(c => Columns.Contains(c.Id)).Take(20).ToList()
            : codes.Where(c => c.Kind == Core.Study.TermKind.LinkageType).Take(FrameworkModel.DefaultColumns).ToList();
        var framework = await FrameworkMatrix.LoadAsync(db, User, columns.Select(c => c.Id).ToList(), Park);
        var selection = (Park ?? t["All parks"].Value) + (Source is { } s ? $" · {t["Transcript"]} #{s}" : "");
        return AnalysisPresentation.View(co, coCodes, framework, columns, await MemoTableAsync(), chinese, t, selection,
            t["Generated {0}", time.Format(clock.GetUtcNow())]);
    }

    async Task<Core.Exports.ReportTable> MemoTableAsync()
    {
        var memos = await db.Readable(User).AsNoTracking().OrderByDescending(m => m.UpdatedAtUtc).ThenByDescending(m => m.Id).ToListAsync();
        var ids = memos.Select(m => m.Id).ToList();
        var links = (await db.MemoLinks.Where(l => ids.Contains(l.MemoId))
            .Join(db.Segments.Where(s => s.DeletedAtUtc == null).VisibleTo(db, User), l => l.SegmentId, s => s.Id, (l, s) => new { l.MemoId, s.Quote })
            .ToListAsync()).ToLookup(x => x.MemoId, x => x.Quote);
        var authorIds = memos.Select(m => m.AuthorId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return AnalysisPresentation.Memos(memos.Select(m => (m.Title, t["Memo about " + m.Target].Value, m.AuthorId is { } a ? names.GetValueOrDefault(a) : null,
            time.Format(m.UpdatedAtUtc), m.Text, string.Join("\n", links[m.Id]))), t);
    }

    string Stamp() => clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
}
