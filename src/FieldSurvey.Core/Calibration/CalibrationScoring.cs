using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Calibration;

/// <summary>One transcript of a test: the gold passages and one coder's passages, as spans with term codes.</summary>
public sealed record CalibrationTranscript(int TranscriptId, string Transcript, IReadOnlyList<CodedSpan> Gold, IReadOnlyList<CodedSpan> Coded);

/// <summary>
/// A coder's result: one row per tested dimension and per tested thematic code that gold or coder applied (percent,
/// Cohen's kappa, alpha with its bootstrap interval), the passages found, the units passage by passage, and the verdict.
/// </summary>
public sealed record CalibrationResult(IReadOnlyList<AgreementRow> Rows, UnitizingRow Found, IReadOnlyList<CoderPairUnits> Units, bool Passed);

/// <summary>
/// Scores a coder against the gold standard on the units the agreement page forms (<see cref="Units.Match"/>, its
/// default rule), with the gold as the first coder. The combined basis is used: a gold passage the coder missed and a
/// passage the coder added both count against the coder, because finding the passages is part of what is tested.
/// A coder passes when every row's alpha reaches the pass mark; a row whose alpha is undefined (no variation: every
/// unit has one and the same value) passes only when the coder agreed on every unit. No rows, no pass.
/// </summary>
public static class CalibrationScoring
{
    public const string Gold = "Gold standard";
    public const string Coder = "Coder";

    public static CalibrationResult Score(IReadOnlyList<CalibrationTranscript> transcripts, IReadOnlyCollection<TermKind> dimensions,
        IReadOnlyList<CodeLabel> codebook, IReadOnlyCollection<string> themes, double passMark, int replicates = 1000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
        var pairs = transcripts.Select(t => new CoderPairUnits(t.TranscriptId, t.Transcript, Gold, Coder,
            Agreement.Units.Match(t.Gold, t.Coded, MatchRule.Default))).ToList();
        var summary = AgreementTables.Summarise(pairs, codebook, replicates, seed, AgreementBasis.Combined);
        var rows = summary.ByDimension.Where(r => dimensions.Contains(r.Dimension))
            .Concat(summary.ByTheme.Where(r => themes.Contains(r.Code!))).ToList();
        return new CalibrationResult(rows, summary.Unitizing[0], pairs, rows.Count > 0 && rows.All(r => RowPasses(r.Figures, passMark)));
    }

    public static bool RowPasses(AgreementFigures f, double passMark) =>
        double.IsNaN(f.Alpha) ? f.Units > 0 && f.Percent >= 1 - 1e-12 : f.Alpha >= passMark - 1e-12;
}
