using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>A firm of the active frame at its final disposition.</summary>
public sealed record FirmFinal(int Id, string Park, string? AssignedInterviewerId, int Attempts, Disposition Final);

/// <summary>AAPOR counts and rates for all parks (<see cref="Park"/> "") or one park.</summary>
public sealed record RateRow(string Park, RateCounts Counts, Rates Rates);

/// <summary>What the progress page and the PI's home page share, so their response rates cannot differ.</summary>
public static class ProgressQueries
{
    /// <summary>Every firm of the active frame (retired firms are out of the sample) at its final disposition, PI overrides included.</summary>
    public static async Task<List<FirmFinal>> FinalDispositionsAsync(this FieldSurveyDbContext db)
    {
        var frame = db.Firms.Where(f => f.Status == FirmStatus.Active);
        var firms = await frame.Select(f => new { f.Id, Park = f.Park!.Code, f.DispositionOverride, f.AssignedInterviewerId }).ToListAsync();
        var attempts = await db.AttemptsByFirmAsync(frame.Select(f => f.Id));
        return firms.Select(f => new FirmFinal(f.Id, f.Park, f.AssignedInterviewerId,
            attempts.GetValueOrDefault(f.Id)?.Count ?? 0,
            FinalDisposition.Derive(attempts.GetValueOrDefault(f.Id) ?? [], f.DispositionOverride))).ToList();
    }

    /// <summary>The rates over all parks first, then one row per park in the order given.</summary>
    public static IReadOnlyList<RateRow> RateRows(IReadOnlyList<FirmFinal> finals, IReadOnlyList<string> parks) =>
        parks.Prepend("").Select(park =>
        {
            var counts = RateCounts.From(finals.Where(f => park == "" || f.Park == park).Select(f => f.Final));
            return new RateRow(park, counts, ResponseRates.Compute(counts));
        }).ToList();
}
