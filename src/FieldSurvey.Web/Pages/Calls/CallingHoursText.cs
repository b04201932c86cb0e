using System.Globalization;
using FieldSurvey.Core.Calls;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>The study's calling hours (issue 24) as the call list, the call log and the calendar read and show them.</summary>
public static class CallingHoursText
{
    public static async Task<CallingHours> CallingHoursAsync(this FieldSurveyDbContext db) =>
        CallingHours.FromJson((await db.StudySettings.AsNoTracking().CurrentAsync())?.CallingHoursJson);

    /// <summary>A firm-local time with its weekday in the reader's language: "Wed 2026-11-25 10:00", "周三 2026-11-25 10:00".</summary>
    public static string Local(DateTime local) =>
        local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal)
            ? CultureInfo.GetCultureInfo("zh-Hans") : CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>"Lunch break: calling opens again Wed 2026-11-25 13:30", or "Inside calling hours".</summary>
    public static string Describe(IStringLocalizer t, CallingTime time)
    {
        var state = t[CallingHours.Text(time.State)].Value;
        if (time.Holiday?.Name is { Length: > 0 } name) state = $"{state} ({name})";
        if (time.Open) return state;
        return time.NextOpen is { } next ? t["{0}: calling opens again {1}", state, Local(next)] : state;
    }
}
