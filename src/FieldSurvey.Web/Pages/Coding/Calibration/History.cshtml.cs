using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Admin;
using FieldSurvey.Web.Pages.Agreement.Calibration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding.Calibration;

/// <summary>
/// Drift (issue 25): a coder's calibration history, test by test in the order submitted, with alpha against each
/// test's gold over time, whether the pass still holds (re-test schedule), and intra-coder agreement wherever two
/// tests shared transcripts. A coder sees their own; a PI chooses any coder. Only submitted tests appear, so
/// nothing of a test still being taken is shown.
/// </summary>
public sealed class HistoryModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? CoderId { get; set; }
    public IReadOnlyList<(string Id, string Name)> Coders { get; private set; } = [];
    public string? CoderName { get; private set; }
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public IReadOnlyList<IntraEntry> Intra { get; private set; } = [];
    public GateStatus? Gate { get; private set; }
    /// <summary>The rows tested anywhere in the history, in first-seen order: the lines of the chart.</summary>
    public IReadOnlyList<string> Labels { get; private set; } = [];

    public sealed record Entry(CalibrationTest Test, DateTimeOffset SubmittedAtUtc, bool Passed, IReadOnlyList<(string Label, AgreementFigures Figures, bool Passed)> Rows);
    public sealed record IntraEntry(string Earlier, string Later, int Transcripts, IReadOnlyList<(string Label, AgreementFigures Figures)> Rows);

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsPI())
        {
            var takers = await db.CalibrationTakers.AsNoTracking().Select(k => k.CoderId).Distinct().ToListAsync();
            Coders = (await db.Users.AsNoTracking().Where(u => takers.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync())
                .Select(u => (u.Id, Name: u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
            if (string.IsNullOrEmpty(CoderId)) return Page();
        }
        else CoderId = User.Id();   // a coder sees only their own history, whatever is asked
        var user = await db.Users.AsNoTracking().Where(u => u.Id == CoderId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync();
        if (user is null) return NotFound();
        CoderName = user.DisplayName != "" ? user.DisplayName : user.Email;

        var themes = await db.Terms.AsNoTracking().Where(x => x.Kind == TermKind.Theme).ToListAsync();
        string Label(AgreementRow r) => r.Dimension == TermKind.Theme
            ? themes.FirstOrDefault(x => x.Code == r.Code)?.Name(DisplayNames.Chinese) ?? r.Code!
            : t[VocabularyNames.KindName(r.Dimension)];
        var history = await db.HistoryAsync(CoderId!);
        Entries = history.Select(h => new Entry(h.Test, h.SubmittedAtUtc, h.Result.Passed,
            h.Result.Rows.Select(r => (Label(r), r.Figures, CalibrationScoring.RowPasses(r.Figures, h.Test.PassMark))).ToList())).ToList();
        Labels = Entries.SelectMany(e => e.Rows.Select(r => r.Label)).Distinct().ToList();
        var titles = history.ToDictionary(h => h.Test.Id, h => h.Test.Title);
        Intra = (await db.IntraCoderAsync(CoderId!)).Select(p => new IntraEntry(titles[p.EarlierTestId], titles[p.LaterTestId], p.TranscriptIds.Count,
            p.Result.Rows.Select(r => (Label(r), r.Figures)).ToList())).ToList();
        Gate = await db.GateAsync(CoderId!, clock.GetUtcNow());
        return Page();
    }
}
