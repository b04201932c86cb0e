using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data;

/// <summary>
/// Consistent backups of the SQLite database with SQLite's online backup API (safe while the app is
/// writing: the copy is one snapshot), and the restore used by <c>dotnet run -- restore FILE</c>.
/// PostgreSQL installs back up with pg_dump / pg_restore (README, "Backups").
/// </summary>
public static class Backups
{
    public const string FileName = "fieldsurvey.db";

    /// <summary>Writes a snapshot of the live database to <paramref name="destination"/>.</summary>
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
        return target;
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
