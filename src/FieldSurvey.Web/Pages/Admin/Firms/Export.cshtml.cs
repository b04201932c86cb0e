using System.Globalization;
using System.Text;
using CsvHelper;
using FieldSurvey.Core.Calls;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static FieldSurvey.Core.Exports.SpreadsheetText;

namespace FieldSurvey.Web.Pages.Admin.Firms;

/// <summary>The sampling frame as CSV (UTF-8 with BOM so Excel reads Chinese). Contacts only when the PI asks.</summary>
public sealed class ExportModel(FieldSurveyDbContext db, TimeProvider clock) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnGetDownloadAsync(bool personal)
    {
        var firms = await db.Firms.AsNoTracking().Include(f => f.Park).Include(f => f.Contacts).OrderBy(f => f.Id).ToListAsync();
        var attempts = await db.AttemptsByFirmAsync(db.Firms.Select(f => f.Id));
        var names = (await db.CallersAsync()).ToDictionary(c => c.Id, c => c.Name);
        using var memory = new MemoryStream();
        using (var writer = new StreamWriter(memory, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            string[] header = ["id", "name_zh", "name_en", "park", "address", "subsector", "founded", "size_band", "website", "notes",
                "status", "assigned_to", "attempts", "disposition", "disposition_name"];
            if (personal) header = [.. header, "contact_names", "contact_titles", "phones", "emails"];
            foreach (var h in header) csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var f in firms)
            {
                var list = attempts.GetValueOrDefault(f.Id) ?? [];
                var final = FinalDisposition.Derive(list, f.DispositionOverride);
                csv.WriteField(f.Id);
                foreach (var text in new[] { f.NameZh, f.NameEn, f.Park!.Code, f.Address, f.Subsector })
                    csv.WriteField(Safe(text));
                csv.WriteField(f.FoundedYear);
                foreach (var text in new[] { f.SizeBand, f.Website, f.Notes, f.Status.ToString(),
                             f.AssignedInterviewerId is { } a ? names.GetValueOrDefault(a) : null })
                    csv.WriteField(Safe(text));
                csv.WriteField(list.Count);
                csv.WriteField(Safe(final.Code));
                csv.WriteField(Safe(final.NameEn));
                if (personal)
                {
                    var contacts = f.Contacts.OrderBy(c => c.Id).ToList();
                    csv.WriteField(Safe(string.Join(" | ", contacts.Select(c => c.Name))));
                    csv.WriteField(Safe(string.Join(" | ", contacts.Select(c => c.Title))));
                    csv.WriteField(Safe(string.Join(" | ", contacts.Select(c => string.Join("; ", c.Phones)))));
                    csv.WriteField(Safe(string.Join(" | ", contacts.Select(c => c.Email))));
                }
                await csv.NextRecordAsync();
            }
        }
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return File(memory.ToArray(), "text/csv; charset=utf-8", $"firms-{stamp}{(personal ? "-personal" : "")}.csv");
    }
}
