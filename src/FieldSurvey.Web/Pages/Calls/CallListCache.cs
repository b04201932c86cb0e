using System.Collections.Concurrent;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>
/// What call lists are built from (the settings, quota state, do-not-call list, and every assigned active firm with its
/// numbers and a projection of its attempts), read once per call-list version (<see cref="DataVersion.CallsValue"/>,
/// bumped in the same transaction as any change to <see cref="CallListInputs"/>) and park scope, and kept for every
/// request after. A request reads the version (one tiny query): the same version uses the kept inputs, a newer one reads
/// afresh, so no instance, on one SQLite file or on a shared PostgreSQL, builds a list from data older than its version.
/// The list itself depends on the time (what is due now), so it is built from the inputs on each request, by Core.
/// </summary>
/// <remarks>
/// The inputs are read through the first asking request's context, so its park scope's query filters apply; they are
/// kept under that scope's key (<see cref="FieldSurveyDbContext.ParkScopeKey"/>) and serve only requests of the same
/// scope. Only the newest version is kept. Each key is read once however many requests ask at once.
/// </remarks>
public sealed class CallListCache
{
    sealed record FirmLine(int Id, string NameZh, string? NameEn, string Park, string? DispositionOverride, string Interviewer);

    sealed record Inputs(Core.Study.StudySettings Settings, QuotaState Quota, DoNotCallList DoNotCall,
        IReadOnlyList<FirmLine> Firms, IReadOnlyDictionary<int, List<string>> Numbers, IReadOnlyDictionary<int, List<AttemptOutcome>> Attempts);

    readonly ConcurrentDictionary<(long Version, string Scope), Lazy<Task<Inputs>>> kept = new();
    long newest = -1;
    int reads;

    /// <summary>How many times the inputs were read from the database (tests look).</summary>
    public int Reads => Volatile.Read(ref reads);

    /// <summary>
    /// The call list as /Calls, the callback calendar and the home page read it, so all show the same firms in the same
    /// order: Core's <see cref="CallList"/>, then full quota cells' fresh firms off, then do-not-call firms off.
    /// </summary>
    public async Task<LoadedCallList> CallListAsync(FieldSurveyDbContext db, string interviewerId, DateTimeOffset nowUtc, TimeZoneInfo firmZone) =>
        (await CallListsAsync(db, [interviewerId], nowUtc, firmZone))[interviewerId];

    /// <summary>The call lists of several interviewers from the kept inputs of the current version, whatever their number.</summary>
    public async Task<IReadOnlyDictionary<string, LoadedCallList>> CallListsAsync(FieldSurveyDbContext db,
        IReadOnlyCollection<string> interviewerIds, DateTimeOffset nowUtc, TimeZoneInfo firmZone)
    {
        var version = await db.CurrentCallsVersionAsync();
        Forget(version);
        var key = (version, db.ParkScopeKey);
        var lazy = kept.GetOrAdd(key, _ => new Lazy<Task<Inputs>>(() => ReadAsync(db)));
        Inputs inputs;
        try { inputs = await lazy.Value; }
        catch
        {
            kept.TryRemove(new KeyValuePair<(long, string), Lazy<Task<Inputs>>>(key, lazy)); // a failure is not kept
            throw;
        }
        return Build(inputs, interviewerIds, nowUtc, firmZone);
    }

    static IReadOnlyDictionary<string, LoadedCallList> Build(Inputs inputs, IReadOnlyCollection<string> interviewerIds, DateTimeOffset nowUtc, TimeZoneInfo firmZone)
    {
        var (settings, quota, dnc) = (inputs.Settings, inputs.Quota, inputs.DoNotCall);
        var hours = CallingHours.FromJson(settings.CallingHoursJson).At(nowUtc, firmZone);   // issue 24: calling hours
        return interviewerIds.Distinct().ToDictionary(id => id, id =>
        {
            var theirs = inputs.Firms.Where(f => f.Interviewer == id).ToDictionary(f => f.Id);
            var list = CallList.Build(theirs.Values.Select(f => new CallListFirm(f.Id, inputs.Attempts.GetValueOrDefault(f.Id) ?? [], f.DispositionOverride)),
                settings.RetryGapHours, settings.MaxAttempts, nowUtc);
            list = quota.Apply(list);   // issue 24: full quota cells; a separate step on Core's list
            // Issue 24, do-not-call: firms that cannot be called leave, and a row shows the firm's first number not marked.
            IReadOnlyList<CallListRow> rows = list
                .Where(e => dnc.Callable(e.FirmId, inputs.Numbers.GetValueOrDefault(e.FirmId) ?? []))
                .Select(e => new CallListRow(e, theirs[e.FirmId].NameZh, theirs[e.FirmId].NameEn, theirs[e.FirmId].Park,
                    inputs.Numbers.GetValueOrDefault(e.FirmId)?.FirstOrDefault(n => !dnc.NumberBarred(n))))
                .ToList();
            return new LoadedCallList(rows, settings.RetryGapHours, settings.MaxAttempts, hours, quota);
        });
    }

    // Read after the version, so the data is at least as new as the version it is kept under.
    async Task<Inputs> ReadAsync(FieldSurveyDbContext db)
    {
        Interlocked.Increment(ref reads);
        var settings = await db.StudySettings.AsNoTracking().CurrentAsync() ?? new Core.Study.StudySettings();
        var quota = await db.QuotaStateAsync();
        var dnc = await db.DoNotCallListAsync();
        var assigned = db.Firms.Where(f => f.AssignedInterviewerId != null && f.Status == FirmStatus.Active);
        var firms = await assigned.OrderBy(f => f.NameZh)
            .Select(f => new FirmLine(f.Id, f.NameZh, f.NameEn, f.Park!.Code, f.DispositionOverride, f.AssignedInterviewerId!)).ToListAsync();
        var numbers = await db.NumbersByFirmAsync(assigned.Select(f => f.Id));
        var attempts = await db.AttemptsByFirmAsync(assigned.Select(f => f.Id));
        return new Inputs(settings, quota, dnc, firms, numbers, attempts);
    }

    // As ReportCache.Forget: the newest version seen moves forward only, and every key below it goes, also one added by a
    // request that read its version just before another's bump (it would otherwise stay until the next bump).
    void Forget(long version)
    {
        var current = NewestVersion.Advance(ref newest, version);
        foreach (var key in kept.Keys)
            if (key.Version < current) kept.TryRemove(key, out _);
    }
}
