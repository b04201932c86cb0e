using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>An interviewer's call list, in the order of <see cref="Core.Calls.CallList"/> (see <see cref="CallListCache"/>). A PI can open anyone's list.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, CallListCache calls, TimeProvider clock, UserTime time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? InterviewerId { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [TempData] public string? StatusMessage { get; set; }
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyList<CallListRow> Entries { get; private set; } = [];
    public IReadOnlyList<Caller> Callers { get; private set; } = [];
    public int RetryGapHours { get; private set; }
    public int MaxAttempts { get; private set; }
    public QuotaState Quota { get; private set; } = QuotaState.None;
    /// <summary>The firms' local time now and how it stands with the study's calling hours.</summary>
    public Core.Calls.CallingTime Hours { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.IsPI() || string.IsNullOrEmpty(InterviewerId)) InterviewerId = User.Id();
        if (User.IsPI()) Callers = await db.CallersAsync();
        var list = await calls.CallListAsync(db, InterviewerId, clock.GetUtcNow(), time.FirmZone);
        (RetryGapHours, MaxAttempts, Hours, Quota) = (list.RetryGapHours, list.MaxAttempts, list.Hours, list.Quota);
        // A page at a time, in the list's own order: the first page is what is due now.
        Pager = Pager.For(Request, P, PageSize, list.Rows.Count);
        Entries = list.Rows.Skip(Pager.Skip).Take(PageSize).ToList();
        return Page();
    }
}
