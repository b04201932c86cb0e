using System.Globalization;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>
/// The study's retention rule for recordings (StudySettings.RecordingRetentionDays): the recordings of an interview
/// approved (or locked) more than N days ago, by the injected clock, are deleted — rows and files; the transcript
/// stays. Each deleted row is an audit row (Recording, Deleted, with its metadata as "before" and the rule as reason).
/// </summary>
public sealed class RecordingRetention(FieldSurveyDbContext db, RecordingStore store, TimeProvider clock, ILogger<RecordingRetention> logger)
{
    /// <summary>The audit reason of a retention deletion (English, as all audit reasons are stored).</summary>
    public const string Reason = "Retention: recordings are deleted {0} days after the interview's approval.";

    /// <summary>Deletes what has expired; returns how many recording parts were deleted (0 when the rule is "never").</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var days = (await db.StudySettings.AsNoTracking().CurrentAsync(ct))?.RecordingRetentionDays;
        if (days is not > 0) return 0;
        var cutoff = clock.GetUtcNow().AddDays(-days.Value);
        var expired = await db.Recordings.Where(r => db.Interviews.Any(i => i.Id == r.InterviewId
                && (i.Status == InterviewStatus.Approved || i.Status == InterviewStatus.Locked)
                && i.ApprovedAtUtc != null && i.ApprovedAtUtc < cutoff))
            .ToListAsync(ct);
        if (expired.Count == 0) return 0;
        db.Recordings.RemoveRange(expired);
        db.AuditReason = string.Format(CultureInfo.InvariantCulture, Reason, days.Value);
        await db.SaveChangesAsync(ct);
        // Files after the rows are gone: a file is shared by content, so only one no row names any more is deleted.
        var hashes = expired.SelectMany(r => new[] { r.Sha256, r.PlayableSha256 }).Distinct().ToList();
        var stillUsed = await db.Recordings.AsNoTracking().Where(r => hashes.Contains(r.Sha256) || hashes.Contains(r.PlayableSha256))
            .Select(r => new[] { r.Sha256, r.PlayableSha256 }).ToListAsync(ct);
        foreach (var sha in hashes.Except(stillUsed.SelectMany(x => x)))
        {
            try { File.Delete(store.PathOf(sha)); }
            catch (IOException e) { logger.LogError(e, "Recording file {Sha256} could not be deleted by the retention rule", sha); }
        }
        logger.LogInformation("Retention deleted {Count} recording parts", expired.Count);
        return expired.Count;
    }
}

/// <summary>Runs the retention sweep every hour, on the injected clock (so tests that do not advance it never see it).</summary>
sealed class RecordingRetentionService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RecordingRetentionService> logger) : BackgroundService
{
    // Made when the host starts, not inside ExecuteAsync: since .NET 10 ExecuteAsync runs on a pool thread, so a
    // timer made there could start after the clock first moved, and the first hour would be counted from later.
    PeriodicTimer? timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = timer!;
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RecordingRetention>().SweepAsync(stoppingToken);
                }
                // One failed sweep (the database briefly away) must not stop the next.
                catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "The recording retention sweep failed"); }
            }
        }
        catch (OperationCanceledException) { }
    }
}
