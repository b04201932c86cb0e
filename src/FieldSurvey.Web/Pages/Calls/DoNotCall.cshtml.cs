using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>
/// The do-not-call list: the field team marks a firm, or one of its numbers, with a reason (e.g. "never call us
/// again"); only a PI removes an entry, with a reason the audit trail keeps. An entry is retired, never deleted.
/// A park-scoped person sees the entries of their parks' firms and those marked without a firm.
/// </summary>
public sealed class DoNotCallModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public LogModel.FirmHeader? Firm { get; private set; }
    public IReadOnlyList<string> FirmPhones { get; private set; } = [];
    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public sealed record Row(int Id, string? FirmNameZh, string? Number, string Reason, DateTimeOffset AtUtc, string By,
        DateTimeOffset? RemovedAtUtc, string? RemovedBy, string? RemovalReason);

    public async Task<IActionResult> OnGetAsync(int? firmId) => await LoadAsync(firmId) ?? Page();

    public async Task<IActionResult> OnPostMarkAsync(int? firmId)
    {
        if (await LoadAsync(firmId) is { } refused) return refused;
        foreach (var problem in DoNotCallRules.CheckMark(Input.WholeFirm, Firm?.Id, Input.Number, Input.Reason))
            ModelState.AddModelError($"Input.{problem.Field}", t[problem.Code]);
        if (!ModelState.IsValid) return Page();
        var number = Input.WholeFirm ? null : Phones.Normalize(Input.Number);
        var already = await db.DoNotCalls.AnyAsync(d => d.RemovedAtUtc == null
            && (number == null ? d.Number == null && d.FirmId == Firm!.Id : d.Number == number));
        if (!already)
        {
            db.DoNotCalls.Add(new DoNotCall { FirmId = Firm?.Id, Number = number, Reason = Input.Reason!.Trim(), AtUtc = clock.GetUtcNow(), ById = User.Id() });
            await db.SaveChangesAsync();
        }
        StatusMessage = already ? t["Already on the do-not-call list."] : t["Added to the do-not-call list."];
        return RedirectToPage(new { firmId });
    }

    /// <summary>PI only: a wrong entry would otherwise keep a willing firm out of the study for good.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, int? firmId, string? removalReason)
    {
        if (!User.IsPI()) return Forbid();
        var entry = await Visible(db.DoNotCalls).SingleOrDefaultAsync(d => d.Id == id && d.RemovedAtUtc == null);
        if (entry is null) return NotFound();
        var problems = DoNotCallRules.CheckRemoval(removalReason);
        if (problems.Count > 0)
        {
            StatusMessage = t["Error: {0}", t[problems[0].Code]];
            return RedirectToPage(new { firmId });
        }
        (entry.RemovedAtUtc, entry.RemovedById, entry.RemovalReason) = (clock.GetUtcNow(), User.Id(), removalReason!.Trim());
        db.AuditReason = entry.RemovalReason;
        await db.SaveChangesAsync();
        StatusMessage = t["Removed from the do-not-call list."];
        return RedirectToPage(new { firmId });
    }

    /// <summary>Entries of firms the park filter hides stay hidden (a firm-less entry is a bare number, seen by all).</summary>
    IQueryable<DoNotCall> Visible(IQueryable<DoNotCall> q) => q.Where(d => d.FirmId == null || db.Firms.Any(f => f.Id == d.FirmId));

    async Task<IActionResult?> LoadAsync(int? firmId)
    {
        if (firmId is { } id)
        {
            var firm = await db.Firms.Where(f => f.Id == id)
                .Select(f => new { Header = new LogModel.FirmHeader(f.Id, f.NameZh, f.NameEn, f.Park!.Code), f.AssignedInterviewerId }).SingleOrDefaultAsync();
            if (firm is null) return NotFound();
            if (!User.CanWork(firm.AssignedInterviewerId)) return Forbid();   // another interviewer's firm and its numbers stay theirs
            Firm = firm.Header;
            FirmPhones = (await db.NumbersByFirmAsync([id])).GetValueOrDefault(id) ?? [];
        }
        var names = db.Users.Select(u => new { u.Id, u.DisplayName });
        Entries = await Visible(db.DoNotCalls.AsNoTracking()).Where(d => firmId == null || d.FirmId == firmId)
            .OrderBy(d => d.RemovedAtUtc != null).ThenByDescending(d => d.AtUtc).Take(500)
            .Select(d => new Row(d.Id, db.Firms.Where(f => f.Id == d.FirmId).Select(f => f.NameZh).FirstOrDefault(), d.Number, d.Reason, d.AtUtc,
                names.Where(u => u.Id == d.ById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                d.RemovedAtUtc, names.Where(u => u.Id == d.RemovedById).Select(u => u.DisplayName).FirstOrDefault(), d.RemovalReason))
            .ToListAsync();
        return null;
    }

    public sealed class InputModel
    {
        /// <summary>The whole firm rather than one number (only with a firm).</summary>
        public bool WholeFirm { get; set; }
        [StringLength(40)] public string? Number { get; set; }
        [StringLength(1000)] public string? Reason { get; set; }
    }
}
