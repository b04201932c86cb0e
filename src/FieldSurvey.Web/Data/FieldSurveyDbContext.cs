using System.Diagnostics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using FieldSurvey.Core;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Auditing;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FieldSurvey.Web.Data;

/// <summary>
/// The one DbContext. <see cref="SaveChangesAsync(bool, CancellationToken)"/> writes the audit trail in the
/// same transaction as the change and bumps every edited entity's <see cref="Entity.Version"/>, so features
/// get auditing and stale-edit refusal without doing anything. It also bumps <see cref="DataVersion"/> when the
/// save touches a report input (<see cref="ReportInputs"/>), which is what lets reports be cached, and its call-list
/// counter when it touches what a call list reads (<see cref="CallListInputs"/>).
/// ExecuteUpdate/ExecuteDelete bypass all three: never use them on research data (if you must, call
/// <see cref="ReportInputs.BumpDataVersionAsync"/> in the same transaction).
/// </summary>
/// <remarks>
/// Each database engine has its own subclass (<see cref="SqliteFieldSurveyDbContext"/>,
/// <see cref="PostgresFieldSurveyDbContext"/>) only so that each keeps its own migrations; pages and
/// features always ask for <see cref="FieldSurveyDbContext"/>.
/// </remarks>
public abstract partial class FieldSurveyDbContext(DbContextOptions options, IHttpContextAccessor? http, TimeProvider? clock)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<StudySettings> StudySettings => Set<StudySettings>();
    public DbSet<Firm> Firms => Set<Firm>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<CallAttempt> CallAttempts => Set<CallAttempt>();
    public DbSet<GuideVersion> GuideVersions => Set<GuideVersion>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<PartnerRow> PartnerRows => Set<PartnerRow>();
    public DbSet<Transcript> Transcripts => Set<Transcript>();
    public DbSet<TranscriptRevision> TranscriptRevisions => Set<TranscriptRevision>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<CodingAssignment> CodingAssignments => Set<CodingAssignment>();
    public DbSet<CodebookVersion> CodebookVersions => Set<CodebookVersion>();
    public DbSet<AdjudicationDecision> AdjudicationDecisions => Set<AdjudicationDecision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ClassificationJudgement> ClassificationJudgements => Set<ClassificationJudgement>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<UserPark> UserParks => Set<UserPark>();
    public DbSet<QuotaTarget> QuotaTargets => Set<QuotaTarget>();
    public DbSet<DoNotCall> DoNotCalls => Set<DoNotCall>();
    public DbSet<Api.ApiToken> ApiTokens => Set<Api.ApiToken>();
    public DbSet<FieldSurvey.Core.Recordings.Recording> Recordings => Set<FieldSurvey.Core.Recordings.Recording>();
    public DbSet<SegmentTheme> SegmentThemes => Set<SegmentTheme>();
    public DbSet<Memo> Memos => Set<Memo>();
    public DbSet<MemoLink> MemoLinks => Set<MemoLink>();
    public DbSet<FrameworkSummary> FrameworkSummaries => Set<FrameworkSummary>();
    public DbSet<CodeGroup> CodeGroups => Set<CodeGroup>();
    public DbSet<CodeGroupMember> CodeGroupMembers => Set<CodeGroupMember>();
    public DbSet<Core.Calibration.CalibrationTest> CalibrationTests => Set<Core.Calibration.CalibrationTest>();
    public DbSet<Core.Calibration.CalibrationGold> CalibrationGold => Set<Core.Calibration.CalibrationGold>();
    public DbSet<Core.Calibration.CalibrationTaker> CalibrationTakers => Set<Core.Calibration.CalibrationTaker>();
    public DbSet<Core.Calibration.CalibrationSegment> CalibrationSegments => Set<Core.Calibration.CalibrationSegment>();
    public DbSet<Core.Calibration.CalibrationOverride> CalibrationOverrides => Set<Core.Calibration.CalibrationOverride>();
    public DbSet<DataQualityRule> DataQualityRules => Set<DataQualityRule>();
    public DbSet<DataQuery> DataQueries => Set<DataQuery>();
    public DbSet<DataQueryEvent> DataQueryEvents => Set<DataQueryEvent>();

    /// <summary>
    /// Off only for bulk loads of generated data (the synthetic-study command), where an audit row per
    /// generated record would double the write for no reader. Never switched off for people's edits.
    /// </summary>
    internal bool AuditEnabled { get; set; } = true;

    /// <summary>The person this context works for, if any: the audit trail and the park scope read it.</summary>
    System.Security.Claims.ClaimsPrincipal? CurrentUser => http?.HttpContext?.User;

    /// <summary>A reason to store with the audit rows of the next save (e.g. a disposition override).</summary>
    public string? AuditReason { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FieldSurveyDbContext).Assembly);
        ApplyParkScope(builder);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
        if (Database.IsSqlite())
            SqliteConventions.Apply(builder);
    }

    /// <summary>Whether this context holds its SQLite file's write gate (<see cref="SqliteWriteGate"/>) now.</summary>
    bool holdsWriteGate;
    /// <summary>This context's gate, found once (it parses the connection string): null on PostgreSQL or in memory.</summary>
    SqliteWriteGate.FileGate? writeGate;
    bool writeGateKnown;

    /// <summary>
    /// Waits for this SQLite file's write gate and holds it until the result is disposed. Null (nothing to wait for) on
    /// PostgreSQL, when this context holds the gate already, or inside a transaction opened without it: queueing then
    /// could wait on a writer that is itself waiting for this transaction's database lock.
    /// </summary>
    internal async Task<IAsyncDisposable?> EnterWriteAsync(CancellationToken ct)
    {
        if (!writeGateKnown) (writeGate, writeGateKnown) = (SqliteWriteGate.For(this), true);
        if (holdsWriteGate || Database.CurrentTransaction is not null || writeGate is not { } gate) return null;
        var asked = Stopwatch.GetTimestamp();
        var queued = !gate.Lock.Wait(0);
        if (queued)
        {
            SqliteWriteGate.Metrics.Waiting.Add(1);
            try
            {
                await gate.Lock.WaitAsync(ct);
            }
            finally
            {
                SqliteWriteGate.Metrics.Waiting.Add(-1);
            }
        }
        var entered = Stopwatch.GetTimestamp();
        SqliteWriteGate.Metrics.Wait.Record(Stopwatch.GetElapsedTime(asked, entered).TotalMilliseconds);
        if (queued) SqliteWriteGate.Metrics.Handoff.Record(Stopwatch.GetElapsedTime(Volatile.Read(ref gate.ReleasedAt), entered).TotalMilliseconds);
        holdsWriteGate = true;
        return new HeldGate(this, gate, entered);
    }

    sealed class HeldGate(FieldSurveyDbContext db, SqliteWriteGate.FileGate gate, long entered) : IAsyncDisposable
    {
        bool released;

        public ValueTask DisposeAsync()
        {
            if (released) return ValueTask.CompletedTask;
            released = true;
            db.holdsWriteGate = false;
            var now = Stopwatch.GetTimestamp();
            Volatile.Write(ref gate.ReleasedAt, now);
            gate.Lock.Release();
            SqliteWriteGate.Metrics.Hold.Record(Stopwatch.GetElapsedTime(entered, now).TotalMilliseconds);
            return ValueTask.CompletedTask;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var pending = AuditEnabled ? CollectAudit() : [];
        // Known before the save: afterwards the entries are Unchanged (or gone).
        var touchesReports = ReportInputs.Touched(ChangeTracker);
        var onlySegments = touchesReports && ReportInputs.OnlySegments(ChangeTracker);
        var touchesCalls = CallListInputs.Touched(ChangeTracker);
        var segments = touchesReports ? ChangeTracker.Entries<Core.Coding.Segment>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList() : [];
        // On SQLite, after this file's earlier writers (SqliteWriteGate); nothing when inside BeginWriteAsync already.
        await using var writing = await EnterWriteAsync(cancellationToken);
        if (pending.Count == 0 && !touchesReports && !touchesCalls)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (pending.Count > 0)
            {
                AuditEntries.AddRange(pending.Select(p => p.Complete()));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            // Same transaction as the change: a reader never sees new data under the old version.
            await this.BumpVersionsAsync(touchesReports, onlySegments, touchesCalls, cancellationToken);
            if (touchesReports)
            {
                // After the bump, so each segment carries the version that first shows it (the report re-reads from it).
                if (segments.Count > 0) await this.MarkSegmentsChangedAsync(segments.Select(s => s.Id).ToList(), cancellationToken);
            }
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            AuditReason = null;
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    List<PendingAudit> CollectAudit()
    {
        var user = http?.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = user?.Identity?.Name;
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (!IsAudited(entry.Entity)) continue;
            if (entry is { State: EntityState.Modified, Entity: Entity })
            {
                var version = entry.Property(nameof(Entity.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
            list.Add(new PendingAudit(entry, entry.State, Snapshot(entry, original: true), now, userId, userName, AuditReason));
        }
        return list;
    }

    // Chinese stays readable in the audit page; the page HTML-encodes what it shows.
    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static bool IsAudited(object entity) => entity is Entity or AppUser;

    // Identity's secrets never reach the audit trail; nor does the segments' change marker (bookkeeping for the report cache).
    static readonly HashSet<string> Secret = [nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp),
        nameof(AppUser.ConcurrencyStamp), nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName), ReportInputs.SegmentChangedAt];

    static Dictionary<string, object?> Snapshot(EntityEntry entry, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (Secret.Contains(p.Metadata.Name)) continue;
            if (entry.State == EntityState.Modified && !p.IsModified) continue;
            values[p.Metadata.Name] = original ? p.OriginalValue : p.CurrentValue;
        }
        return values;
    }

    sealed record PendingAudit(EntityEntry Entry, EntityState State, Dictionary<string, object?> Before,
        DateTimeOffset At, string? UserId, string? UserName, string? Reason)
    {
        public AuditEntry Complete()
        {
            var after = State == EntityState.Deleted ? null : Snapshot(Entry, original: false);
            if (State == EntityState.Added) after = Entry.Properties
                .Where(p => !Secret.Contains(p.Metadata.Name))
                .ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
            var key = Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Entry.Property(p.Name).CurrentValue);
            return new AuditEntry
            {
                AtUtc = At, UserId = UserId, UserName = UserName, Reason = Reason,
                Entity = Entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", key),
                Action = State.ToString(),
                Before = State == EntityState.Added ? null : JsonSerializer.Serialize(Before, Json),
                After = after is null ? null : JsonSerializer.Serialize(after, Json),
            };
        }
    }
}
