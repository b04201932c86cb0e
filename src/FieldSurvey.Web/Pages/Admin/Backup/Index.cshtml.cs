using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Pages.Admin.Backup;

/// <summary>Download a consistent backup of the whole study (SQLite); PostgreSQL shows the pg_dump route.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, IOptions<StorageOptions> storage, IWebHostEnvironment env,
    ILogger<IndexModel> logger, Interviews.RecordingStore recordings) : PageModel
{
    public bool IsSqlite { get; private set; }
    /// <summary>Recording files are kept out of the backup (they can be large, and are personal data); the page names their folder.</summary>
    public string RecordingsFolder => recordings.Folder;

    public void OnGet() => IsSqlite = db.Database.IsSqlite();

    public IActionResult OnPost()
    {
        if (!db.Database.IsSqlite()) return BadRequest();
        var stream = Backups.CreateDownload(DatabaseSetup.DataFolder(storage.Value, env.ContentRootPath), file => Backups.WriteSqliteBackup(db, file));
        logger.LogInformation("Backup downloaded by {UserId}", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        return File(stream, "application/vnd.sqlite3", $"fieldsurvey-{clock.GetUtcNow():yyyyMMdd-HHmm}.db");
    }
}
