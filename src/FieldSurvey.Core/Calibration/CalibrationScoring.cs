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

/// <summary>One coder's coding in one submitted test: what the test tested, and the coder's passages by transcript.</summary>
public sealed record CoderTestCoding(int TestId, DateTimeOffset SubmittedAtUtc, IReadOnlyCollection<TermKind> Dimensions,
    IReadOnlyCollection<string> Themes, IReadOnlyDictionary<int, IReadOnlyList<CodedSpan>> Coded);

/// <summary>Intra-coder agreement: the same coder's earlier and later coding of the transcripts two tests share.</summary>
public sealed record IntraCoderResult(int EarlierTestId, int LaterTestId, IReadOnlyList<int> TranscriptIds, CalibrationResult Result);

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

    /// <summary>
    /// Intra-coder agreement (stability, Krippendorff 2004, §11.3: the same coder coding the same units at two times):
    /// for every pair of a coder's submitted tests that share transcripts, the earlier coding in the gold's place and
    /// the later in the coder's, on the shared transcripts only and on what both tests tested. Pairs in submission order.
    /// </summary>
    public static IReadOnlyList<IntraCoderResult> IntraCoder(IReadOnlyList<CoderTestCoding> tests, IReadOnlyList<CodeLabel> codebook,
        double passMark, int replicates = 1000, int seed = 1)
    {
        var ordered = tests.OrderBy(t => t.SubmittedAtUtc).ThenBy(t => t.TestId).ToList();
        var results = new List<IntraCoderResult>();
        for (var j = 1; j < ordered.Count; j++)
        for (var i = 0; i < j; i++)
        {
            var (earlier, later) = (ordered[i], ordered[j]);
            var shared = earlier.Coded.Keys.Intersect(later.Coded.Keys).Order().ToList();
            var dimensions = earlier.Dimensions.Intersect(later.Dimensions).ToList();
            var themes = earlier.Themes.Intersect(later.Themes, StringComparer.Ordinal).ToList();
            if (shared.Count == 0 || dimensions.Count + themes.Count == 0) continue;
            var transcripts = shared.Select(id => new CalibrationTranscript(id, $"#{id}", earlier.Coded[id], later.Coded[id])).ToList();
            results.Add(new IntraCoderResult(earlier.TestId, later.TestId, shared, Score(transcripts, dimensions, codebook, themes, passMark, replicates, seed)));
        }
        return results;
    }

    public static bool RowPasses(AgreementFigures f, double passMark) =>
        double.IsNaN(f.Alpha) ? f.Units > 0 && f.Percent >= 1 - 1e-12 : f.Alpha >= passMark - 1e-12;
}
