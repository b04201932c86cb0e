using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.XlsForms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Pages.Interviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Guide;

/// <summary>One published guide version, read-only, as the interviewer sees its questions.</summary>
public sealed class ViewModel(FieldSurveyDbContext db) : PageModel
{
    public GuideVersion Version { get; private set; } = null!;
    public ResolvedGuide Guide { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var version = await db.GuideVersions.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id);
        if (version is null) return NotFound();
        Version = version;
        Guide = await db.ResolveGuideAsync(id);
        return Page();
    }

    /// <summary>The version as an XLSForm workbook (docs/xlsform.md), which re-imports to the same guide.</summary>
    public async Task<IActionResult> OnGetXlsFormAsync(int id)
    {
        var version = await db.GuideVersions.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id);
        if (version is null || GuideParser.Parse(version.DefinitionJson).Guide is not { } guide) return NotFound();
        var stream = new MemoryStream();
        XlsFormWorkbook.Write(XlsFormExporter.Export(guide, version.Number), stream);
        stream.Position = 0;
        return File(stream, XlsFormWorkbook.ContentType, $"guide-v{version.Number}-xlsform.xlsx");
    }
}
