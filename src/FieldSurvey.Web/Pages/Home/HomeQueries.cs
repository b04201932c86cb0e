using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Agreement;
using FieldSurvey.Web.Reporting;
using FieldSurvey.Web.Pages.Calls;
using FieldSurvey.Web.Pages.Coding;
using FieldSurvey.Web.Pages.Reports;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Home;

/// <summary>Transcripts at each step of coding: one coder finished, two finished, settled by the PI (consensus segments).</summary>
public sealed record CodingProgress(int Transcripts, int Coded, int DoubleCoded, int Adjudicated);

/// <summary>What is waiting for the PI, each with the page that deals with it.</summary>
public sealed record PiTodo(int ToReview, int UnassignedFirms, int UnassignedTranscripts, int AwaitingAdjudication);

public sealed record PiHome(IReadOnlyList<RateRow> Rates, IReadOnlyDictionary<InterviewStatus, int> Interviews, CodingProgress Coding,
    IReadOnlyList<AgreementRow> Agreement, IReadOnlyList<Classification> Classifications, PiTodo Todo);

/// <summary>An interview its interviewer still has to finish: a draft, or one the PI returned with a comment.</summary>
public sealed record OpenInterview(int Id, string FirmZh, string? FirmEn, InterviewStatus Status, DateOnly Date, string? Comment);

/// <summary><see cref="StartOfDayUtc"/>: the start of the person's day; a callback due before it was missed and is still due.</summary>
public sealed record InterviewerHome(IReadOnlyList<CallListRow> CallbacksToday, IReadOnlyList<CallListRow> Next, int OnList,
    IReadOnlyList<OpenInterview> Open, DateTimeOffset StartOfDayUtc)
{
    /// <summary>Data-quality queries waiting for this interviewer's reply (issue 24).</summary>
    public int QueriesToAnswer { get; init; }
}

public sealed record CoderHome(IReadOnlyList<QueueRow> Queue)
{
    public int Complete => Queue.Count(q => q.CompletedAtUtc is not null);
    public int Segments => Queue.Sum(q => q.Segments);
    public int NeedAttention => Queue.Sum(q => q.Lost);
}

/// <summary>
/// The home page's blocks, each read through the query its full page uses (progress, call list, coding queue,
/// agreement, report), so a figure on the home page is the figure on the page it links to.
/// </summary>
public static class HomeQueries
{
    /// <summary>How many firms of the call list the interviewer's home shows; the rest are one click away.</summary>
    public const int NextFirmsShown = 5;
    /// <summary>How many transcripts of the coder's queue the home shows (open ones come first).</summary>
    public const int QueueRowsShown = 8;

    public static async Task<PiHome> PiAsync(this FieldSurveyDbContext db, ReportCache reports, DateTimeOffset now, CancellationToken ct = default)
    {
        var parks = await db.Parks.OrderBy(p => p.SortOrder).Select(p => p.Code).ToListAsync(ct);
        var rates = ProgressQueries.RateRows(await db.FinalDispositionsAsync(), parks);
        var interviews = await db.Interviews.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var completed = db.CodingAssignments.Where(a => a.CompletedAtUtc != null);
        var coding = new CodingProgress(
            await db.Transcripts.CountAsync(ct),
            await db.Transcripts.CountAsync(t => completed.Any(a => a.TranscriptId == t.Id), ct),
            await db.Transcripts.CountAsync(t => completed.Count(a => a.TranscriptId == t.Id) >= 2, ct),
            await db.Transcripts.CountAsync(t => db.Segments.Any(s => s.TranscriptId == t.Id && s.IsConsensus && s.DeletedAtUtc == null), ct));

        // The agreement page's pairs and units with the default matching rule; only the per-dimension table is
        // computed (four bootstraps within the budget), not the per-code, per-pair and per-transcript rows.
        // The agreement page's default basis (codes on the passages both coders found).
        var agreement = AgreementTables.ByDimension(await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default),
            await db.CodebookAsync(), basis: AgreementBasis.Coding);
        var report = await reports.GetAsync(db, new ReportFilter(), now, ct);
        var todo = new PiTodo(
            interviews.GetValueOrDefault(InterviewStatus.Submitted),
            await db.Firms.CountAsync(f => f.AssignedInterviewerId == null && f.Status == Core.Firms.FirmStatus.Active, ct),
            await db.Transcripts.CountAsync(t => !db.CodingAssignments.Any(a => a.TranscriptId == t.Id), ct),
            report.NotYetAdjudicated);
        return new PiHome(rates, interviews, coding, agreement, report.Report.Classifications, todo);
    }

    /// <summary>
    /// Callbacks of the person's day (their zone's calendar day) and overdue ones, and the first firms of the
    /// call list in its own order. A callback stays on the list until it is called, so "today" includes earlier
    /// days' missed callbacks (they are due now).
    /// </summary>
    public static async Task<InterviewerHome> InterviewerAsync(this FieldSurveyDbContext db, Calls.CallListCache calls, string me, DateTimeOffset now, TimeZoneInfo zone, TimeZoneInfo firmZone)
    {
        var list = await calls.CallListAsync(db, me, now, firmZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var startOfDay = UserTime.ToUtc(local.Date, zone);
        var endOfDay = UserTime.ToUtc(local.Date.AddDays(1), zone);
        var callbacks = list.Rows.Where(r => r.Entry.Reason == CallListReason.CallbackDue
            || (r.Entry.Reason == CallListReason.CallbackLater && r.Entry.DueAtUtc < endOfDay)).ToList();
        var open = await db.Interviews.Where(i => i.InterviewerId == me && (i.Status == InterviewStatus.Draft || i.Status == InterviewStatus.Returned))
            .OrderByDescending(i => i.Status).ThenBy(i => i.InterviewDate).ThenBy(i => i.Id)
            .Select(i => new OpenInterview(i.Id, db.Firms.Where(f => f.Id == i.FirmId).Select(f => f.NameZh).First(),
                db.Firms.Where(f => f.Id == i.FirmId).Select(f => f.NameEn).First(), i.Status, i.InterviewDate, i.ReviewerComment))
            .ToListAsync();
        var queries = await db.DataQueries.CountAsync(q => q.AssignedToId == me && q.Status == Core.Interviews.DataQueryStatus.Open);
        return new InterviewerHome(callbacks, list.Rows.Take(NextFirmsShown).ToList(), list.Rows.Count, open, startOfDay) { QueriesToAnswer = queries };
    }

    public static async Task<CoderHome> CoderAsync(this FieldSurveyDbContext db, string me) => new(await db.QueueAsync(me));
}
