using System.ComponentModel.DataAnnotations;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports.DataPackage;
using FieldSurvey.Web.Exports.RefiQda;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Pages.Admin.Exchange;

/// <summary>
/// Open data exchange: the study as a REFI-QDA project (.qdpx) for other QDA programs, import of a .qdpx,
/// and the analysis-ready data package for R and Stata. Personal data only when the PI ticks the box.
/// </summary>
[UploadLimit(UploadKind.Project)]
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, IOptions<StorageOptions> storage, IStringLocalizer<SharedResource> t,
    ILogger<IndexModel> logger) : PageModel
{
    public long MaxUpload => storage.Value.MaxProjectUploadBytes;

    [BindProperty] public ImportInput Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Parks { get; private set; } = [];
    /// <summary>The report of the import just posted. Shown in the POST's own response (not PRG): it answers the upload.</summary>
    public ImportReport? Report { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetQdpxAsync(bool personalData)
    {
        var now = clock.GetUtcNow();
        var project = await RefiQdaExport.BuildAsync(db, personalData, now, User.Id());
        logger.LogInformation("REFI-QDA export by {UserId}, personal data {PersonalData}", User.Id(), personalData);
        return File(RefiQdaExport.Zip(project), "application/zip", $"fieldsurvey-{now:yyyyMMdd-HHmm}.qdpx");
    }

    /// <param name="exactText">The PI's explicit choice of text without formula escaping, for R/Stata only.</param>
    public async Task<IActionResult> OnGetPackageAsync(bool personalData, bool exactText)
    {
        var now = clock.GetUtcNow();
        var (zip, _) = await DataPackageExport.BuildAsync(db, personalData, now, escapeFormulas: !exactText);
        logger.LogInformation("Data package export by {UserId}, personal data {PersonalData}, exact text {ExactText}", User.Id(), personalData, exactText);
        return File(zip, "application/zip", $"fieldsurvey-data-{now:yyyyMMdd-HHmm}.zip");
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        await LoadAsync();
        if (Input.File is null || Input.File.Length == 0) ModelState.AddModelError("Input.File", t["Choose a .qdpx file."]);
        else if (Input.File.Length > MaxUpload) ModelState.AddModelError("Input.File", t["The file is larger than {0} MB.", UploadLimits.Megabytes(MaxUpload)]);
        if (!ModelState.IsValid) return Page();
        await using var stream = new MemoryStream();
        await Input.File!.CopyToAsync(stream);
        stream.Position = 0;
        Report = await RefiQdaImport.RunAsync(db, stream, Input.ParkId, User.Id(), clock.GetUtcNow());
        db.ChangeTracker.Clear();
        return Page();
    }

    async Task LoadAsync() =>
        Parks = (await db.Parks.AsNoTracking().Where(p => p.RetiredAt == null).OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code, p.NameEn, p.NameZh }).ToListAsync())
            .Select(p => (p.Id, $"{p.Code} – {DisplayNames.Pick(p.NameZh, p.NameEn)}")).ToList();

    public sealed class ImportInput
    {
        [Display(Name = "REFI-QDA project (.qdpx)")] public IFormFile? File { get; set; }
        [Display(Name = "Park for firms not yet in the study")] public int? ParkId { get; set; }
    }
}
