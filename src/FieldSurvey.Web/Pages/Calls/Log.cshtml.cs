using System.ComponentModel.DataAnnotations;
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
/// Logs one call attempt: when (in the interviewer's zone), the number, the AAPOR outcome, a note and
/// optionally a callback entered in Beijing time or the interviewer's own. An interview outcome goes
/// straight to starting the interview.
/// </summary>
public sealed class LogModel(FieldSurveyDbContext db, TimeProvider clock, UserTime time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public FirmHeader Firm { get; private set; } = null!;
    public IReadOnlyList<string> Phones { get; private set; } = [];
    /// <summary>The full quota cell of this firm, if any: 4.80 "quota filled" is then offered and records it.</summary>
    public QuotaProgress? FullCell { get; private set; }
    public string FullCellLabel { get; private set; } = "";
    /// <summary>Why this firm cannot be called at all (a do-not-call code), or null.</summary>
    public string? Barred { get; private set; }
    /// <summary>The firm's local time now and how it stands with the calling hours (issue 24).</summary>
    public CallingTime FirmNow { get; private set; } = null!;
    /// <summary>The callback asked for falls outside the calling hours: the form offers to book it anyway.</summary>
    public bool AsksOutsideHours { get; private set; }
    CallingHours hours = CallingHours.Default;
    DoNotCallList dnc = DoNotCallList.None;
    IReadOnlyList<string> allPhones = [];

    public async Task<IActionResult> OnGetAsync(int firmId)
    {
        if (!await LoadAsync(firmId)) return NotFound();
        if (!mayCall) return Forbid();
        Input.At = Minute(time.ToUser(clock.GetUtcNow()).DateTime);
        Input.Number = Phones.FirstOrDefault();
        if (FullCell is not null) Input.Outcome = QuotaFilled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int firmId)
    {
        if (!await LoadAsync(firmId)) return NotFound();
        if (!mayCall) return Forbid();
        if (!ModelState.IsValid) return Page();
        var atUtc = UserTime.ToUtc(Input.At!.Value, time.UserZone);
        DateTimeOffset? callbackUtc = Input.CallbackAt is { } cb
            ? UserTime.ToUtc(cb, Input.CallbackZone == Zone.Beijing ? time.FirmZone : time.UserZone) : null;
        foreach (var problem in CallRules.Check(Input.Outcome, atUtc, callbackUtc, clock.GetUtcNow()))
            ModelState.AddModelError($"Input.{problem.Field}", t[problem.Code]);
        foreach (var problem in DoNotCallRules.CheckCall(dnc, firmId, allPhones, Input.Number))
            ModelState.AddModelError(problem.Field.Length == 0 ? "" : $"Input.{problem.Field}", t[problem.Code]);
        if (Input.Outcome == QuotaFilled && FullCell is null)
            ModelState.AddModelError("Input.Outcome", t["No quota cell of this firm is full: 4.80 does not apply."]);
        if (callbackUtc is { } booked && hours.At(booked, time.FirmZone) is { Open: false } outside)
        {
            AsksOutsideHours = true;
            if (!Input.OutsideHoursConfirmed)
                ModelState.AddModelError("Input.CallbackAt", t["The callback, at {0} in Beijing, is outside the calling hours ({1}). Choose another time, or tick the box below to book it anyway.",
                    CallingHoursText.Local(outside.Local), CallingHoursText.Describe(t, outside)]);
        }
        if (!ModelState.IsValid) return Page();

        db.CallAttempts.Add(new CallAttempt
        {
            FirmId = firmId, InterviewerId = User.Id(), AtUtc = atUtc, NumberDialled = Input.Number?.Trim(),
            Disposition = Input.Outcome!, Note = Input.Note, CallbackAtUtc = callbackUtc,
            QuotaTargetId = Input.Outcome == QuotaFilled ? FullCell!.Cell.Id : null,
        });
        await db.SaveChangesAsync();
        if (Dispositions.Get(Input.Outcome!).IsInterview)
            return Redirect($"/Interviews/Start?firmId={firmId}");
        StatusMessage = t["Call logged: {0}.", Firm.NameZh];
        return RedirectToPage("/Calls/Index");
    }

    bool mayCall;

    async Task<bool> LoadAsync(int firmId)
    {
        var firm = await db.Firms.Where(f => f.Id == firmId)
            .Select(f => new { Header = new FirmHeader(f.Id, f.NameZh, f.NameEn, f.Park!.Code), f.AssignedInterviewerId }).SingleOrDefaultAsync();
        if (firm is null) return false;
        Firm = firm.Header;
        hours = await db.CallingHoursAsync();
        FirmNow = hours.At(clock.GetUtcNow(), time.FirmZone);
        var quota = await db.QuotaStateAsync();
        FullCell = quota.FullCellFor(firmId);
        if (FullCell is not null) FullCellLabel = quota.Label(FullCell.Cell);
        if (!(mayCall = User.CanWork(firm.AssignedInterviewerId))) return true;   // and no numbers loaded
        allPhones = (await db.NumbersByFirmAsync([firmId])).GetValueOrDefault(firmId) ?? [];
        dnc = await db.DoNotCallListAsync();
        Phones = allPhones.Where(p => !dnc.NumberBarred(p)).ToList();   // a marked number is not offered
        Barred = DoNotCallRules.CheckCall(dnc, firmId, allPhones, null).FirstOrDefault()?.Code;
        return true;
    }

    const string QuotaFilled = "4.80";

    static DateTime Minute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Unspecified);

    public sealed record FirmHeader(int Id, string NameZh, string? NameEn, string Park);

    public enum Zone { Beijing, Mine }

    public sealed class InputModel
    {
        /// <summary>When the call was made, in the interviewer's own zone.</summary>
        [Required(ErrorMessage = "Enter when the call was made.")] public DateTime? At { get; set; }
        [StringLength(40)] public string? Number { get; set; }
        [Required(ErrorMessage = "Choose the outcome of the call.")] public string? Outcome { get; set; }
        [StringLength(4000)] public string? Note { get; set; }
        public DateTime? CallbackAt { get; set; }
        public Zone CallbackZone { get; set; } = Zone.Beijing;
        /// <summary>The interviewer confirms a callback outside the calling hours (the respondent asked for it).</summary>
        public bool OutsideHoursConfirmed { get; set; }
    }
}
