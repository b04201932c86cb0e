using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding.Calibration;

/// <summary>The signed-in coder's calibration tests, newest first: take one, or see its results once submitted.</summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<Row> Tests { get; private set; } = [];

    public sealed record Row(int Id, string Title, DateTimeOffset AssignedAtUtc, double PassMark, int Passages, DateTimeOffset? SubmittedAtUtc);

    public async Task OnGetAsync()
    {
        var me = User.Id();
        Tests = await db.CalibrationTakers.AsNoTracking().Where(k => k.CoderId == me)
            .Join(db.CalibrationTests, k => k.TestId, x => x.Id, (k, x) => new { k, x })
            .OrderByDescending(r => r.x.CreatedAtUtc).ThenByDescending(r => r.x.Id)
            .Select(r => new Row(r.x.Id, r.x.Title, r.k.AssignedAtUtc, r.x.PassMark,
                db.CalibrationSegments.Count(s => s.TestId == r.x.Id && s.CoderId == me), r.k.SubmittedAtUtc))
            .ToListAsync();
    }
}
