using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>An interviewer's call list, in the order of <see cref="CallList"/>. A PI can open anyone's list.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? InterviewerId { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<Row> Entries { get; private set; } = [];
    public IReadOnlyList<Caller> Callers { get; private set; } = [];
    public int RetryGapHours { get; private set; }
    public int MaxAttempts { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.IsPI() || string.IsNullOrEmpty(InterviewerId)) InterviewerId = User.Id();
        if (User.IsPI()) Callers = await db.CallersAsync();
        var settings = await db.StudySettings.AsNoTracking().CurrentAsync() ?? new Core.Study.StudySettings();
        (RetryGapHours, MaxAttempts) = (settings.RetryGapHours, settings.MaxAttempts);

        var mine = db.Firms.Where(f => f.AssignedInterviewerId == InterviewerId && f.Status == FirmStatus.Active);
        var firms = await mine.OrderBy(f => f.NameZh)
            .Select(f => new { f.Id, f.NameZh, f.NameEn, Park = f.Park!.Code, f.DispositionOverride }).ToListAsync();
        var phones = (await db.Contacts.Where(c => mine.Select(f => f.Id).Contains(c.FirmId)).OrderBy(c => c.Id)
            .Select(c => new { c.FirmId, c.Phones }).ToListAsync())
            .GroupBy(c => c.FirmId).ToDictionary(g => g.Key, g => g.SelectMany(c => c.Phones).FirstOrDefault());
        var attempts = await db.AttemptsByFirmAsync(mine.Select(f => f.Id));
        var list = CallList.Build(firms.Select(f => new CallListFirm(f.Id, attempts.GetValueOrDefault(f.Id) ?? [], f.DispositionOverride)),
            settings.RetryGapHours, settings.MaxAttempts, clock.GetUtcNow());
        var byId = firms.ToDictionary(f => f.Id);
        Entries = list.Select(e => new Row(e, byId[e.FirmId].NameZh, byId[e.FirmId].NameEn, byId[e.FirmId].Park, phones.GetValueOrDefault(e.FirmId))).ToList();
        return Page();
    }

    public sealed record Row(CallListEntry Entry, string NameZh, string? NameEn, string Park, string? Phone);
}
