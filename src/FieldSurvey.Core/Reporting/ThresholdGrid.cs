namespace FieldSurvey.Core.Reporting;

/// <summary>
/// The suggested verdict of one set of parks under other thresholds: rows are dissimilarity thresholds, columns
/// cross-cluster share thresholds (the "collaborating" share; the competing share is kept, or lowered to the column's
/// value where it would exceed it). Every other part of the rule is the PI's. The current thresholds are on both
/// axes, marked by <see cref="CurrentRow"/> and <see cref="CurrentColumn"/>, so a reader sees how far a finding is from flipping.
/// </summary>
public sealed record ThresholdGrid(string Key, IReadOnlyList<double> Dissimilarity, IReadOnlyList<double> Share,
    IReadOnlyList<IReadOnlyList<Verdict>> Verdicts, int CurrentRow, int CurrentColumn)
{
    public Verdict At(int row, int column) => Verdicts[row][column];
    /// <summary>Cells that give the current cell's verdict.</summary>
    public int Agreeing => Verdicts.Sum(r => r.Count(v => v == Verdicts[CurrentRow][CurrentColumn]));
    public int Cells => Dissimilarity.Count * Share.Count;
}

public static class ThresholdGrids
{
    public static readonly IReadOnlyList<double> DissimilarityAxis = [0.1, 0.2, 0.3, 0.4, 0.5];
    public static readonly IReadOnlyList<double> ShareAxis = [0.1, 0.15, 0.2, 0.25, 0.3];

    public static ThresholdGrid Build(IndicatorSet set, ClassificationRule rule, IntervalBounds? bounds = null, SurveyNatureCount? survey = null)
    {
        var rows = WithCurrent(DissimilarityAxis, rule.MinDissimilarity);
        var columns = WithCurrent(ShareAxis, rule.CollaboratingShare);
        var verdicts = rows.Select(d => (IReadOnlyList<Verdict>)columns.Select(s => Classifier.Classify(set,
            rule with { MinDissimilarity = d, CollaboratingShare = s, CompetingShare = Math.Min(rule.CompetingShare, s) }, bounds, survey).Verdict).ToList()).ToList();
        return new ThresholdGrid(set.Key, rows, columns, verdicts, IndexOf(rows, rule.MinDissimilarity), IndexOf(columns, rule.CollaboratingShare));
    }

    static List<double> WithCurrent(IReadOnlyList<double> axis, double current) =>
        axis.Any(x => Math.Abs(x - current) < 1e-9) ? axis.ToList() : axis.Append(current).Order().ToList();

    static int IndexOf(List<double> axis, double value) => axis.FindIndex(x => Math.Abs(x - value) < 1e-9);
}
