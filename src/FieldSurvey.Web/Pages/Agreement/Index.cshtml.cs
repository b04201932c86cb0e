using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Agreement;

/// <summary>
/// Inter-coder agreement per coding dimension, per code, per coder pair, per transcript and per thematic code, with confusion
/// matrices; the matching rule is chosen on the page. All figures come from <see cref="AgreementTables"/>,
/// so the CSV (and the report workbook) show exactly what this page shows.
/// </summary>
public sealed class IndexModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public OptionsModel Options { get; set; } = new();
    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];
    public IReadOnlyList<TranscriptProgress> Transcripts { get; private set; } = [];
    public int UnitCount { get; private set; }
    public MatchRule Rule { get; private set; } = MatchRule.Default;
    public int RowsWithoutInterval { get; private set; }
    public int RowsWithoutClusterInterval { get; private set; }

    public sealed record TranscriptProgress(int TranscriptId, string Transcript, string Coders, int Units, int Disagreements, int Decided);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        return File(CsvExport.ToBytes(Tables), CsvExport.ContentType, "agreement.csv");
    }

    async Task LoadAsync()
    {
        // An out-of-range minimum is shown as an error at the field and the default rule is used meanwhile.
        Rule = ModelState.IsValid ? Options.Rule : MatchRule.Default;
        var pairs = await db.PairsAsync(Options.IncludeUnfinished);
        var units = await db.UnitsAsync(pairs, Rule);
        var codebook = await db.CodebookAsync();
        UnitCount = units.Sum(u => u.Units.Count);
        var summary = AgreementTables.Summarise(units, codebook, basis: Options.Basis);
        Tables = AgreementTables.Build(summary, codebook, s => t[s]);
        var rows = summary.ByDimension.Concat(summary.ByCode).Concat(summary.ByPair).Concat(summary.ByTranscript).Concat(summary.ByTheme).ToList();
        RowsWithoutInterval = rows.Count(r => r.Figures.AlphaInterval.Replicates == 0);
        RowsWithoutClusterInterval = summary.ByDimension.Concat(summary.ByCode).Concat(summary.ByPair).Concat(summary.ByTheme).Count(r => r.Figures.ClusterInterval.Replicates == 0);

        var transcriptIds = pairs.Select(p => p.TranscriptId).Distinct().ToList();
        var decided = await db.AdjudicationDecisions.Where(d => transcriptIds.Contains(d.TranscriptId))
            .GroupBy(d => d.TranscriptId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        // Progress is counted against the adjudication's own (default) matching, which is what the PI decides on.
        var adjudicationUnits = await db.UnitsAsync(pairs.GroupBy(p => p.TranscriptId).Select(g => g.First()).ToList(), MatchRule.Default);
        Transcripts = adjudicationUnits.Select(u => new TranscriptProgress(u.TranscriptId, u.Transcript, $"{u.CoderA} × {u.CoderB}",
            u.Units.Count, u.Units.Count(x => x.Disagrees), Math.Min(u.Units.Count, decided.GetValueOrDefault(u.TranscriptId)))).ToList();
    }

    public sealed class OptionsModel
    {
        public OverlapMeasure Measure { get; set; } = MatchRule.Default.Measure;
        [Range(0.05, 1.0, ErrorMessage = "The minimum overlap lies between 0.05 and 1.")]
        public double MinOverlap { get; set; } = MatchRule.Default.Minimum;
        public bool IncludeUnfinished { get; set; }
        // Coding given the passages both found is the default; the combined figure of earlier versions is an option.
        public AgreementBasis Basis { get; set; } = AgreementBasis.Coding;
        public MatchRule Rule => new(Measure, MinOverlap);
    }
}
