using System.Globalization;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Firms;

/// <summary>The sampling frame as CSV (<see cref="CsvExport"/>: BOM so Excel reads Chinese, formula-safe). Contacts only when the PI asks.</summary>
public sealed class ExportModel(FieldSurveyDbContext db, TimeProvider clock) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnGetDownloadAsync(bool personal)
    {
        var firms = await db.Firms.AsNoTracking().Include(f => f.Park).Include(f => f.Contacts).OrderBy(f => f.Id).ToListAsync();
        var attempts = await db.AttemptsByFirmAsync(db.Firms.Select(f => f.Id));
        var names = (await db.CallersAsync()).ToDictionary(c => c.Id, c => c.Name);
        string[] header = ["id", "name_zh", "name_en", "park", "address", "subsector", "founded", "size_band", "website", "notes",
            "status", "assigned_to", "attempts", "disposition", "disposition_name"];
        if (personal) header = [.. header, "contact_names", "contact_titles", "phones", "emails"];
        var rows = firms.Select(f =>
        {
            var list = attempts.GetValueOrDefault(f.Id) ?? [];
            var final = FinalDisposition.Derive(list, f.DispositionOverride);
            object?[] row = [f.Id, f.NameZh, f.NameEn, f.Park!.Code, f.Address, f.Subsector, f.FoundedYear, f.SizeBand, f.Website, f.Notes,
                f.Status.ToString(), f.AssignedInterviewerId is { } a ? names.GetValueOrDefault(a) : null, list.Count, final.Code, final.NameEn];
            if (!personal) return row;
            var contacts = f.Contacts.OrderBy(c => c.Id).ToList();
            return [.. row, string.Join(" | ", contacts.Select(c => c.Name)), string.Join(" | ", contacts.Select(c => c.Title)),
                string.Join(" | ", contacts.Select(c => string.Join("; ", c.Phones))), string.Join(" | ", contacts.Select(c => c.Email))];
        });
        var table = new ReportTable("firms", "Firms", header.Select(h => new Column(h)).ToList(), rows);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return File(CsvExport.ToBytes(table), CsvExport.ContentType, $"firms-{stamp}{(personal ? "-personal" : "")}.csv");
    }
}
