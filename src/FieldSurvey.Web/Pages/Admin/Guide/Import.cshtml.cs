using System.Text.Json;
using FieldSurvey.Core.Study;
using FieldSurvey.Core.XlsForms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Pages.Admin.Guide;

/// <summary>
/// An XLSForm (ODK, KoboToolbox, SurveyCTO) read into a guide and previewed; nothing is saved here. Publishing
/// posts the previewed guide to <see cref="EditModel"/>, so an imported guide passes the same checks, version
/// conflict test and audit as one edited by hand. The mapping is Core's (docs/xlsform.md).
/// </summary>
[UploadLimit(UploadKind.File)]
public sealed class ImportModel(FieldSurveyDbContext db, IOptions<StorageOptions> storage, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>A questionnaire is a few hundred rows: a much larger file is not an XLSForm.</summary>
    public const long XlsFormMaxBytes = 2 * 1024 * 1024;

    public long MaxBytes => Math.Min(storage.Value.MaxUploadBytes, XlsFormMaxBytes);
    public int LatestNumber { get; private set; }
    public Core.Interviews.Guide? Preview { get; private set; }
    public string PreviewJson { get; private set; } = "";
    public IReadOnlyList<string> NotImported { get; private set; } = [];

    public async Task OnGetAsync() => LatestNumber = await db.GuideVersions.MaxAsync(g => (int?)g.Number) ?? 0;

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        LatestNumber = await db.GuideVersions.MaxAsync(g => (int?)g.Number) ?? 0;
        if (file is null || file.Length == 0) ModelState.AddModelError("file", t["Choose an XLSForm (.xlsx) file."]);
        else if (file.Length > MaxBytes) ModelState.AddModelError("file", t["The file is larger than {0} MB.", UploadLimits.Megabytes(MaxBytes)]);
        if (!ModelState.IsValid) return Page();

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer);
        buffer.Position = 0;
        if (XlsFormWorkbook.Read(buffer) is not { } sheets)
        {
            ModelState.AddModelError("file", t["The file is not an Excel workbook (.xlsx)."]);
            return Page();
        }
        var result = XlsFormImporter.Import(sheets, Enum.GetNames<TermKind>());
        foreach (var e in result.Errors) ModelState.AddModelError("file", Where(e) + ": " + t[e.Message, e.Args]);
        NotImported = [.. result.NotImported.Select(n => Where(n) + ": " + t[n.Message, n.Args])];
        if (result.Guide is not { } guide) return Page();
        Preview = guide;
        PreviewJson = JsonSerializer.Serialize(guide, GuideJson.Options);
        return Page();
    }

    string Where(XlsFormIssue issue) => issue.Column is { } column
        ? t["Sheet {0}, row {1}, column {2}", issue.Sheet, issue.Row, column]
        : t["Sheet {0}, row {1}", issue.Sheet, issue.Row];
}
