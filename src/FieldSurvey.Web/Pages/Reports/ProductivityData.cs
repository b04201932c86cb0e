using System.Globalization;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>The productivity filters: the firms' park, a period of Beijing dates (both ends included), days or weeks.</summary>
public sealed record ProductivityFilter(int? ParkId, DateOnly? From, DateOnly? To, ProductivityPeriod Period);

/// <summary>Core's rows and the interviewers' names, as the page, its chart, the CSV and the workbook all read them.</summary>
public sealed record ProductivityResult(IReadOnlyList<ProductivityRow> Rows, IReadOnlyDictionary<string, string> Names)
{
    public string Name(string interviewerId) => Names.GetValueOrDefault(interviewerId) ?? interviewerId;
}

/// <summary>
/// Loads the productivity report once for the page and both downloads, so the three can never disagree, and
/// builds the one table the two files write.
/// </summary>
public static class ProductivityData
{
    public static async Task<ProductivityResult> ProductivityAsync(this FieldSurveyDbContext db, ProductivityFilter filter, TimeZoneInfo zone)
    {
        DateTimeOffset? fromUtc = filter.From is { } f ? UserTime.ToUtc(f.ToDateTime(TimeOnly.MinValue), zone) : null;
        DateTimeOffset? toUtc = filter.To is { } t ? UserTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : null;
        var firms = db.Firms.Where(x => filter.ParkId == null || x.ParkId == filter.ParkId).Select(x => x.Id);
        var calls = db.CallAttempts.Where(a => firms.Contains(a.FirmId));
        var interviews = db.Interviews.Where(i => firms.Contains(i.FirmId));
        if (fromUtc is { } a0) { calls = calls.Where(a => a.AtUtc >= a0); interviews = interviews.Where(i => i.CreatedAtUtc >= a0); }
        if (toUtc is { } b0) { calls = calls.Where(a => a.AtUtc < b0); interviews = interviews.Where(i => i.CreatedAtUtc < b0); }
        var worked = (await calls.Select(a => new { a.InterviewerId, a.AtUtc, a.Disposition }).ToListAsync())
            .Select(a => new WorkedCall(a.InterviewerId, a.AtUtc, a.Disposition));
        var taken = (await interviews.Select(i => new { i.InterviewerId, i.CreatedAtUtc, i.SubmittedAtUtc }).ToListAsync())
            .Select(i => new WorkedInterview(i.InterviewerId, i.CreatedAtUtc, i.SubmittedAtUtc));
        var rows = Productivity.Compute(worked, taken, zone, filter.Period);
        // Names of everyone with a row, deactivated interviewers included (their past calls still count).
        var ids = rows.Select(r => r.InterviewerId).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync();
        return new ProductivityResult(rows, names.ToDictionary(u => u.Id, u => u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName));
    }

    /// <summary>
    /// The rows as a table in the reader's language: counts as integers, the completion rate as a share, the rest as
    /// plain numbers (lengths in minutes); undefined figures are empty cells. Text goes through the writers' formula escaping.
    /// </summary>
    public static ReportTable Table(ProductivityResult result, ProductivityPeriod period, IStringLocalizer t)
    {
        Column Count(string header) => new(t[header], ColumnKind.Integer, 12);
        Column Figure(string header) => new(t[header], ColumnKind.Index, 16);
        return new ReportTable("Productivity", t["Interviewer productivity"],
            [new(t["Interviewer"], ColumnKind.Text, 24), new(period == ProductivityPeriod.Week ? t["Week of"] : t["Day"], ColumnKind.Text, 12),
             Count("Attempts"), Count("Contacts"), Count("Completes"), Count("Refusals"), new(t["Completion rate"], ColumnKind.Share, 14),
             Figure("Attempts per complete"), Figure("Median interview length (min)"), Figure("Hours worked"), Figure("Calls per hour")],
            result.Rows.Select(r => new object?[]
            {
                result.Name(r.InterviewerId), r.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Attempts, r.Contacts,
                r.Completes, r.Refusals, r.CompletionRate, r.AttemptsPerComplete, r.MedianInterviewLength?.TotalMinutes, r.HoursWorked, r.CallsPerHour,
            }).ToList(), Id: "productivity");
    }
}
