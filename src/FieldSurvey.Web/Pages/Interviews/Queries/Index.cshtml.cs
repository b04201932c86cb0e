using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Interviews.Queries;

/// <summary>
/// Data-quality queries (issue 24): an interviewer sees those put to them, a PI every query. Park scope holds through the
/// DbContext's filter on queries; unresolved ones first.
/// </summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public IReadOnlyList<QueryRow> Rows { get; private set; } = [];

    public sealed record QueryRow(int Id, int InterviewId, string Firm, string QuestionIds, DataQueryStatus Status, DateTimeOffset RaisedAtUtc);

    public async Task OnGetAsync()
    {
        var me = User.Id();
        var queries = db.DataQueries.AsNoTracking().Where(q => User.IsPI() || q.AssignedToId == me);
        if (!All) queries = queries.Unresolved();
        Rows = (await (from q in queries
                      join i in db.Interviews on q.InterviewId equals i.Id
                      join f in db.Firms on i.FirmId equals f.Id
                      orderby q.Status, q.RaisedAtUtc
                      select new { q.Id, q.InterviewId, f.NameZh, f.NameEn, q.QuestionIds, q.Status, q.RaisedAtUtc }).ToListAsync())
            .Select(q => new QueryRow(q.Id, q.InterviewId, DisplayNames.FirmName(q.NameZh, q.NameEn), q.QuestionIds, q.Status, q.RaisedAtUtc)).ToList();
    }
}
