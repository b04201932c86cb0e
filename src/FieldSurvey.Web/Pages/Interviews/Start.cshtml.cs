using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Calls;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>
/// Starts an interview with a firm on the latest guide version. The call log sends interviewers here after
/// a completed or partial call (/Interviews/Start?firmId=…), so the URL is part of the contract.
/// </summary>
public sealed class StartModel(FieldSurveyDbContext db, TimeProvider clock, UserTime time, IStringLocalizer<SharedResource> t) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public FirmHeader? Firm { get; private set; }
    public IReadOnlyList<InterviewRow> Existing { get; private set; } = [];
    public int? GuideNumber { get; private set; }
    /// <summary>The firm's full quota cell, if any: starting anyway needs a reason, kept in the audit trail.</summary>
    public QuotaProgress? FullCell { get; private set; }
    public string FullCellLabel { get; private set; } = "";
    [BindProperty, StringLength(500)] public string? QuotaReason { get; set; }

    /// <summary>The name of the interviewer whose call list holds the firm, when that is someone else: starting is refused.</summary>
    public string? OtherInterviewer { get; private set; }

    public async Task<IActionResult> OnGetAsync(int firmId) => !await LoadAsync(firmId) ? NotFound() : OtherInterviewer is null ? Page() : Refused();

    public async Task<IActionResult> OnPostAsync(int firmId)
    {
        if (!await LoadAsync(firmId)) return NotFound();
        if (OtherInterviewer is not null) return Refused();
        if (FullCell is not null && string.IsNullOrWhiteSpace(QuotaReason))
            ModelState.AddModelError(nameof(QuotaReason), t["The quota for this firm's cell is filled: say why the interview is still taken."]);
        if (!ModelState.IsValid) return Page();
        var guide = await db.GuideVersions.OrderByDescending(g => g.Number).FirstOrDefaultAsync();
        if (guide is null)
        {
            ModelState.AddModelError(string.Empty, t["No interview guide has been published yet."]);
            return Page();
        }
        var now = clock.GetUtcNow();
        var interview = new Interview
        {
            FirmId = firmId, GuideVersionId = guide.Id, InterviewerId = User.Id(), Status = InterviewStatus.Draft,
            InterviewDate = DateOnly.FromDateTime(time.ToFirm(now).DateTime), CreatedAtUtc = now,
        };
        db.Interviews.Add(interview);
        if (FullCell is not null) db.AuditReason = $"Quota filled ({FullCellLabel}): {QuotaReason!.Trim()}";
        await db.SaveChangesAsync();
        return RedirectToPage("Capture", new { id = interview.Id });
    }

    async Task<bool> LoadAsync(int firmId)
    {
        var found = await db.Firms.AsNoTracking().Where(f => f.Id == firmId)
            .Select(f => new { Header = new FirmHeader(f.Id, f.NameZh, f.NameEn, f.Park!.Code), f.AssignedInterviewerId }).SingleOrDefaultAsync();
        if ((Firm = found?.Header) is null) return false;
        // Interviewers start interviews with firms on their own call list (or on nobody's); another interviewer's
        // firm stays theirs, and the page says whose it is rather than pretending it does not exist.
        if (!User.CanWork(found!.AssignedInterviewerId))
        {
            OtherInterviewer = await db.Users.Where(u => u.Id == found.AssignedInterviewerId).Select(u => u.DisplayName).SingleOrDefaultAsync() ?? "?";
            return true;
        }
        Existing = await db.Interviews.AsNoTracking().VisibleTo(User).Where(i => i.FirmId == firmId).OrderByDescending(i => i.Id)
            .Select(i => new InterviewRow(i.Id, i.InterviewDate, i.Status, i.InterviewerId)).ToListAsync();
        GuideNumber = await db.GuideVersions.MaxAsync(g => (int?)g.Number);
        var quota = await db.QuotaStateAsync();
        FullCell = quota.FullCellFor(firmId);
        if (FullCell is not null) FullCellLabel = quota.Label(FullCell.Cell);
        return true;
    }

    // 403 with the page, so the interviewer reads why; nothing is loaded beyond the firm's name.
    PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    public sealed record FirmHeader(int Id, string NameZh, string? NameEn, string ParkCode);
    public sealed record InterviewRow(int Id, DateOnly Date, InterviewStatus Status, string InterviewerId);
}
