using System.Globalization;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// Fieldwork progress for the PI: final dispositions by park, attempts per firm, work per interviewer and
/// the AAPOR rates with their counts. The unit is a firm of the active frame (retired firms are out of
/// the sample), counted once at its final disposition (<see cref="FinalDisposition"/>, PI overrides included).
/// </summary>
public sealed class ProgressModel(FieldSurveyDbContext db) : PageModel
{
    public IReadOnlyList<string> Parks { get; private set; } = [];
    /// <summary>Firms per (disposition code, park code).</summary>
    public Dictionary<(string Code, string Park), int> ByDisposition { get; private set; } = [];
    public IReadOnlyList<Disposition> DispositionsSeen { get; private set; } = [];
    /// <summary>Number of attempts → number of firms with that many.</summary>
    public SortedDictionary<int, int> AttemptsDistribution { get; private set; } = [];
    public IReadOnlyList<InterviewerRow> Interviewers { get; private set; } = [];
    /// <summary>"" = all parks, else per park code.</summary>
    public IReadOnlyList<RateRow> RateRows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Parks = await db.Parks.OrderBy(p => p.SortOrder).Select(p => p.Code).ToListAsync();
        var finals = await db.FinalDispositionsAsync();

        ByDisposition = finals.GroupBy(f => (f.Final.Code, f.Park)).ToDictionary(g => g.Key, g => g.Count());
        DispositionsSeen = Dispositions.All.Where(d => finals.Any(f => f.Final.Code == d.Code)).ToList();
        AttemptsDistribution = new(finals.GroupBy(f => f.Attempts).ToDictionary(g => g.Key, g => g.Count()));

        RateRows = ProgressQueries.RateRows(finals, Parks);

        var calls = await db.CallAttempts.GroupBy(a => a.InterviewerId)
            .Select(g => new { g.Key, Calls = g.Count(), Firms = g.Select(a => a.FirmId).Distinct().Count() }).ToListAsync();
        var callers = await db.CallersAsync();
        Interviewers = callers.Select(c => new InterviewerRow(c.Name,
                finals.Count(f => f.AssignedInterviewerId == c.Id),
                calls.FirstOrDefault(x => x.Key == c.Id)?.Calls ?? 0,
                calls.FirstOrDefault(x => x.Key == c.Id)?.Firms ?? 0,
                finals.Count(f => f.AssignedInterviewerId == c.Id && f.Final.Class == RateClass.Complete)))
            .Where(r => r.Assigned + r.Calls > 0).ToList();
    }

    /// <summary>A rate as a percentage, "—" when it has no denominator.</summary>
    public static string Percent(double rate) =>
        double.IsNaN(rate) ? "—" : (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public sealed record InterviewerRow(string Name, int Assigned, int Calls, int FirmsCalled, int Completes);
}
