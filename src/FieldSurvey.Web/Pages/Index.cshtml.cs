using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Home;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldSurvey.Web.Pages;

/// <summary>Home: for each of the person's roles, where the study stands and what is waiting (<see cref="HomeQueries"/>).</summary>
public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock, UserTime time, Reports.ReportCache reports, Calls.CallListCache calls) : PageModel
{
    public InterviewerHome? Interviewer { get; private set; }
    public CoderHome? Coder { get; private set; }
    public PiHome? PI { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.Id();
        var now = clock.GetUtcNow();
        if (User.IsInRole(Roles.PI)) PI = await db.PiAsync(reports, now, ct);
        if (User.IsInRole(Roles.Interviewer)) Interviewer = await db.InterviewerAsync(calls, me, now, time.UserZone, time.FirmZone);
        if (User.IsInRole(Roles.Coder)) Coder = await db.CoderAsync(me);
    }
}
