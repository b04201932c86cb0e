using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>Interviews: all of them for a PI, one's own for an interviewer; by status and firm name.</summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public InterviewStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Firm { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = from i in db.Interviews.AsNoTracking().VisibleTo(User)
                    join f in db.Firms on i.FirmId equals f.Id
                    join u in db.Users on i.InterviewerId equals u.Id
                    join g in db.GuideVersions on i.GuideVersionId equals g.Id
                    select new Row(i.Id, f.Id, f.NameZh, f.NameEn, f.Park!.Code, i.InterviewDate, i.Status, u.DisplayName ?? u.Email ?? "", g.Number);
        if (Status is { } status) query = query.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(Firm))
        {
            var term = Firm.Trim();
            query = query.Where(r => r.FirmZh.Contains(term) || (r.FirmEn != null && r.FirmEn.ToLower().Contains(term.ToLower())));
        }
        Rows = await query.OrderByDescending(r => r.Id).ToListAsync();
    }

    public sealed record Row(int Id, int FirmId, string FirmZh, string? FirmEn, string Park, DateOnly Date, InterviewStatus Status,
        string Interviewer, int GuideNumber);
}
