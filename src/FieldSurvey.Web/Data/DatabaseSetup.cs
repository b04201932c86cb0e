using FieldSurvey.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Data;

/// <summary>
/// Chooses the database engine from configuration (Database:Provider). Pages ask for
/// <see cref="FieldSurveyDbContext"/>; the engine's subclass behind it carries the engine's migrations.
/// </summary>
public static class DatabaseSetup
{
    /// <remarks>
    /// A list in a query (<c>ids.Contains(x.Id)</c>) goes to the database as one parameter (a JSON array read with
    /// json_each on SQLite, an array on PostgreSQL), not EF Core 10's default of one parameter per element: at study
    /// size a list holds 190,000 segment ids, beyond SQLite's 32,766 and PostgreSQL's 65,535 parameters (the
    /// report workbook's agreement sheets failed with "too many SQL variables").
    /// The options are built once (a singleton), not per request: AddDbContext's default builds them again for every
    /// scope, which here meant creating the data folder, parsing and writing the connection string and rebuilding EF's
    /// options on every page (a few per cent of the call list's CPU under load). The context itself stays one per request.
    /// </remarks>
    public static void AddFieldSurveyDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] ?? "Sqlite";
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
            services.AddDbContext<FieldSurveyDbContext, PostgresFieldSurveyDbContext>((sp, o) =>
                o.UseNpgsql(Options(sp).ConnectionString ?? throw new InvalidOperationException(
                    "Database:ConnectionString is required when Database:Provider is Postgres."),
                    npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
                optionsLifetime: ServiceLifetime.Singleton);
        else
            services.AddDbContext<FieldSurveyDbContext, SqliteFieldSurveyDbContext>((sp, o) =>
                o.UseSqlite(SqliteConnectionString(Options(sp).ConnectionString, DataFolder(sp)),
                    sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
                optionsLifetime: ServiceLifetime.Singleton);
    }

    static DatabaseOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    public static string DataFolder(IServiceProvider sp) =>
        DataFolder(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath);

    public static string DataFolder(StorageOptions storage, string contentRoot)
    {
        var folder = Path.GetFullPath(Path.Combine(contentRoot, storage.DataFolder));
        Directory.CreateDirectory(folder);
        return folder;
    }

    const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// A folder <paramref name="name"/> under the data folder readable by the app's account only (0700), for files on
    /// their way to the browser (backups, large downloads): never the shared /tmp, where any local account could read
    /// them. Its mode is set again each time, in case an older version made it with the umask's.
    /// </summary>
    public static string PrivateFolder(string dataFolder, string name)
    {
        var folder = Path.Combine(dataFolder, name);
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(folder).FullName;
        Directory.CreateDirectory(folder, OwnerOnly);
        File.SetUnixFileMode(folder, OwnerOnly);
        return Path.GetFullPath(folder);
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
