using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FieldSurvey.Web.Data;

/// <summary>The SQLite flavour of the one DbContext; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteFieldSurveyDbContext(DbContextOptions<SqliteFieldSurveyDbContext> options,
    IHttpContextAccessor? http = null, TimeProvider? clock = null) : FieldSurveyDbContext(options, http, clock);

/// <summary>The PostgreSQL flavour of the one DbContext; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresFieldSurveyDbContext(DbContextOptions<PostgresFieldSurveyDbContext> options,
    IHttpContextAccessor? http = null, TimeProvider? clock = null) : FieldSurveyDbContext(options, http, clock);

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteFieldSurveyDbContext</c> build the context without the app.</summary>
sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFieldSurveyDbContext>
{
    public SqliteFieldSurveyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFieldSurveyDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresFieldSurveyDbContext</c> build the context without a server.</summary>
sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFieldSurveyDbContext>
{
    public PostgresFieldSurveyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFieldSurveyDbContext>().UseNpgsql("Host=localhost;Database=fieldsurvey_design").Options);
}
