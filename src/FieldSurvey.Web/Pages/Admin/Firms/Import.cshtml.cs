using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Pages.Admin.Firms;

/// <summary>
/// Imports firms from CSV (UTF-8 or GB18030) or XLSX: upload, map columns (guessed from the header),
/// preview every bad row, then import all rows in one transaction — or nothing while any row is bad.
/// </summary>
[UploadLimit(UploadKind.File)]
public sealed class ImportModel(FieldSurveyDbContext db, IOptions<StorageOptions> storage,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    public ImportTable? Table { get; private set; }
    public ImportResult? Result { get; private set; }
    public Dictionary<ImportField, int> Mapping { get; private set; } = [];
    public IReadOnlyList<string> DuplicateWarnings { get; private set; } = [];
    public long MaxBytes => Math.Min(storage.Value.MaxUploadBytes, ImportFiles.MaxBytes);
    ImportUpload? upload;

    public async Task<IActionResult> OnGetAsync() => Id is null || await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0) ModelState.AddModelError("file", t["Choose a CSV or XLSX file."]);
        else if (file.Length > MaxBytes) ModelState.AddModelError("file", t["The file is larger than {0} MB.", UploadLimits.Megabytes(MaxBytes)]);
        if (!ModelState.IsValid) return Page();
        var (id, problem) = await ImportFiles.SaveAsync(db, file!, User.Id(), clock.GetUtcNow());
        if (problem is not null)
        {
            ModelState.AddModelError("file", t[problem, ImportFiles.MaxRows.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), ImportFiles.MaxColumns]);
            return Page();
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Result = await ValidateAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Result = await ValidateAsync();
        if (!Result.IsValid || Result.Firms.Count == 0) return Page();
        await using (var transaction = await db.BeginWriteAsync())
        {
            db.Firms.AddRange(Result.Firms.Select(f => new Firm
            {
                NameZh = f.NameZh, NameEn = f.NameEn, ParkId = f.ParkId, Address = f.Address, Subsector = f.Subsector,
                FoundedYear = f.FoundedYear, SizeBand = f.SizeBand, Website = f.Website, Notes = f.Notes,
                Contacts = f.ToContact() is { } contact ? [contact] : [],
            }));
            db.ImportUploads.Remove(upload!);   // the file goes with the import it fed
            db.AuditReason = "Firm import";
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        StatusMessage = t["{0} firms imported.", Result.Firms.Count];
        return RedirectToPage("/Firms/Index");
    }

    async Task<bool> LoadAsync()
    {
        if ((upload = await ImportFiles.FindAsync(db, Id, User.Id())) is null) return false;
        Table = ImportFiles.Read(upload);
        Mapping = PostedMapping(Table.Headers.Count) ?? FirmImport.GuessMapping(Table.Headers);
        return true;
    }

    /// <summary>The mapping form posts Map[Field] = column index (-1 for none); no mapping posted means "guess from the header".</summary>
    Dictionary<ImportField, int>? PostedMapping(int columns)
    {
        if (!Request.HasFormContentType) return null;
        var posted = Enum.GetValues<ImportField>()
            .Select(f => (Field: f, Value: Request.Form[$"Map[{f}]"].ToString()))
            .Where(x => x.Value.Length > 0).ToList();
        if (posted.Count == 0) return null;
        return posted.Where(x => int.TryParse(x.Value, out var c) && c >= 0 && c < columns)
            .ToDictionary(x => x.Field, x => int.Parse(x.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    async Task<ImportResult> ValidateAsync()
    {
        var parks = await db.Parks.Where(p => p.RetiredAt == null).Select(p => new ImportPark(p.Id, p.Code, p.NameEn, p.NameZh)).ToListAsync();
        var subsectors = await db.Terms.Active().Where(x => x.Kind == TermKind.Subsector)
            .Select(x => new ImportSubsector(x.Code, x.NameEn, x.NameZh)).ToListAsync();
        var result = FirmImport.Validate(Table!.Rows, Mapping, parks, subsectors, clock.GetUtcNow().Year);
        // Possible duplicates (against the frame and earlier rows of the file) are warnings, not errors.
        var frame = (await db.FirmKeysAsync()).ToList();
        var warnings = new List<string>();
        foreach (var f in result.Firms)
        {
            var key = new FirmKey(-f.RowNumber, f.NameZh, f.NameEn, f.Phones);
            var matches = Duplicates.Find(key, frame);
            if (matches.Count > 0)
                warnings.Add(t["Row {0}: {1} may already be in the frame or earlier in the file.", f.RowNumber, f.NameZh]);
            frame.Add(key);
        }
        DuplicateWarnings = warnings;
        return result;
    }
}
