using FieldSurvey.Core.Calibration;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding.Calibration;

/// <summary>
/// A calibration test's results: a PI sees every taker; a coder sees only their own, and only after submitting
/// (before that the gold coding would give the answers away). Whoever neither is a PI nor takes the test gets 404.
/// </summary>
public sealed class ResultsModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public CalibrationTest Test { get; private set; } = null!;
    public IReadOnlyList<TakerResult> Takers { get; private set; } = [];
    /// <summary>True for a coder who has not submitted yet: the page then shows nothing of the gold.</summary>
    public bool NotYetSubmitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int testId)
    {
        if (await db.CalibrationTests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == testId) is not { } test) return NotFound();
        Test = test;
        var me = User.Id();
        var takers = await db.CalibrationTakers.AsNoTracking().Where(k => k.TestId == testId && (User.IsPI() || k.CoderId == me))
            .Join(db.Users, k => k.CoderId, u => u.Id, (k, u) => new { k, u.DisplayName }).OrderBy(x => x.DisplayName).ToListAsync();
        if (takers.Count == 0 && !User.IsPI()) return NotFound();
        if (!User.IsPI() && takers[0].k.SubmittedAtUtc is null)
        {
            NotYetSubmitted = true;
            return Page();
        }
        var results = new List<TakerResult>();
        foreach (var x in takers) results.Add(await CalibrationResults.BuildAsync(db, test, x.k, x.DisplayName, t, DisplayNames.Chinese));
        Takers = results;
        return Page();
    }
}
