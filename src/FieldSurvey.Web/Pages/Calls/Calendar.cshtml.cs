using System.Globalization;
using FieldSurvey.Core.Calls;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>
/// The callback calendar (issue 24): a week of booked callbacks per interviewer in Beijing time, clashes and
/// callbacks outside the calling hours flagged (<see cref="CallbackCalendar"/>). The callbacks are those the call
/// lists keep, read through <see cref="CallListQuery"/>, so the calendar and the lists cannot disagree. An
/// interviewer sees their own; a PI sees everyone's and reassigns a callback, which moves the firm's case to the
/// other interviewer's list (the firm change is audited with the reason).
/// </summary>
public sealed class CalendarModel(FieldSurveyDbContext db, CallListCache calls, TimeProvider clock, UserTime time, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Any day of the week to show (yyyy-MM-dd); the current week in Beijing when empty.</summary>
    [BindProperty(SupportsGet = true)] public string? Week { get; set; }
    /// <summary>For a PI: one interviewer only; everyone when empty.</summary>
    [BindProperty(SupportsGet = true)] public string? InterviewerId { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public CalendarWeek Calendar { get; private set; } = null!;
    public IReadOnlyList<Caller> Callers { get; private set; } = [];
    public IReadOnlyDictionary<int, FirmLine> Firms { get; private set; } = new Dictionary<int, FirmLine>();
    public string Name(string id) => Callers.FirstOrDefault(c => c.Id == id)?.Name ?? id;
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed record FirmLine(string NameZh, string? NameEn, string Park, int Version);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>A PI moves a booked callback, with its firm, to another interviewer.</summary>
    public async Task<IActionResult> OnPostReassignAsync(int firmId, string? to, int version, string? reason)
    {
        if (!User.IsPI()) return Forbid();
        var firm = await db.Firms.SingleOrDefaultAsync(f => f.Id == firmId);
        if (firm is null) return NotFound();
        var callers = await db.CallersAsync();
        if (string.IsNullOrEmpty(to) || callers.All(c => c.Id != to))
        {
            StatusMessage = t["Error: choose the interviewer who takes the callback."];
            return RedirectToPage(new { Week, InterviewerId });
        }
        var from = firm.AssignedInterviewerId;
        db.ExpectVersion(firm, version);
        firm.AssignedInterviewerId = to;
        db.AuditReason = string.IsNullOrWhiteSpace(reason) ? "Callback reassigned on the callback calendar" : reason.Trim();
        StatusMessage = await db.TrySaveAsync()
            ? t["Callback of {0} moved from {1} to {2}.", firm.NameZh, from is null ? "—" : callers.FirstOrDefault(c => c.Id == from)?.Name ?? from, callers.Single(c => c.Id == to).Name]
            : t["Error: someone else changed this firm meanwhile; nothing was saved."];
        return RedirectToPage(new { Week, InterviewerId });
    }

    async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        var hours = await db.CallingHoursAsync();
        Callers = await db.CallersAsync();
        IEnumerable<string> whose = !User.IsPI() ? [User.Id()]
            : string.IsNullOrEmpty(InterviewerId) ? Callers.Select(c => c.Id) : [InterviewerId];
        var booked = (await calls.CallListsAsync(db, whose.ToList(), now, time.FirmZone))
            .SelectMany(list => list.Value.Rows
                .Where(r => r.Entry.Reason is CallListReason.CallbackDue or CallListReason.CallbackLater && r.Entry.DueAtUtc is not null)
                .Select(r => new BookedCallback(r.Entry.FirmId, list.Key, r.Entry.DueAtUtc!.Value)))
            .ToList();
        var day = DateOnly.TryParseExact(Week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
            ? asked : DateOnly.FromDateTime(time.ToFirm(now).DateTime);
        Calendar = CallbackCalendar.Build(booked, day, time.FirmZone, hours, now);
        var shown = Calendar.Rows.SelectMany(r => r.Days).SelectMany(d => d).Select(e => e.Callback.FirmId).Distinct().ToList();
        Firms = (await db.Firms.Where(f => shown.Contains(f.Id))
                .Select(f => new { f.Id, Line = new FirmLine(f.NameZh, f.NameEn, f.Park!.Code, f.Version) }).ToListAsync())
            .ToDictionary(f => f.Id, f => f.Line);
    }
}
