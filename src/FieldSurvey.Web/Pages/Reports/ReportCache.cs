using FieldSurvey.Web.Reporting;
using System.Collections.Concurrent;
using FieldSurvey.Web.Data;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// The computed report (everything <see cref="ReportData.LoadAsync"/> returns, Core's figures and whatever Core
/// adds to them) kept per (data version, filter). The classification rule and the vocabulary are report inputs, so
/// a new rule is a new version. A request reads the version (one tiny query) and gets the kept report or a fresh one;
/// each instance checks, so two instances on one PostgreSQL database never serve a stale report.
/// </summary>
/// <remarks>
/// One computation per key however many requests ask at once (the first computes, the others wait for it). It runs
/// in its own scope and is not cancelled with the request that started it, since others may be waiting for it.
/// Only the newest version's reports are kept, and at most <see cref="MaxFilters"/> filters of it.
/// </remarks>
public sealed class ReportCache(IServiceScopeFactory scopes)
{
    // A large study's report holds every counted passage (tens of MB): a few filters at a time, not an unbounded set.
    public const int MaxFilters = 8;

    readonly ConcurrentDictionary<(long Version, ReportFilter Filter), Lazy<Task<LoadedReport>>> kept = new();
    long newest = -1;

    /// <summary>The report for the data as it is now, labelled as generated at <paramref name="now"/>.</summary>
    public async Task<LoadedReport> GetAsync(FieldSurveyDbContext db, ReportFilter filter, DateTimeOffset now, CancellationToken ct = default)
    {
        var version = await db.CurrentDataVersionAsync(ct);
        Forget(version);
        var entry = kept.GetOrAdd((version, filter), key => new Lazy<Task<LoadedReport>>(() => Detached(key.Filter, now)));
        LoadedReport report;
        try { report = await entry.Value.WaitAsync(ct); }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            kept.TryRemove(new KeyValuePair<(long, ReportFilter), Lazy<Task<LoadedReport>>>((version, filter), entry)); // a failure is not kept
            throw;
        }
        return report.GeneratedAtUtc == now ? report : report with { GeneratedAtUtc = now };
    }

    // The kept report is the whole study's, whoever asked first. Computed without the request's execution context
    // (no HttpContext, so no signed-in person), the park scope's query filters never narrow what is kept for everyone.
    Task<LoadedReport> Detached(ReportFilter filter, DateTimeOffset now)
    {
        using (ExecutionContext.SuppressFlow())
            return Task.Run(() => ComputeAsync(filter, now));
    }

    async Task<LoadedReport> ComputeAsync(ReportFilter filter, DateTimeOffset now)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>();
        // Computed from data at least as new as the version it is kept under (the version was read first).
        return await ReportData.LoadAsync(db, filter, now, CancellationToken.None);
    }

    void Forget(long version)
    {
        var seen = Interlocked.Read(ref newest);
        while (version > seen)
        {
            var was = Interlocked.CompareExchange(ref newest, version, seen);
            if (was == seen) break;
            seen = was;
        }
        var current = Math.Max(version, seen);
        foreach (var key in kept.Keys)
            if (key.Version < current) kept.TryRemove(key, out _);
        if (kept.Count >= MaxFilters) kept.Clear(); // many filters at once: start again rather than grow
    }
}
