using System.Diagnostics;
using System.Net;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Admin;

/// <summary>
/// A backup taken from a study with data restores to an identical study: on SQLite through the PI's
/// download and the restore command's code, on PostgreSQL through the documented pg_dump / pg_restore route.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_of_a_study_with_data_restores_to_an_identical_study()
    {
        await using var original = new AppFactory();
        var pi = await original.SignedInAsync(AppFactory.PI);
        var park = original.With(db => db.Parks.Single(p => p.Code == "ZLS"));
        await pi.PostFormAsync("/Admin/Parks?handler=Save", new()
        {
            ["Input.Id"] = park.Id.ToString(), ["Input.Version"] = park.Version.ToString(), ["Input.Code"] = "ZLS",
            ["Input.NameEn"] = "ZLS Park (restored?)", ["Input.NameZh"] = "中关村生命科学园（备份测试）",
        }, formPage: "/Admin/Parks");
        var before = await original.WithAsync(Fingerprint);

        string store;
        if (AppFactory.PostgresServer is null)
        {
            var response = await pi.PostFormAsync("/Admin/Backup", []);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var file = Path.Combine(Path.GetTempPath(), $"fs-backup-{Guid.NewGuid():N}.db");
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
            store = Path.Combine(Path.GetTempPath(), "fieldsurvey-tests", Guid.NewGuid().ToString("N"));
            Backups.RestoreSqlite(file, store, force: false, TestClock.Start);
            Assert.Throws<InvalidOperationException>(() => Backups.RestoreSqlite(file, store, force: false, TestClock.Start));
            File.Delete(file);
        }
        else
        {
            store = original.DatabaseName + "_restored";
            var dump = Path.Combine(Path.GetTempPath(), $"fs-{Guid.NewGuid():N}.dump");
            Run("pg_dump", $"-Fc -f {dump} {Pg("dbname=" + original.DatabaseName)}");
            Run("createdb", $"{Pg()} {store}");
            Run("pg_restore", $"{Pg("dbname=" + store)} --no-owner {dump}");
            File.Delete(dump);
        }

        await using var restored = new AppFactory(demo: false, existingStore: store);
        var after = await restored.WithAsync(Fingerprint);
        Assert.Equal(before, after);
        var again = await restored.SignedInAsync(AppFactory.PI);
        Assert.Contains("中关村生命科学园（备份测试）", await again.GetStringAsync("/Admin/Parks"));
    }

    /// <summary>Row counts of every table plus the text of the records a study is made of.</summary>
    static async Task<string> Fingerprint(FieldSurveyDbContext db)
    {
        var parts = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).OrderBy(t => t.Name))
        {
            var query = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            parts.Add($"{type.ClrType.Name}={await query.CountAsync()}");
        }
        parts.AddRange(await db.Parks.OrderBy(p => p.Id).Select(p => p.Code + p.NameZh + p.Version).ToListAsync());
        parts.AddRange(await db.Firms.OrderBy(f => f.Id).Select(f => f.NameZh + f.NameEn).ToListAsync());
        parts.AddRange(await db.Segments.OrderBy(s => s.Id).Select(s => $"{s.Start}-{s.End}:{s.Quote}").ToListAsync());
        parts.AddRange(await db.Transcripts.OrderBy(t => t.Id).Select(t => t.Text).ToListAsync());
        parts.AddRange(await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Entity + a.EntityId + a.After).ToListAsync());
        parts.AddRange(await db.Users.OrderBy(u => u.Email).Select(u => u.Email + u.PasswordHash).ToListAsync());
        return string.Join("\n", parts);
    }

    static string Pg(string? extra = null)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(AppFactory.PostgresServer);
        Environment.SetEnvironmentVariable("PGPASSWORD", b.Password);
        return $"-h {b.Host} -U {b.Username}" + (extra is null ? "" : $" -d \"{extra}\"");
    }

    static void Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
    }
}
