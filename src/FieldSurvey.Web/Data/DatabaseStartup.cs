using FieldSurvey.Web.Data.Seed;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Data;

/// <summary>At start-up: apply migrations, switch SQLite to WAL, make the roles, load the default study, and in demo mode the demo data.</summary>
public static class DatabaseStartup
{
    public static async Task InitialiseAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<FieldSurveyDbContext>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("FieldSurvey.Startup");
        var clock = sp.GetRequiredService<TimeProvider>();

        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        var files = SeedFiles.Locate(storage.SeedFolder, sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        await StudySeed.LoadAsync(db, files, clock.GetUtcNow());

        var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Enabled)
        {
            var demoFiles = string.IsNullOrWhiteSpace(demo.Folder) ? new SeedFiles(files.Path("demo")) : new SeedFiles(Path.GetFullPath(demo.Folder));
            var zone = TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<TimeOptions>>().Value.FirmTimeZone);
            await DemoSeed.LoadAsync(db, sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<Pages.Interviews.RecordingStore>(), demoFiles, demo.Password, logger, clock.GetUtcNow(), zone);
        }
    }
}
