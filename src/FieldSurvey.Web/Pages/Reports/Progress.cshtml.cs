using System.Globalization;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// Fieldwork progress for the PI: final dispositions by park, attempts per firm, work per interviewer and
/// AAPOR's whole set of outcome rates with their counts, formulas and e. The unit is a firm of the active
/// frame (retired firms are out of the sample), counted once at its final disposition
/// (<see cref="FinalDisposition"/>, PI overrides included). The CSV handler writes the same figures.
/// </summary>
public sealed class ProgressModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<string> Parks { get; private set; } = [];
    /// <summary>Firms per (disposition code, park code).</summary>
    public Dictionary<(string Code, string Park), int> ByDisposition { get; private set; } = [];
    public IReadOnlyList<Disposition> DispositionsSeen { get; private set; } = [];
    /// <summary>Number of attempts → number of firms with that many.</summary>
    public SortedDictionary<int, int> AttemptsDistribution { get; private set; } = [];
    public IReadOnlyList<InterviewerRow> Interviewers { get; private set; } = [];
    /// <summary>The whole AAPOR set per row: "" = all parks, else per park code. e is estimated per row unless the PI set it.</summary>
    public IReadOnlyList<AaporRow> AaporRows { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        Column Label(string header) => new(header, ColumnKind.Text, 28);
        Column[] Per(ColumnKind kind) => AaporRows.Select(r => new Column(r.Park == "" ? t["All parks"] : r.Park, kind)).ToArray();
        ReportTable Table(int number, string title, Column[] columns, IEnumerable<object?[]> rows) =>
            new($"Progress {number}", title, columns, rows.ToList());
        var tables = new List<ReportTable>
        {
            Table(1, t["Response rates (AAPOR Standard Definitions, 10th edition, 2023)"], [Label(t["Rate"]), new(t["Formula"]), .. Per(ColumnKind.Share)],
                ResponseRates.Definitions.Select(d => (object?[])[d.Name, d.Formula, .. AaporRows.Select(r => Defined(d.Get(r.Rates)))])),
            Table(2, t["Counts by AAPOR class"], [Label(t["Class"]), .. Per(ColumnKind.Integer)],
                CountLabels.Select(c => (object?[])[t[c.Label].Value, .. AaporRows.Select(r => (object?)c.Get(r.Counts))])),
            Table(3, t["e (share of unknown-eligibility firms taken to be eligible)"], [Label(t["Basis"]), .. Per(ColumnKind.Share)],
                [[t[BasisCode(AaporRows[0].E.Basis)].Value, .. AaporRows.Select(r => Defined(r.E.Value))]]),
            Table(4, t["Final dispositions by park"],
                [Label(t["Disposition"]), new(t["Name"]), .. Parks.Select(p => new Column(p, ColumnKind.Integer)), new(t["Total"], ColumnKind.Integer)],
                DispositionsSeen.Select(d => (object?[])[d.Code, d.NameEn,
                    .. Parks.Select(p => (object?)ByDisposition.GetValueOrDefault((d.Code, p))),
                    Parks.Sum(p => ByDisposition.GetValueOrDefault((d.Code, p)))])),
            Table(5, t["Final disposition from several attempts"], [new(t["Rank"], ColumnKind.Integer), new(t["Rule"])],
                [.. FinalDisposition.Steps.Select(s => (object?[])[s.Rank, t[s.Code].Value]),
                 [FinalDisposition.Steps.Count + 1, t[FinalDisposition.NoAttemptsCode].Value]]),
        };
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return File(CsvExport.ToBytes(tables), CsvExport.ContentType, $"progress-{stamp}.csv");
    }

    async Task LoadAsync()
    {
        Parks = await db.Parks.OrderBy(p => p.SortOrder).Select(p => p.Code).ToListAsync();
        var finals = await db.FinalDispositionsAsync();
        var piE = (await db.StudySettings.AsNoTracking().CurrentAsync())?.EligibilityRate;

        ByDisposition = finals.GroupBy(f => (f.Final.Code, f.Park)).ToDictionary(g => g.Key, g => g.Count());
        DispositionsSeen = Dispositions.All.Where(d => finals.Any(f => f.Final.Code == d.Code)).ToList();
        AttemptsDistribution = new(finals.GroupBy(f => f.Attempts).ToDictionary(g => g.Key, g => g.Count()));

        AaporRows = Parks.Prepend("").Select(park =>
        {
            var counts = RateCounts.From(finals.Where(f => park == "" || f.Park == park).Select(f => f.Final));
            var e = EligibilityEstimate.For(counts, piE);
            return new AaporRow(park, counts, e, ResponseRates.ComputeAll(counts, e.Value));
        }).ToList();

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

    /// <summary>The count rows under the rates, in AAPOR's order; the label's first word is the symbol.</summary>
    public static readonly (string Label, Func<RateCounts, int> Get)[] CountLabels =
    [
        ("I (complete)", c => c.I), ("P (partial)", c => c.P), ("R (refusal, break-off)", c => c.R),
        ("NC (non-contact)", c => c.NC), ("O (other)", c => c.O), ("UH (unknown if eligible)", c => c.UH),
        ("UR (firm reached, unknown if eligible respondent)", c => c.UR), ("UO (unknown, other)", c => c.UO),
        ("NE (not eligible)", c => c.NE),
    ];

    public static string BasisCode(EligibilityBasis basis) => basis == EligibilityBasis.SetByPI
        ? "Set by the PI (call list settings)."
        : "Estimated: eligible ÷ (eligible + not eligible) among firms whose eligibility is known, per column.";

    /// <summary>A rate as a percentage, "—" when it has no denominator.</summary>
    public static string Percent(double rate) =>
        double.IsNaN(rate) ? "—" : (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    static object? Defined(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    public sealed record AaporRow(string Park, RateCounts Counts, EligibilityEstimate E, AaporRates Rates);
    public sealed record InterviewerRow(string Name, int Assigned, int Calls, int FirmsCalled, int Completes);
}
