using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>One line of an interviewer's call list: Core's entry with what the page shows beside it.</summary>
public sealed record CallListRow(CallListEntry Entry, string NameZh, string? NameEn, string Park, string? Phone);

/// <summary>
/// An interviewer's call list, the retry settings it was built with, how the firms' clock stands with the calling hours,
/// and the quota state that took full cells' fresh firms off it (the page notes the booked callbacks it kept).
/// </summary>
public sealed record LoadedCallList(IReadOnlyList<CallListRow> Rows, int RetryGapHours, int MaxAttempts, CallingTime Hours, QuotaState Quota);

/// <summary>The call list as /Calls, the callback calendar and the home page read it, so all show the same firms in the same order.</summary>
public static class CallListQuery
{
    public static async Task<LoadedCallList> CallListAsync(this FieldSurveyDbContext db, string interviewerId, DateTimeOffset nowUtc, TimeZoneInfo firmZone) =>
        (await db.CallListsAsync([interviewerId], nowUtc, firmZone))[interviewerId];

    /// <summary>
    /// The call lists of several interviewers from one read of each table: the settings, quota state and do-not-call
    /// list once, then the firms, their numbers and a projection of their attempts (firm, time, outcome, callback; the
    /// index on (FirmId, AtUtc) serves it), whatever the number of interviewers.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, LoadedCallList>> CallListsAsync(this FieldSurveyDbContext db,
        IReadOnlyCollection<string> interviewerIds, DateTimeOffset nowUtc, TimeZoneInfo firmZone)
    {
        var settings = await db.StudySettings.AsNoTracking().CurrentAsync() ?? new Core.Study.StudySettings();
        var quota = await db.QuotaStateAsync();
        var dnc = await db.DoNotCallListAsync();
        var hours = CallingHours.FromJson(settings.CallingHoursJson).At(nowUtc, firmZone);   // issue 24: calling hours
        var ids = interviewerIds.ToList();
        var theirs = db.Firms.Where(f => f.AssignedInterviewerId != null && ids.Contains(f.AssignedInterviewerId) && f.Status == FirmStatus.Active);
        var firms = await theirs.OrderBy(f => f.NameZh)
            .Select(f => new { f.Id, f.NameZh, f.NameEn, Park = f.Park!.Code, f.DispositionOverride, Interviewer = f.AssignedInterviewerId! }).ToListAsync();
        var numbers = await db.NumbersByFirmAsync(theirs.Select(f => f.Id));
        var attempts = await db.AttemptsByFirmAsync(theirs.Select(f => f.Id));
        var byId = firms.ToDictionary(f => f.Id);
        return ids.Distinct().ToDictionary(id => id, id =>
        {
            var list = CallList.Build(firms.Where(f => f.Interviewer == id)
                    .Select(f => new CallListFirm(f.Id, attempts.GetValueOrDefault(f.Id) ?? [], f.DispositionOverride)),
                settings.RetryGapHours, settings.MaxAttempts, nowUtc);
            list = quota.Apply(list);   // issue 24: full quota cells; a separate step on Core's list
            // Issue 24, do-not-call: firms that cannot be called leave, and a row shows the firm's first number not marked.
            IReadOnlyList<CallListRow> rows = list
                .Where(e => dnc.Callable(e.FirmId, numbers.GetValueOrDefault(e.FirmId) ?? []))
                .Select(e => new CallListRow(e, byId[e.FirmId].NameZh, byId[e.FirmId].NameEn, byId[e.FirmId].Park,
                    numbers.GetValueOrDefault(e.FirmId)?.FirstOrDefault(n => !dnc.NumberBarred(n))))
                .ToList();
            return new LoadedCallList(rows, settings.RetryGapHours, settings.MaxAttempts, hours, quota);
        });
    }
}
