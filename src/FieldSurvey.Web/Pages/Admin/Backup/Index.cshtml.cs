using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Pages.Admin.Backup;

/// <summary>Download a consistent backup of the whole study (SQLite); PostgreSQL shows the pg_dump route.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, IOptions<StorageOptions> storage, IWebHostEnvironment env,
    ILogger<IndexModel> logger) : PageModel
{
    public bool IsSqlite { get; private set; }

    public void OnGet() => IsSqlite = db.Database.IsSqlite();

    public IActionResult OnPost()
    {
        if (!db.Database.IsSqlite()) return BadRequest();
        var stream = Backups.CreateDownload(DatabaseSetup.DataFolder(storage.Value, env.ContentRootPath), file => Backups.WriteSqliteBackup(db, file));
        logger.LogInformation("Backup downloaded by {UserId}", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        return File(stream, "application/vnd.sqlite3", $"fieldsurvey-{clock.GetUtcNow():yyyyMMdd-HHmm}.db");
    }
}
