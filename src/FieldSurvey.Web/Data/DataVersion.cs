using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data;

/// <summary>
/// One row (Id 1) whose <see cref="Value"/> grows by one in the same transaction as every change to what a report
/// reads (<see cref="ReportInputs"/>). A cached report is kept per value: an instance that reads a newer value than
/// its cached report's recomputes, so no instance, on one SQLite file or behind a load balancer on PostgreSQL, can
/// serve a report older than the data.
/// </summary>
public sealed class DataVersion
{
    public const int RowId = 1;
    public int Id { get; set; }
    public long Value { get; set; }
    /// <summary>
    /// The last <see cref="Value"/> whose change was anything but coded segments' own rows (a vocabulary, a rule, an
    /// interview, an adjudication, a hard delete...). A report kept at a version at or after it can be brought up to date
    /// by re-reading only the segments changed since (their <see cref="ReportInputs.SegmentChangedAt"/> column).
    /// </summary>
    public long OtherChangedAt { get; set; }
    /// <summary>
    /// Grows by one in the same transaction as every change to what a call list reads (<see cref="CallListInputs"/>):
    /// the kept call-list inputs (<c>Pages/Calls/CallListCache</c>) are kept per value, as reports are per <see cref="Value"/>.
    /// </summary>
    public long CallsValue { get; set; }
}

/// <summary>
/// What an interviewer's call list, the callback calendar and the home page's calls are built from. A save touching
/// one of these bumps <see cref="DataVersion.CallsValue"/>; <c>CallListInputTests</c> checks that each kind of change
/// shows on the next call list.
/// </summary>
public static class CallListInputs
{
    public static readonly IReadOnlySet<Type> Types = new HashSet<Type>
    {
        typeof(Core.Study.Park), typeof(Core.Study.StudySettings),   // park codes on the rows; retry gap, attempts, calling hours
        typeof(Core.Firms.Firm), typeof(Core.Firms.Contact), typeof(Core.Calls.CallAttempt),
        typeof(Core.Calls.DoNotCall), typeof(Core.Calls.QuotaTarget),
    };

    public static bool Touched(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Types.Contains(e.Metadata.ClrType));

    /// <summary>The current call-list version: one tiny query, run before kept call-list inputs are used.</summary>
    public static Task<long> CurrentCallsVersionAsync(this FieldSurveyDbContext db, CancellationToken ct = default) =>
        db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.RowId).Select(v => v.CallsValue).SingleOrDefaultAsync(ct);
}

/// <summary>
/// The one list of what feeds a report (page, workbook, PDF, CSV, the PI's home page). An entity type added to the
/// model must go on one of the two lists: <c>ReportInputTests</c> fails on a type that is on neither.
/// </summary>
public static class ReportInputs
{
    /// <summary>Changes to these bump <see cref="DataVersion"/>.</summary>
    public static readonly IReadOnlySet<Type> Types = new HashSet<Type>
    {
        typeof(Core.Study.Park), typeof(Core.Study.Term), typeof(Core.Study.StudySettings),   // vocabulary, title, classification rule
        typeof(Core.Firms.Firm), typeof(Core.Interviews.GuideVersion), typeof(Core.Interviews.Interview),
        typeof(Core.Interviews.Answer), typeof(Core.Interviews.PartnerRow),
        typeof(Core.Interviews.Transcript), typeof(Core.Coding.Segment), typeof(Core.Coding.CodingAssignment),
        typeof(Core.Coding.CodebookVersion), typeof(Core.Agreement.AdjudicationDecision),
        typeof(Core.Reporting.ClassificationJudgement),
        typeof(AppUser),   // coders' display names label the passages (only a change of name counts, see below)
    };

    /// <summary>Types no report reads: a change to them keeps the cached report.</summary>
    public static readonly IReadOnlySet<Type> NotInputs = new HashSet<Type>
    {
        typeof(Core.Firms.Contact), typeof(Core.Calls.CallAttempt), typeof(Core.Interviews.TranscriptRevision),
        typeof(Core.Auditing.AuditEntry), typeof(ImportUpload), typeof(DataVersion),
        // Fieldwork: who may see which park (reports are the PI's, who sees every park), quotas, do-not-call.
        typeof(UserPark), typeof(Core.Calls.QuotaTarget), typeof(Core.Calls.DoNotCall),
        typeof(Api.ApiToken), // who may read the API
        typeof(Core.Recordings.Recording), // the voice behind a transcript; the report counts the transcript
        // Thematic coding, memos and framework summaries: the linkage report counts linkage codes only; co-occurrence and
        // the framework matrix are computed afresh on their own pages, not through the report cache.
        typeof(Core.Coding.FrameworkSummary), typeof(Core.Coding.SegmentTheme), typeof(Core.Coding.Memo), typeof(Core.Coding.MemoLink), typeof(Core.Coding.CodeGroup), typeof(Core.Coding.CodeGroupMember),
        // Coder calibration: tests against the consensus, never study evidence (issue 25).
        typeof(Core.Calibration.CalibrationTest), typeof(Core.Calibration.CalibrationGold), typeof(Core.Calibration.CalibrationTaker),
        typeof(Core.Calibration.CalibrationSegment), typeof(Core.Calibration.CalibrationOverride),
        // Data quality (issue 24): rules and queries about answers feed their own page, computed afresh; the answers
        // themselves are report inputs already.
        typeof(Core.Interviews.DataQualityRule), typeof(Core.Interviews.DataQuery), typeof(Core.Interviews.DataQueryEvent),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
        typeof(Microsoft.AspNetCore.Identity.IdentityRole), typeof(Microsoft.AspNetCore.Identity.IdentityUserRole<string>),
        typeof(Microsoft.AspNetCore.Identity.IdentityUserClaim<string>), typeof(Microsoft.AspNetCore.Identity.IdentityUserLogin<string>),
        typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<string>), typeof(Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>),
    };

    /// <summary>
    /// Whether a save of these entries changes a report. A person's sign-in writes their row (failed-attempt count,
    /// security stamp): only a new, removed or renamed person counts.
    /// </summary>
    public static bool Touched(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && Types.Contains(e.Metadata.ClrType)
            && (e.Entity is not AppUser || e.State != EntityState.Modified || e.Property(nameof(AppUser.DisplayName)).IsModified));

    /// <summary>
    /// Segments' change marker (a shadow column, not research data, never audited): the data version whose bump committed
    /// the segment's latest add or edit (a coder's delete is an edit: it sets DeletedAtUtc). Set by SaveChanges right
    /// after the bump, in its transaction, so a segment marked v is in every snapshot that reads version v or later.
    /// </summary>
    public const string SegmentChangedAt = "ChangedAtVersion";

    /// <summary>
    /// Whether every report input this save touches is a coded segment added or edited (the report can then re-read only
    /// those segments, Pages/Reports/ReportCache). A hard delete cannot be re-read, so it counts as another change.
    /// </summary>
    public static bool OnlySegments(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker) =>
        tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Types.Contains(e.Metadata.ClrType))
            .All(e => e.Entity is Core.Coding.Segment && e.State != EntityState.Deleted);

    /// <summary>
    /// Bumps the version in the caller's transaction. SaveChanges bumps it itself; call this beside any
    /// ExecuteUpdate/ExecuteDelete or raw SQL that writes a report input, inside the same transaction. Such a change
    /// counts as other than segments' (the kept report is read afresh).
    /// </summary>
    public static Task BumpDataVersionAsync(this FieldSurveyDbContext db, CancellationToken ct = default) =>
        db.BumpVersionsAsync(reports: true, onlySegments: false, calls: false, ct);

    /// <summary>One UPDATE of the version row: the report version (and whether more than segments changed), the call-list version, or both.</summary>
    internal static Task BumpVersionsAsync(this FieldSurveyDbContext db, bool reports, bool onlySegments, bool calls, CancellationToken ct) =>
        (reports, onlySegments, calls) switch
        {
            (false, _, false) => Task.CompletedTask,
            (false, _, true) => db.Database.ExecuteSqlRawAsync("UPDATE \"DataVersions\" SET \"CallsValue\" = \"CallsValue\" + 1 WHERE \"Id\" = 1", ct),
            (true, true, false) => db.Database.ExecuteSqlRawAsync("UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1", ct),
            (true, true, true) => db.Database.ExecuteSqlRawAsync("UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1, \"CallsValue\" = \"CallsValue\" + 1 WHERE \"Id\" = 1", ct),
            (true, false, false) => db.Database.ExecuteSqlRawAsync("UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1, \"OtherChangedAt\" = \"Value\" + 1 WHERE \"Id\" = 1", ct),
            (true, false, true) => db.Database.ExecuteSqlRawAsync("UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1, \"OtherChangedAt\" = \"Value\" + 1, \"CallsValue\" = \"CallsValue\" + 1 WHERE \"Id\" = 1", ct),
        };

    /// <summary>Marks these segments as changed at the version just bumped (same transaction, after the bump).</summary>
    internal static async Task MarkSegmentsChangedAsync(this FieldSurveyDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        // The ids are the saved entities' integer keys, written as literals (a save can hold thousands: no parameter limit).
        const string update = "UPDATE \"Segments\" SET \"" + SegmentChangedAt + "\" = (SELECT \"Value\" FROM \"DataVersions\" WHERE \"Id\" = 1) WHERE \"Id\" IN (";
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var sql = string.Concat(update, string.Join(",", chunk.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))), ")");
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    /// <summary>The current version: one tiny query, run before a cached report is served.</summary>
    public static Task<long> CurrentDataVersionAsync(this FieldSurveyDbContext db, CancellationToken ct = default) =>
        db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.RowId).Select(v => v.Value).SingleOrDefaultAsync(ct);

    /// <summary>The current version and the last one that changed more than segments, in the same one-row query.</summary>
    public static async Task<(long Value, long OtherChangedAt)> CurrentDataVersionsAsync(this FieldSurveyDbContext db, CancellationToken ct = default) =>
        await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.RowId).Select(v => new { v.Value, v.OtherChangedAt }).SingleOrDefaultAsync(ct)
            is { } row ? (row.Value, row.OtherChangedAt) : (0, 0);
}
