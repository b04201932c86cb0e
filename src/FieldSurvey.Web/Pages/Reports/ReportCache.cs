using FieldSurvey.Web.Reporting;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// The computed report (everything <see cref="ReportData.LoadAsync"/> returns, Core's figures and whatever Core
/// adds to them) kept per (data version, filter). The classification rule and the vocabulary are report inputs, so
/// a new rule is a new version. A request reads the version (one tiny query) and gets the kept report or a fresh one;
/// each instance checks, so two instances on one PostgreSQL database never serve a stale report.
/// </summary>
/// <remarks>
/// Each version is computed in two steps, each once per key however many requests ask at once (the first starts it,
/// the others wait for it): the point figures (the report without resampling, <see cref="LoadedReport.UncertaintyPending"/>
/// true), then, in the background as soon as those are there, the whole report with Core's 1,000 resamples from the
/// same input. Both run in their own scope and are not cancelled with the request that started them. The report page
/// waits for the whole report only <see cref="PageWait"/> and otherwise shows the point figures with the uncertainty
/// marked as being computed (docs/reports.md); downloads, the API and the home page wait for the whole report.
/// Only the newest version's reports are kept, and at most <see cref="MaxFilters"/> filters of it.
/// What a version was computed from (<see cref="ReportSource"/>) is kept with it: when only coded segments changed since
/// a kept version (<see cref="DataVersion.OtherChangedAt"/>), the new version re-reads just those segments and counts
/// their transcripts again (<see cref="ReportData.PatchAsync"/>) instead of reading every segment; any other change reads afresh.
/// </remarks>
public sealed class ReportCache(IServiceScopeFactory scopes, IConfiguration configuration)
{
    // A large study's report holds every counted passage (tens of MB): a few filters at a time, not an unbounded set.
    public const int MaxFilters = 8;

    /// <summary>How long the report page waits for the resampling before it shows the point figures (Reports:UncertaintyWaitMs; negative: wait for it).</summary>
    public TimeSpan? PageWait { get; } = configuration.GetValue("Reports:UncertaintyWaitMs", 250) is var ms && ms >= 0 ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>Awaited before each resampling starts: a test holds it to see the page while the resampling runs.</summary>
    internal Func<Task> BeforeResampling { get; set; } = () => Task.CompletedTask;

    int fullReads, patches;
    /// <summary>How many versions were read afresh from the database (tests and the benchmark look).</summary>
    public int FullReads => Volatile.Read(ref fullReads);
    /// <summary>How many versions were computed from a kept read and the segments changed since (<see cref="ReportData.PatchAsync"/>).</summary>
    public int Patches => Volatile.Read(ref patches);

    sealed record Entry(Task<ReportSource> Source, Task<LoadedReport> Point, Task<LoadedReport> Full);

    readonly ConcurrentDictionary<(long Version, ReportFilter Filter), Lazy<Entry>> kept = new();
    // The page's presentation per kept report and language: built once, not on every request.
    readonly ConditionalWeakTable<LoadedReport, ConcurrentDictionary<(string, bool), ReportView>> views = new();
    // Other figures computed from report inputs (the workbook's agreement sheets), per version and key.
    readonly ConcurrentDictionary<(long Version, string Key), Lazy<Task<object>>> others = new();
    // The kept reports read the quotes they show in a scope of their own: they outlive the request that computed them.
    readonly PassageQuotes quotes = PassageQuotes.From(scopes);
    long newest = -1;

    /// <summary>The whole report (with its uncertainty) for the data as it is now; <paramref name="now"/> is when it was generated if it is computed now.</summary>
    public Task<LoadedReport> GetAsync(FieldSurveyDbContext db, ReportFilter filter, DateTimeOffset now, CancellationToken ct = default) =>
        GetAsync(db, filter, now, wait: null, ct);

    /// <summary>
    /// The report for the data as it is now: the whole report if it is ready within <paramref name="wait"/> (null: however
    /// long it takes), otherwise this version's point figures with <see cref="LoadedReport.UncertaintyPending"/> set.
    /// </summary>
    public async Task<LoadedReport> GetAsync(FieldSurveyDbContext db, ReportFilter filter, DateTimeOffset now, TimeSpan? wait, CancellationToken ct = default)
    {
        var (version, otherChangedAt) = await db.CurrentDataVersionsAsync(ct);
        // Found before Forget drops it: a kept read of this filter that only segments changed after.
        var previous = kept.Where(k => k.Key.Filter == filter && k.Key.Version < version && k.Key.Version >= otherChangedAt
                && k.Value.IsValueCreated && k.Value.Value.Source.IsCompletedSuccessfully)
            .OrderByDescending(k => k.Key.Version).Select(k => (k.Key.Version, Source: k.Value.Value.Source.Result)).FirstOrDefault();
        Forget(version);
        var lazy = kept.GetOrAdd((version, filter), key => new Lazy<Entry>(() => Start(key.Filter, now, key.Version, previous.Source is null ? null : previous)));
        var entry = lazy.Value;
        try
        {
            if (wait is null) return await entry.Full.WaitAsync(ct);
            var point = await entry.Point.WaitAsync(ct);
            if (entry.Full.IsCompletedSuccessfully) return entry.Full.Result;
            try { return await entry.Full.WaitAsync(wait.Value, ct); }
            catch (TimeoutException) { return point; }
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            kept.TryRemove(new KeyValuePair<(long, ReportFilter), Lazy<Entry>>((version, filter), lazy)); // a failure is not kept
            throw;
        }
    }

    /// <summary>The presentation of a kept report in the current UI language, built once per report and language.</summary>
    public ReportView View(LoadedReport data, IStringLocalizer t, bool includePersonalData = false) =>
        views.GetOrCreateValue(data).GetOrAdd((System.Globalization.CultureInfo.CurrentUICulture.Name, includePersonalData),
            key => ReportPresentation.Build(data, t, key.Item2));

    /// <summary>
    /// Something else computed from report inputs only (e.g. the agreement sheets with their bootstraps), kept with the
    /// version of <paramref name="data"/> under <paramref name="key"/>: computed once per version, whoever asks.
    /// </summary>
    public async Task<T> KeptAsync<T>(LoadedReport data, string key, Func<Task<T>> compute) where T : class
    {
        var lazy = others.GetOrAdd((data.Version, key), _ => new Lazy<Task<object>>(async () => await compute()));
        try { return (T)await lazy.Value; }
        catch
        {
            others.TryRemove(new KeyValuePair<(long, string), Lazy<Task<object>>>((data.Version, key), lazy)); // a failure is not kept
            throw;
        }
    }

    // The kept report is the whole study's, whoever asked first. Computed without the request's execution context
    // (no HttpContext, so no signed-in person), the park scope's query filters never narrow what is kept for everyone.
    Entry Start(ReportFilter filter, DateTimeOffset now, long version, (long Version, ReportSource Source)? previous)
    {
        using (ExecutionContext.SuppressFlow())
        {
            var source = Task.Run(() => ReadAsync(filter, previous));
            var point = Task.Run(async () => ReportData.Compute(await source, now, resamples: 0) with
            {
                Version = version, UncertaintyPending = true, Quotes = quotes,
            });
            // The resampling starts when the point figures are there, off every request: it reads no database.
            var full = Task.Run(async () =>
            {
                var p = await point;
                await BeforeResampling();
                return p with { Report = LinkageReport.Build(p.Report.Input with { Resamples = Uncertainty.DefaultResamples }), UncertaintyPending = false };
            });
            return new Entry(source, point, full);
        }
    }

    // Read from data at least as new as the version it is kept under (the version was read first). A patch re-reads the
    // segments marked after the kept version: every change up to the new version is committed, so none is missed, and
    // one the kept read already saw is read again and replaces itself.
    async Task<ReportSource> ReadAsync(ReportFilter filter, (long Version, ReportSource Source)? previous)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>();
        if (previous is { } p)
        {
            Interlocked.Increment(ref patches);
            return await ReportData.PatchAsync(db, p.Source, p.Version, CancellationToken.None);
        }
        Interlocked.Increment(ref fullReads);
        return await ReportData.ReadAsync(db, filter, CancellationToken.None);
    }

    void Forget(long version)
    {
        var current = NewestVersion.Advance(ref newest, version);
        foreach (var key in kept.Keys)
            if (key.Version < current) kept.TryRemove(key, out _);
        foreach (var key in others.Keys)
            if (key.Version < current) others.TryRemove(key, out _);
        if (kept.Count >= MaxFilters) kept.Clear(); // many filters at once: start again rather than grow
    }
}
