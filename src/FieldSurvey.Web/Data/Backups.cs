using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data;

/// <summary>
/// Consistent backups of the SQLite database with SQLite's online backup API (safe while the app is
/// writing: the copy is one snapshot), and the restore used by <c>dotnet run -- restore FILE</c>.
/// PostgreSQL installs back up with pg_dump / pg_restore (README, "Backups"), leaving out the key ring's
/// rows with <see cref="PgDumpExclusion"/> for the same reason as <see cref="WriteSqliteBackup"/>.
/// </summary>
public static class Backups
{
    public const string FileName = "fieldsurvey.db";

    /// <summary>The pg_dump option the documented PostgreSQL backup uses (the table stays, its rows do not).</summary>
    public const string PgDumpExclusion = "--exclude-table-data='\"DataProtectionKeys\"'";

    /// <summary>The table of the data-protection key ring, which no backup carries.</summary>
    const string KeyRingTable = "DataProtectionKeys";

    /// <summary>
    /// The folder backups are written in on their way to the browser: under the data folder, readable by the
    /// app's account only (0700), never the shared /tmp where any local account could read the whole study.
    /// </summary>
    public static string Folder(string dataFolder) => DatabaseSetup.PrivateFolder(dataFolder, "backups");

    /// <summary>
    /// Writes a backup with <paramref name="write"/> into <see cref="Folder"/> and opens it for sending. The file
    /// is deleted when the stream closes (the response was sent or the client went away), and at once when
    /// writing fails, so no copy of the study stays behind.
    /// </summary>
    public static FileStream CreateDownload(string dataFolder, Action<string> write)
    {
        var file = Path.Combine(Folder(dataFolder), $"fieldsurvey-backup-{Guid.NewGuid():N}.db");
        try
        {
            // Created empty with mode 0600 first: SQLite would create it with the umask's (usually 0644).
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            new FileStream(file, create).Dispose();
            write(file);
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        }
        catch
        {
            File.Delete(file);
            throw;
        }
    }

    /// <summary>
    /// Writes a snapshot of the live database to <paramref name="destination"/>, without the data-protection key
    /// ring: with it, the file alone would let anyone forge a sign-in cookie for any account. A restored study
    /// therefore makes new keys, and everyone signs in again.
    /// </summary>
    public static void WriteSqliteBackup(FieldSurveyDbContext db, string destination)
    {
        var source = (SqliteConnection)db.Database.GetDbConnection();
        var wasOpen = source.State == System.Data.ConnectionState.Open;
        if (!wasOpen) source.Open();
        try
        {
            using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
            target.Open();
            source.BackupDatabase(target);
            DropKeyRing(target);
            using var journal = target.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;"; // one self-contained file, no -wal beside it
            journal.ExecuteNonQuery();
        }
        finally
        {
            if (!wasOpen) source.Close();
        }
    }

    /// <summary>
    /// Restores a backup file as the database of the data folder. Refuses to replace an existing database
    /// unless <paramref name="force"/>; the replaced one is kept beside it as fieldsurvey.db.replaced-TIMESTAMP.
    /// </summary>
    public static string RestoreSqlite(string backupFile, string dataFolder, bool force, DateTimeOffset now)
    {
        if (!File.Exists(backupFile)) throw new FileNotFoundException($"No backup file at {backupFile}.");
        CheckIsFieldSurveyDatabase(backupFile);
        Directory.CreateDirectory(dataFolder);
        var target = Path.Combine(dataFolder, FileName);
        if (File.Exists(target))
        {
            if (!force) throw new InvalidOperationException($"{target} exists. Restore into a fresh install, or add --force to replace it (the old file is kept).");
            File.Move(target, $"{target}.replaced-{now:yyyyMMddHHmmss}");
            foreach (var side in new[] { "-wal", "-shm" }) if (File.Exists(target + side)) File.Delete(target + side);
        }
        File.Copy(backupFile, target);
        // Backups from before the key ring was left out still carry it: a restored study never reuses those keys.
        using (var restored = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            restored.Open();
            DropKeyRing(restored);
        }
        return target;
    }

    /// <summary>Empties the key-ring table and rewrites the file (VACUUM), so no deleted key survives in a free page.</summary>
    static void DropKeyRing(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA secure_delete=ON; DELETE FROM \"{KeyRingTable}\"; VACUUM;";
        command.ExecuteNonQuery();
    }

    static void CheckIsFieldSurveyDatabase(string file)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
            command.ExecuteScalar();
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{file} is not a FieldSurvey SQLite backup: {e.Message}", e);
        }
    }
}
