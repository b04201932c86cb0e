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
        Rows = (await queries.OrderBy(q => q.Status).ThenBy(q => q.RaisedAtUtc)
                .Select(q => new
                {
                    q.Id, q.InterviewId, q.QuestionIds, q.Status, q.RaisedAtUtc,
                    Firm = db.Interviews.Where(i => i.Id == q.InterviewId).SelectMany(i => db.Firms.Where(f => f.Id == i.FirmId))
                        .Select(f => new { f.NameZh, f.NameEn }).FirstOrDefault(),
                }).ToListAsync())
            .Where(q => q.Firm is not null)
            .Select(q => new QueryRow(q.Id, q.InterviewId, DisplayNames.FirmName(q.Firm!.NameZh, q.Firm.NameEn), q.QuestionIds, q.Status, q.RaisedAtUtc)).ToList();
    }
}
