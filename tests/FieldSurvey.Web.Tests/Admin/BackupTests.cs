using System.Diagnostics;
using System.Net;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using FieldSurvey.Tests.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
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
            Run("pg_dump", $"-Fc {ExcludeKeyRing} -f {dump} {Pg("dbname=" + original.DatabaseName)}");
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

    [Fact]
    public async Task A_backup_alone_cannot_read_or_mint_a_sign_in_cookie()
    {
        await using var app = new AppFactory();
        var cookie = await CookieForgery.SignInCookieAsync(app, AppFactory.PI);
        // The attack itself works: with the live key ring (no certificate configured here) the cookie reads as the PI's.
        var liveKeys = await app.WithAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.Equal(AppFactory.PI, CookieForgery.ReadCookie(liveKeys, cookie));

        List<string> backupKeys;
        var pi = await app.SignedInAsync(AppFactory.PI);
        if (AppFactory.PostgresServer is null)
        {
            var response = await pi.PostFormAsync("/Admin/Backup", []);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.DoesNotContain("masterKey", System.Text.Encoding.UTF8.GetString(bytes));   // not even in a free page
            var file = Path.Combine(app.DataFolder, "downloaded.db");
            await File.WriteAllBytesAsync(file, bytes);
            backupKeys = ReadKeys($"Data Source={file};Pooling=false", postgres: false);
        }
        else
        {
            Assert.Contains(Backups.PgDumpExclusion, System.Net.WebUtility.HtmlDecode(await pi.GetStringAsync("/Admin/Backup")));   // the documented command, as the PI reads it
            var store = app.DatabaseName + "_dump";
            var dump = Path.Combine(Path.GetTempPath(), $"fs-{Guid.NewGuid():N}.dump");
            Run("pg_dump", $"-Fc {ExcludeKeyRing} -f {dump} {Pg("dbname=" + app.DatabaseName)}");
            Run("createdb", $"{Pg()} {store}");
            Run("pg_restore", $"{Pg("dbname=" + store)} --no-owner {dump}");
            File.Delete(dump);
            // Unpooled, so no idle session keeps the restored copy open when it is dropped.
            backupKeys = ReadKeys($"{AppFactory.PostgresServer};Database={store};Pooling=false", postgres: true);
            Run("dropdb", $"{Pg()} {store}");
        }
        Assert.Empty(backupKeys);
        Assert.Null(CookieForgery.ReadCookie(backupKeys, cookie));
    }

    [Fact]
    public async Task Backups_are_written_in_a_private_folder_and_none_stays_behind()
    {
        if (AppFactory.PostgresServer is not null || OperatingSystem.IsWindows()) return;   // SQLite's download; Unix modes
        await using var app = new AppFactory();
        var pi = await app.SignedInAsync(AppFactory.PI);
        var tmpBefore = Directory.GetFiles(Path.GetTempPath(), "fieldsurvey-backup-*").ToHashSet();
        using (var response = await pi.PostFormAsync("/Admin/Backup", []))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
        }
        var folder = Path.Combine(app.DataFolder, "backups");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Empty(Directory.GetFiles(folder));
        Assert.DoesNotContain(Directory.GetFiles(Path.GetTempPath(), "fieldsurvey-backup-*"), f => !tmpBefore.Contains(f));

        // A backup that fails half-way leaves no partial copy; one that succeeds is private to the app's account.
        string? written = null;
        Assert.Throws<IOException>(() => Backups.CreateDownload(app.DataFolder, file =>
        {
            written = file;
            File.WriteAllText(file, "half a database");
            throw new IOException("disk full");
        }));
        Assert.False(File.Exists(written));
        using (var stream = Backups.CreateDownload(app.DataFolder, file => File.WriteAllText(file, "a database")))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stream.Name));
        Assert.Empty(Directory.GetFiles(folder));
    }

    // What the page shows as --exclude-table-data='"DataProtectionKeys"', quoted for Process: pg_dump needs the double quotes (mixed case).
    const string ExcludeKeyRing = "--exclude-table-data=\\\"DataProtectionKeys\\\"";

    static List<string> ReadKeys(string connectionString, bool postgres)
    {
        using System.Data.Common.DbConnection connection = postgres
            ? new Npgsql.NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\"";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    /// <summary>Row counts of every table plus the text of the records a study is made of.</summary>
    static async Task<string> Fingerprint(FieldSurveyDbContext db)
    {
        var parts = new List<string>();
        // The key ring is left out of backups on purpose (a restored study makes new keys).
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned() && t.ClrType != typeof(DataProtectionKey)).OrderBy(t => t.Name))
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
