using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>One line of an interviewer's call list: Core's entry with what the page shows beside it.</summary>
public sealed record CallListRow(CallListEntry Entry, string NameZh, string? NameEn, string Park, string? Phone);

/// <summary>An interviewer's call list, the retry settings it was built with, and how the firms' clock stands with the calling hours.</summary>
public sealed record LoadedCallList(IReadOnlyList<CallListRow> Rows, int RetryGapHours, int MaxAttempts, CallingTime Hours);

/// <summary>The call list as /Calls and the home page read it, so both show the same firms in the same order.</summary>
public static class CallListQuery
{
    public static async Task<LoadedCallList> CallListAsync(this FieldSurveyDbContext db, string interviewerId, DateTimeOffset nowUtc, TimeZoneInfo firmZone)
    {
        var settings = await db.StudySettings.AsNoTracking().CurrentAsync() ?? new Core.Study.StudySettings();
        var mine = db.Firms.Where(f => f.AssignedInterviewerId == interviewerId && f.Status == FirmStatus.Active);
        var firms = await mine.OrderBy(f => f.NameZh)
            .Select(f => new { f.Id, f.NameZh, f.NameEn, Park = f.Park!.Code, f.DispositionOverride }).ToListAsync();
        var phones = (await db.Contacts.Where(c => mine.Select(f => f.Id).Contains(c.FirmId)).OrderBy(c => c.Id)
            .Select(c => new { c.FirmId, c.Phones }).ToListAsync())
            .GroupBy(c => c.FirmId).ToDictionary(g => g.Key, g => g.SelectMany(c => c.Phones).FirstOrDefault());
        var attempts = await db.AttemptsByFirmAsync(mine.Select(f => f.Id));
        var list = CallList.Build(firms.Select(f => new CallListFirm(f.Id, attempts.GetValueOrDefault(f.Id) ?? [], f.DispositionOverride)),
            settings.RetryGapHours, settings.MaxAttempts, nowUtc);
        list = (await db.QuotaStateAsync()).Apply(list);   // issue 24: full quota cells; a separate step on Core's list
        var byId = firms.ToDictionary(f => f.Id);
        IReadOnlyList<CallListRow> rows = list.Select(e => new CallListRow(e, byId[e.FirmId].NameZh, byId[e.FirmId].NameEn, byId[e.FirmId].Park, phones.GetValueOrDefault(e.FirmId))).ToList();
        rows = await db.WithoutDoNotCallAsync(rows);   // issue 24: do-not-call; a separate step on the page's rows
        var hours = CallingHours.FromJson(settings.CallingHoursJson).At(nowUtc, firmZone);   // issue 24: calling hours
        return new LoadedCallList(rows, settings.RetryGapHours, settings.MaxAttempts, hours);
    }
}
