using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Backup;

/// <summary>Download a consistent backup of the whole study (SQLite); PostgreSQL shows the pg_dump route.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    public bool IsSqlite { get; private set; }

    public void OnGet() => IsSqlite = db.Database.IsSqlite();

    public IActionResult OnPost()
    {
        if (!db.Database.IsSqlite()) return BadRequest();
        var file = Path.Combine(Path.GetTempPath(), $"fieldsurvey-backup-{Guid.NewGuid():N}.db");
        Backups.WriteSqliteBackup(db, file);
        logger.LogInformation("Backup downloaded by {UserId}", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        return File(stream, "application/vnd.sqlite3", $"fieldsurvey-{clock.GetUtcNow():yyyyMMdd-HHmm}.db");
    }
}
