using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>Interviews: all of them for a PI, one's own for an interviewer; by status and firm name, newest first, a page at a time.</summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public InterviewStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Firm { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var interviews = db.Interviews.AsNoTracking().VisibleTo(User);
        if (Status is { } status) interviews = interviews.Where(i => i.Status == status);
        var firms = db.Firms.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Firm))
        {
            var term = Firm.Trim().ToLower();
            firms = firms.Where(f => f.NameZh.Contains(term) || (f.NameEn != null && f.NameEn.ToLower().Contains(term)));
        }
        var query = from i in interviews
                    join f in firms on i.FirmId equals f.Id
                    join u in db.Users on i.InterviewerId equals u.Id
                    join g in db.GuideVersions on i.GuideVersionId equals g.Id
                    orderby i.Id descending
                    select new Row(i.Id, f.Id, f.NameZh, f.NameEn, f.Park!.Code, i.InterviewDate, i.Status, u.DisplayName, g.Number);
        Pager = Pager.For(Request, P, PageSize, await query.CountAsync());
        Rows = await query.Skip(Pager.Skip).Take(PageSize).ToListAsync();
    }

    public sealed record Row(int Id, int FirmId, string FirmZh, string? FirmEn, string Park, DateOnly Date, InterviewStatus Status,
        string Interviewer, int GuideNumber);
}
