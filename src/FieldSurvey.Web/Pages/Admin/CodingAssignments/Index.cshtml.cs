using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Agreement.Calibration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.CodingAssignments;

/// <summary>
/// Who codes which transcript: one or two coders each, by hand or by a reproducible round-robin draw. Once the study
/// has a calibration test, only coders who passed the current one (or whom a PI let through, with a reason) get live transcripts.
/// </summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public BulkInput Bulk { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<Row> Transcripts { get; private set; } = [];
    public IReadOnlyList<Coder> Coders { get; private set; } = [];
    public IReadOnlyDictionary<string, GateStatus> Gates { get; private set; } = new Dictionary<string, GateStatus>();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAssignAsync(int transcriptId, string coderId)
    {
        await LoadAsync();
        var row = Transcripts.SingleOrDefault(r => r.TranscriptId == transcriptId);
        if (row is null || Coders.All(c => c.Id != coderId)) return NotFound();
        if (row.Coders.Any(c => c.CoderId == coderId)) StatusMessage = t["Error: this coder is already assigned."];
        else if (row.Coders.Count >= 2) StatusMessage = t["Error: a transcript has at most two coders."];
        else if (Gates[coderId] is { Open: false } gate) StatusMessage = Blocked(coderId, gate);
        else
        {
            db.CodingAssignments.Add(new CodingAssignment { TranscriptId = transcriptId, CoderId = coderId, AssignedAtUtc = clock.GetUtcNow() });
            await db.SaveChangesAsync();
            StatusMessage = t["Assigned."];
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnassignAsync(int assignmentId)
    {
        var assignment = await db.CodingAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId);
        if (assignment is null) return NotFound();
        // A coder's segments stay with the transcript; taking the transcript away from someone who coded it would hide them.
        if (await db.Segments.AnyAsync(s => s.TranscriptId == assignment.TranscriptId && s.CoderId == assignment.CoderId && s.DeletedAtUtc == null))
            StatusMessage = t["Error: this coder has already coded passages in this transcript; the assignment stays."];
        else
        {
            db.CodingAssignments.Remove(assignment);
            await db.SaveChangesAsync();
            StatusMessage = t["Assignment removed."];
        }
        return RedirectToPage();
    }

    /// <summary>
    /// Reopens a finished coding for its coder, the only way back once both codings are revealed; the
    /// transcript is blinded again for its coders until all have finished. Audited with the reason.
    /// </summary>
    public async Task<IActionResult> OnPostReopenAsync(int assignmentId)
    {
        var assignment = await db.CodingAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId);
        if (assignment is null) return NotFound();
        if (assignment.CompletedAtUtc is not null)
        {
            assignment.CompletedAtUtc = null;
            db.AuditReason = "Coding reopened for its coder by a PI";
            await db.SaveChangesAsync();
        }
        StatusMessage = t["Coding reopened for the coder."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostBulkAsync()
    {
        await LoadAsync();
        var coders = Coders.Where(c => Bulk.CoderIds.Contains(c.Id)).Select(c => c.Id).ToList();
        if (coders.Count == 0) ModelState.AddModelError("Bulk.CoderIds", t["Choose at least one coder."]);
        foreach (var coderId in coders.Where(c => !Gates[c].Open)) ModelState.AddModelError("Bulk.CoderIds", Blocked(coderId, Gates[coderId]));
        if (!ModelState.IsValid) return Page();
        var seed = Bulk.Seed ?? Random.Shared.Next(1, 1_000_000);
        var unassigned = Transcripts.Where(r => r.Coders.Count == 0).Select(r => r.TranscriptId).ToList();
        var drawn = AssignmentDraw.Draw(unassigned, coders, Bulk.DoubleSharePercent / 100.0, new Random(seed));
        foreach (var d in drawn)
            foreach (var coderId in d.CoderIds)
                db.CodingAssignments.Add(new CodingAssignment { TranscriptId = d.TranscriptId, CoderId = coderId, AssignedAtUtc = clock.GetUtcNow() });
        db.AuditReason = $"Bulk assignment, seed {seed}, double-coding share {Bulk.DoubleSharePercent} %";
        await db.SaveChangesAsync();
        StatusMessage = t["{0} transcripts assigned, {1} of them double-coded (draw seed {2}).", drawn.Count, drawn.Count(d => d.CoderIds.Count > 1), seed];
        return RedirectToPage();
    }

    /// <summary>A PI lets a coder code live without a pass on the current calibration test; the reason goes to the audit trail.</summary>
    public async Task<IActionResult> OnPostOverrideAsync(string coderId, string? reason)
    {
        await LoadAsync();
        if (!Gates.TryGetValue(coderId, out var gate)) return NotFound();
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000) StatusMessage = t["Error: give a reason (up to 1,000 characters) for letting this coder code live."];
        else if (!gate.Open)
        {
            db.CalibrationOverrides.Add(new Core.Calibration.CalibrationOverride
            {
                TestId = gate.TestId!.Value, CoderId = coderId, Reason = reason, ById = User.Id(), AtUtc = clock.GetUtcNow(),
            });
            db.AuditReason = $"Calibration gate overridden by a PI: {reason}";
            await db.SaveChangesAsync();
            StatusMessage = t["The coder may now be assigned live transcripts."];
        }
        return RedirectToPage();
    }

    string Blocked(string coderId, GateStatus gate) =>
        t["Error: {0} has no pass on the current calibration test \"{1}\" ({2}). A PI can let them code live with a reason, under \"Calibration gate\".",
            Coders.Single(c => c.Id == coderId).Name, gate.TestTitle!, t[gate.Reason!]];

    async Task LoadAsync()
    {
        Coders = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Coder), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, u) => u)
            .OrderBy(u => u.Email).Select(u => new Coder(u.Id, u.DisplayName, u.Email!)).ToListAsync();
        var gates = new Dictionary<string, GateStatus>();
        foreach (var c in Coders) gates[c.Id] = await db.GateAsync(c.Id, clock.GetUtcNow());
        Gates = gates;
        var assignments = await db.CodingAssignments.AsNoTracking()
            .Join(db.Users, a => a.CoderId, u => u.Id, (a, u) => new CoderState(a.Id, a.TranscriptId, a.CoderId, u.DisplayName,
                db.Segments.Count(s => s.TranscriptId == a.TranscriptId && s.CoderId == a.CoderId && s.DeletedAtUtc == null), a.CompletedAtUtc))
            .ToListAsync();
        var rows = await db.Transcripts.AsNoTracking()
            .Join(db.Interviews, x => x.InterviewId, i => i.Id, (x, i) => new { x.Id, i.FirmId, i.InterviewDate })
            .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new { x.Id, f.NameZh, f.NameEn, Park = f.Park!.Code, x.InterviewDate })
            .ToListAsync();
        Transcripts = rows.OrderBy(r => r.Park).ThenBy(r => DisplayNames.FirmName(r.NameZh, r.NameEn), DisplayNames.NameComparer)
            .Select(r => new Row(r.Id, r.NameZh, r.NameEn, r.Park, r.InterviewDate, assignments.Where(a => a.TranscriptId == r.Id).ToList()))
            .ToList();
    }

    public sealed record Coder(string Id, string Name, string Email);
    public sealed record CoderState(int AssignmentId, int TranscriptId, string CoderId, string Name, int Segments, DateTimeOffset? CompletedAtUtc);
    public sealed record Row(int TranscriptId, string FirmZh, string? FirmEn, string Park, DateOnly Date, IReadOnlyList<CoderState> Coders);

    public sealed class BulkInput
    {
        public List<string> CoderIds { get; set; } = [];
        [Range(0, 100, ErrorMessage = "The share is a percentage from 0 to 100.")] public int DoubleSharePercent { get; set; } = 20;
        [Range(1, int.MaxValue, ErrorMessage = "The seed is a positive whole number.")] public int? Seed { get; set; }
    }
}
