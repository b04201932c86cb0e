using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding.Analysis;

/// <summary>
/// Writes or edits the analyst's summary in one framework-matrix cell. A PI or a coder (a coder on firms whose transcripts
/// are assigned to them); the SaveChanges override writes the audit row; a stale edit is refused, never merged.
/// </summary>
public sealed class SummaryModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string? FirmName { get; private set; }
    public string? CodeName { get; private set; }
    public IReadOnlyList<string> Quotes { get; private set; } = [];

    public sealed class InputModel
    {
        public int Version { get; set; }
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int firmId, int termId)
    {
        if (!await LoadAsync(firmId, termId)) return NotFound();
        var summary = await db.FrameworkSummaries.AsNoTracking().SingleOrDefaultAsync(s => s.FirmId == firmId && s.TermId == termId);
        Input = new InputModel { Version = summary?.Version ?? NoSummary, Text = summary?.Text };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int firmId, int termId)
    {
        if (!await LoadAsync(firmId, termId)) return NotFound();
        var text = Input.Text?.Trim() ?? "";
        if (text.Length == 0) ModelState.AddModelError("Input.Text", t["Write the summary."]);
        else if (text.Length > FrameworkSummary.MaxLength) ModelState.AddModelError("Input.Text", t["The summary is too long (at most {0} characters).", FrameworkSummary.MaxLength]);
        if (!ModelState.IsValid) return Page();
        var summary = await db.FrameworkSummaries.SingleOrDefaultAsync(s => s.FirmId == firmId && s.TermId == termId);
        if (summary is null)
        {
            if (Input.Version != NoSummary) return Stale();
            summary = new FrameworkSummary { FirmId = firmId, TermId = termId, Text = "" };
            db.FrameworkSummaries.Add(summary);
        }
        else
        {
            if (Input.Version == NoSummary) return Stale();
            db.ExpectVersion(summary, Input.Version);
        }
        summary.Text = text;
        summary.AuthorId = User.Id();
        summary.UpdatedAtUtc = clock.GetUtcNow();
        if (!await db.TrySaveAsync()) return Stale();
        TempData["StatusMessage"] = t["Summary saved."].Value;
        return Redirect("/Coding/Analysis/Framework?" + Request.QueryString.Value?.TrimStart('?'));
    }

    /// <summary>The form's version when there was no summary yet: someone else's new summary then makes the edit stale too.</summary>
    const int NoSummary = -1;

    IActionResult Stale()
    {
        ModelState.AddModelError(string.Empty, t["Someone else changed this summary while you were editing. Your text was not saved: reload the page to see theirs."]);
        return Page();
    }

    async Task<bool> LoadAsync(int firmId, int termId)
    {
        // The firm through the park-scope filter; a coder only reaches firms whose transcripts they are assigned.
        var firm = await db.Firms.AsNoTracking().Where(f => f.Id == firmId).Select(f => new { f.NameZh, f.NameEn }).SingleOrDefaultAsync();
        var term = await db.Terms.AsNoTracking().SingleOrDefaultAsync(x => x.Id == termId && (x.Kind == TermKind.Theme || x.Kind == TermKind.LinkageType));
        if (firm is null || term is null) return false;
        if (!User.IsPI())
        {
            var me = User.Id();
            var assigned = await db.CodingAssignments.AnyAsync(a => a.CoderId == me && db.Transcripts.Any(x => x.Id == a.TranscriptId
                && db.Interviews.Any(i => i.Id == x.InterviewId && i.FirmId == firmId)));
            if (!assigned) return false;
        }
        FirmName = DisplayNames.Pick(firm.NameZh, firm.NameEn);
        CodeName = term.Localized();
        Quotes = (await AnalysisData.PassagesAsync(db, User)).Where(p => p.Passage.FirmId == firmId && p.Passage.Codes.Contains(termId)).Select(p => p.Quote).ToList();
        return true;
    }
}
