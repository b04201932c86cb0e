using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Firms;

/// <summary>One firm: its details, contacts, call history and disposition; PIs assign it and override the disposition.</summary>
public sealed class DetailsModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [BindProperty] public OverrideInput Override { get; set; } = new();
    public Firm Firm { get; private set; } = null!;
    public string ParkName { get; private set; } = "";
    public string? SubsectorName { get; private set; }
    public IReadOnlyList<Call> Calls { get; private set; } = [];
    public Disposition Derived { get; private set; } = null!;
    public Disposition Current { get; private set; } = null!;
    public IReadOnlyList<Caller> Callers { get; private set; } = [];
    /// <summary>False for another interviewer's firm: its contacts and the numbers dialled are left out.</summary>
    public bool ShowsContacts { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(int id, string? assignTo, int version)
    {
        if (!User.IsPI()) return Forbid();
        var firm = await db.Firms.SingleOrDefaultAsync(f => f.Id == id);
        if (firm is null) return NotFound();
        if (!string.IsNullOrEmpty(assignTo) && !(await db.CallersAsync()).Any(c => c.Id == assignTo)) return BadRequest();
        db.ExpectVersion(firm, version);
        firm.AssignedInterviewerId = string.IsNullOrEmpty(assignTo) ? null : assignTo;
        StatusMessage = await db.TrySaveAsync() ? t["Assigned."] : t["Error: someone else changed this firm meanwhile; nothing was saved."];
        return RedirectToPage(new { id });
    }

    /// <summary>A PI sets (or clears, with an empty code) the final disposition by hand; the reason goes to the audit trail.</summary>
    public async Task<IActionResult> OnPostOverrideAsync(int id)
    {
        if (!User.IsPI()) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (!string.IsNullOrEmpty(Override.Code) && Dispositions.Find(Override.Code) is null)
            ModelState.AddModelError("Override.Code", t["Choose a disposition code from the list."]);
        if (!ModelState.IsValid) return Page();
        var firm = await db.Firms.SingleAsync(f => f.Id == id);
        db.ExpectVersion(firm, Override.Version);
        firm.DispositionOverride = string.IsNullOrEmpty(Override.Code) ? null : Override.Code;
        firm.DispositionOverrideReason = Override.Reason.Trim();
        db.AuditReason = Override.Reason.Trim();
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this firm while you were editing. Your changes were not saved: reload the page to see theirs."]);
            return Page();
        }
        StatusMessage = t["Disposition saved."];
        return RedirectToPage(new { id });
    }

    async Task<bool> LoadAsync(int id)
    {
        var firm = await db.Firms.AsNoTracking().Include(f => f.Contacts).Include(f => f.Park).SingleOrDefaultAsync(f => f.Id == id);
        if (firm is null) return false;
        ShowsContacts = User.CanWork(firm.AssignedInterviewerId);
        if (!ShowsContacts) firm.Contacts.Clear();
        Firm = firm;
        var chinese = DisplayNames.Chinese;
        ParkName = firm.Park!.Name(chinese);
        SubsectorName = await db.Terms.Where(x => x.Kind == Core.Study.TermKind.Subsector && x.Code == firm.Subsector)
            .Select(x => chinese ? x.NameZh : x.NameEn).FirstOrDefaultAsync();
        Calls = await db.CallAttempts.Where(a => a.FirmId == id).OrderByDescending(a => a.AtUtc)
            .Join(db.Users, a => a.InterviewerId, u => u.Id, (a, u) => new Call(a.AtUtc, u.DisplayName, ShowsContacts ? a.NumberDialled : null, a.Disposition, a.Note, a.CallbackAtUtc))
            .ToListAsync();
        var outcomes = Calls.Select(c => new AttemptOutcome(c.AtUtc, c.Code, c.CallbackAtUtc)).ToList();
        Derived = FinalDisposition.Derive(outcomes);
        Current = FinalDisposition.Derive(outcomes, firm.DispositionOverride);
        Callers = await db.CallersAsync();
        if (!ModelState.ContainsKey("Override.Version")) Override = new OverrideInput { Version = firm.Version, Code = firm.DispositionOverride };
        return true;
    }

    public sealed record Call(DateTimeOffset AtUtc, string Interviewer, string? Number, string Code, string? Note, DateTimeOffset? CallbackAtUtc)
    {
        public Disposition? Disposition => Dispositions.Find(Code);
    }

    public sealed class OverrideInput
    {
        public int Version { get; set; }
        public string? Code { get; set; }
        [Required(ErrorMessage = "Give the reason for the override."), StringLength(1000)] public string Reason { get; set; } = "";
    }
}
