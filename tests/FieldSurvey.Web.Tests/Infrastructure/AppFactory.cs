using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using FieldSurvey.Web.Data;

namespace FieldSurvey.Tests.Infrastructure;

/// <summary>
/// The app on its own temporary SQLite file, migrated and loaded with the default study and the demo data
/// (accounts pi@, interviewer@, coder1@, coder2@example.org, password <see cref="Password"/>).
/// <paramref name="demo"/> false gives a fresh install with no accounts.
/// With the environment variable FIELDSURVEY_TEST_POSTGRES set to a server connection string (no database),
/// every factory runs on its own new PostgreSQL database instead, dropped afterwards: the same tests
/// then prove both engines.
/// </summary>
/// <paramref name="existingStore"/> opens an existing store instead: a data folder (SQLite) or a database name (PostgreSQL).
/// The app's <see cref="TimeProvider"/> is <see cref="Clock"/>, a fake standing at <see cref="TestClock.Start"/>
/// (or at <paramref name="now"/>): pages, the demo loader, sign-in cookies and the audit trail all read it, and a
/// test moves it with <c>Clock.Advance(...)</c>, so nothing depends on the day the suite runs.
/// The demo data is the small fixed fixture tests/fixtures/demo-small (12 firms, 2 interviews, dates in Nov 2026),
/// which the existing tests were worked against; <paramref name="livingDemo"/> loads the living demo of seed/demo
/// instead (what dotnet run shows), dated relative to the clock.
public class AppFactory(bool demo = true, string? existingStore = null, bool livingDemo = false, DateTimeOffset? now = null) : WebApplicationFactory<Program>
{
    public const string Password = "Demo-2026!";
    public const string PI = "pi@example.org";
    public const string Interviewer = "interviewer@example.org";
    public const string Coder1 = "coder1@example.org";
    public const string Coder2 = "coder2@example.org";

    public FakeTimeProvider Clock { get; } = now is { } start ? TestClock.New(start) : TestClock.New();

    public string DataFolder { get; } = PostgresServer is null && existingStore is not null ? existingStore
        : Path.Combine(Path.GetTempPath(), "fieldsurvey-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The PostgreSQL server to test against, or null for SQLite.</summary>
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("FIELDSURVEY_TEST_POSTGRES") is { Length: > 0 } pg ? pg : null;
    public string DatabaseName { get; } = PostgresServer is not null && existingStore is not null ? existingStore
        : "fs_test_" + Guid.NewGuid().ToString("N")[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Demo:Folder", livingDemo ? "" : Path.Combine(AppContext.BaseDirectory, "fixtures", "demo-small"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        if (PostgresServer is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", $"{PostgresServer};Database={DatabaseName}");
        }
    }

    /// <summary>A scope for reading or seeding the database directly.</summary>
    public T With<T>(Func<FieldSurveyDbContext, T> work)
    {
        using var scope = Services.CreateScope();
        return work(scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>());
    }

    public async Task<T> WithAsync<T>(Func<FieldSurveyDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>());
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = Password)
    {
        var client = Client();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (PostgresServer is not null) DropPostgresDatabase();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // Cleanup of a throwaway database: a server busy with the other classes has refused the drop once
    // (a PostgresException at class cleanup fails the run although every test passed), so try again, then leave it.
    void DropPostgresDatabase()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                using var connection = new Npgsql.NpgsqlConnection($"{PostgresServer};Database=postgres;Pooling=false");
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)";
                command.ExecuteNonQuery();
                return;
            }
            catch (Npgsql.NpgsqlException e) when (attempt < 3)
            {
                Console.WriteLine($"Dropping {DatabaseName} failed ({e.Message}); trying again.");
                Thread.Sleep(1000);
            }
            catch (Npgsql.NpgsqlException e)
            {
                Console.WriteLine($"Left test database {DatabaseName} behind: {e.Message}");
            }
        }
    }
}

public static partial class HttpClientForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string? Token(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>GETs <paramref name="formPage"/> (default: the post URL without its handler) for its token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = Token(page) ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}");
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }
}
