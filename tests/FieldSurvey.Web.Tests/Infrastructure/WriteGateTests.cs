using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Infrastructure;

/// <summary>SQLite writers queue on the app's write gate (Data/SqliteWriteGate.cs) instead of sleeping on "busy".</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task A_save_waits_while_another_write_transaction_is_open_and_lands_after_it()
    {
        if (AppFactory.PostgresServer is not null) return;   // PostgreSQL has concurrent writers and no gate
        await using var app = new AppFactory(demo: false);
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<FieldSurveyDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<FieldSurveyDbContext>();
        var park = await db1.Parks.OrderBy(p => p.Id).FirstAsync();

        var tx = await db1.BeginWriteAsync();
        park.NameEn = "Held by the first writer";
        await db1.SaveChangesAsync();                       // inside its own gated transaction: does not queue again

        db2.StudySettings.Add(new StudySettings { TitleEn = "queued" });
        var queued = db2.SaveChangesAsync();
        await Task.Delay(300);
        Assert.False(queued.IsCompleted);                   // waiting for the gate, not failing with "database is locked"

        await tx.CommitAsync();
        await tx.DisposeAsync();                            // releases the gate
        Assert.True(await queued.WaitAsync(TimeSpan.FromSeconds(10)) > 0);
        Assert.Equal("Held by the first writer", await db2.Parks.Where(p => p.Id == park.Id).Select(p => p.NameEn).SingleAsync());
    }

    [Fact]
    public async Task A_write_transaction_disposed_without_commit_rolls_back_and_frees_the_gate()
    {
        if (AppFactory.PostgresServer is not null) return;
        await using var app = new AppFactory(demo: false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>();
        await using (var tx = await db.BeginWriteAsync())
        {
            db.StudySettings.Add(new StudySettings { TitleEn = "never committed" });
            await db.SaveChangesAsync();
        }
        db.ChangeTracker.Clear();
        using var other = app.Services.CreateScope();
        var db2 = other.ServiceProvider.GetRequiredService<FieldSurveyDbContext>();
        db2.StudySettings.Add(new StudySettings { TitleEn = "after" });
        await db2.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(await db2.StudySettings.AnyAsync(s => s.TitleEn == "never committed"));
        Assert.True(await db2.StudySettings.AnyAsync(s => s.TitleEn == "after"));
    }

    [Fact]
    public async Task Twenty_writers_at_once_all_land()
    {
        await using var app = new AppFactory(demo: false);
        await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>();
            await using var tx = await db.BeginWriteAsync();
            db.StudySettings.Add(new StudySettings { TitleEn = $"writer {i}" });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }));
        using var check = app.Services.CreateScope();
        var read = check.ServiceProvider.GetRequiredService<FieldSurveyDbContext>();
        Assert.Equal(20, await read.StudySettings.CountAsync(s => s.TitleEn.StartsWith("writer ")));
    }

    /// <summary>A transaction opened past the gate would not queue its saves (and could make a queued writer wait on SQLite).</summary>
    [Fact]
    public void Every_write_transaction_is_opened_through_the_gate()
    {
        var src = Path.Combine(WallClockTests.RepositoryRoot(), "src");
        Assert.True(Directory.Exists(src), src);
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations"))
            .Where(f => Path.GetFileName(f) is not ("SqliteWriteGate.cs" or "FieldSurveyDbContext.cs"))
            .Where(f => File.ReadAllText(f).Contains("Database.BeginTransaction", StringComparison.Ordinal))
            .Select(Path.GetFileName).ToList();
        Assert.Empty(offenders);
    }
}
