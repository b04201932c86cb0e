using FieldSurvey.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Data;

/// <summary>Chooses the database engine from configuration (resolved lazily so tests can override it).</summary>
public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, IServiceProvider sp)
    {
        var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        var root = sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        options.UseSqlite(SqliteConnectionString(db.ConnectionString, DataFolder(storage, root)));
    }

    public static string DataFolder(StorageOptions storage, string contentRoot)
    {
        var folder = Path.GetFullPath(Path.Combine(contentRoot, storage.DataFolder));
        Directory.CreateDirectory(folder);
        return folder;
    }

    static string SqliteConnectionString(string? configured, string dataFolder)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(dataFolder, "fieldsurvey.db")}" : configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.Combine(dataFolder, builder.DataSource);
        builder.Pooling = true;
        builder.DefaultTimeout = 30; // seconds a writer waits for the lock before "database is locked"
        return builder.ToString();
    }
}
