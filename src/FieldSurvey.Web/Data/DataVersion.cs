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
    /// Bumps the version in the caller's transaction. Called by SaveChanges; call it yourself beside any
    /// ExecuteUpdate/ExecuteDelete or raw SQL that writes a report input, inside the same transaction.
    /// </summary>
    public static Task BumpDataVersionAsync(this FieldSurveyDbContext db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync("UPDATE \"DataVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1", ct);

    /// <summary>The current version: one tiny query, run before a cached report is served.</summary>
    public static Task<long> CurrentDataVersionAsync(this FieldSurveyDbContext db, CancellationToken ct = default) =>
        db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.RowId).Select(v => v.Value).SingleOrDefaultAsync(ct);
}
