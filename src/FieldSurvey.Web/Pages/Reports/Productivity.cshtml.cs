using FieldSurvey.Core.Calls;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// Interviewer productivity for the PI, per Beijing day or week (<see cref="Productivity"/> states the conventions),
/// filtered by the firms' park and a period of Beijing dates.
/// </summary>
public sealed class ProductivityModel(FieldSurveyDbContext db, UserTime time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? ParkId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public ProductivityPeriod Period { get; set; } = ProductivityPeriod.Week;
    public IReadOnlyList<ProductivityRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<(int Id, string Code)> Parks { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Parks = (await db.Parks.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code }).ToListAsync()).Select(p => (p.Id, p.Code)).ToList();
        var zone = time.FirmZone;
        DateTimeOffset? fromUtc = From is { } f ? UserTime.ToUtc(f.ToDateTime(TimeOnly.MinValue), zone) : null;
        DateTimeOffset? toUtc = To is { } t ? UserTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : null;
        var firms = db.Firms.Where(x => ParkId == null || x.ParkId == ParkId).Select(x => x.Id);
        var calls = db.CallAttempts.Where(a => firms.Contains(a.FirmId));
        var interviews = db.Interviews.Where(i => firms.Contains(i.FirmId));
        if (fromUtc is { } a0) { calls = calls.Where(a => a.AtUtc >= a0); interviews = interviews.Where(i => i.CreatedAtUtc >= a0); }
        if (toUtc is { } b0) { calls = calls.Where(a => a.AtUtc < b0); interviews = interviews.Where(i => i.CreatedAtUtc < b0); }
        var worked = (await calls.Select(a => new { a.InterviewerId, a.AtUtc, a.Disposition }).ToListAsync())
            .Select(a => new WorkedCall(a.InterviewerId, a.AtUtc, a.Disposition));
        var taken = (await interviews.Select(i => new { i.InterviewerId, i.CreatedAtUtc, i.SubmittedAtUtc }).ToListAsync())
            .Select(i => new WorkedInterview(i.InterviewerId, i.CreatedAtUtc, i.SubmittedAtUtc));
        Rows = Productivity.Compute(worked, taken, zone, Period);
        Names = (await db.CallersAsync()).ToDictionary(c => c.Id, c => c.Name);
    }
}
