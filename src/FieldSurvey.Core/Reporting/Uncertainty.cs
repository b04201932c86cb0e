namespace FieldSurvey.Core.Reporting;

/// <summary>A mention share's firm-bootstrap interval: <see cref="Defined"/> resamples of <see cref="Uncertainty"/>'s total had evidence.</summary>
public sealed record ShareInterval(string LinkageType, Interval Interval, int Defined);

/// <summary>
/// Firms with at least one cross-cluster link (of <see cref="LinkageType"/>, or of any type when null) out of the
/// set's firms, with Wilson's interval: here the firm is the unit, one yes or no per firm.
/// </summary>
public sealed record FirmShare(string? LinkageType, int Firms, int Of, Interval Interval)
{
    public double Share => Of == 0 ? double.NaN : (double)Firms / Of;
}

/// <summary>
/// Duncan's index with what chance alone would give. <see cref="Interval"/>: firm-bootstrap percentile interval.
/// The index is biased upwards in small samples (two parks with identical true profiles rarely show identical
/// sample profiles), so <see cref="Corrected"/> = 2·D − mean(D*) is the bootstrap bias correction (Efron &amp;
/// Tibshirani 1993, §10.6), floored at 0. <see cref="NullMean"/> and <see cref="PValue"/> come from relabelling
/// firms between the parks at random (the parks had the same profile): p = (1 + #{D_perm ≥ D}) ÷ (1 + permutations).
/// </summary>
public sealed record DissimilarityInterval(double Observed, Interval Interval, double BootstrapMean, double Corrected,
    double NullMean, double PValue, int Permutations)
{
    public double Bias => BootstrapMean - Observed;
}

/// <summary>How often each verdict resulted over <see cref="Resamples"/> resamples of firms within parks.</summary>
public sealed record VerdictStability(IReadOnlyDictionary<Verdict, int> Counts, int Resamples)
{
    public double Share(Verdict v) => Resamples == 0 ? double.NaN : (double)Counts.GetValueOrDefault(v) / Resamples;
    /// <summary>The verdict most resamples gave.</summary>
    public Verdict Mode => Counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;
}

/// <summary>The uncertainty of one set of parks (the configuration "all" or a pair).</summary>
public sealed record SetUncertainty(string Key, int Firms, IReadOnlyList<ShareInterval> Shares, IReadOnlyList<FirmShare> FirmShares,
    DissimilarityInterval Dissimilarity, VerdictStability Stability)
{
    public Interval ShareOf(string type) => Shares.FirstOrDefault(s => s.LinkageType == type)?.Interval ?? Interval.None;
    public FirmShare AnyLink => FirmShares.First(f => f.LinkageType is null);
}

public sealed record UncertaintyReport(int Resamples, int Seed, IReadOnlyList<SetUncertainty> Sets)
{
    public SetUncertainty? For(string key) => Sets.FirstOrDefault(s => s.Key == key);

    /// <summary>What was resampled and what the intervals mean, printed with the figures (string-table key; {0} resamples, {1} seed).</summary>
    public const string Method =
        "Intervals and stability come from {0} resamples of firms: in each, every park's interviewed firms are drawn with replacement, as many as the park has, and every figure is computed again (seed {1}, so the same data give the same figures). A firm is drawn with all its mentions, so one talkative firm cannot narrow an interval. A 95 % interval holds the middle 95 % of the resampled values. Shares of firms use Wilson's interval, the firm being the unit.";
    /// <summary>
    /// The methods in words a reviewer reads, with the published sources (string-table key; {0} resamples, {1} seed,
    /// {2} permutations). Printed on the page, in the PDF and on the workbook's README sheet.
    /// </summary>
    public const string Methods =
        "Methods. Intervals: every interval is a 95 % interval. A share of firms (one yes or no per firm) has Wilson's score interval (Wilson 1927, without continuity correction; Newcombe 1998, Statistics in Medicine 17:857–872). A share of mentions, an average of survey answers and Duncan's index have a percentile bootstrap interval (Efron & Tibshirani 1993, An Introduction to the Bootstrap, ch. 13): the unit resampled is the firm, not the mention, because a firm's mentions are not independent of each other; each park's interviewed firms are drawn with replacement, as many as the park has, {0} times, from a fixed seed ({1}), so the same data always give the same figures. Duncan's dissimilarity index (Duncan & Duncan 1955, American Sociological Review 20:210–217) is ½·Σ|pᵢ − qᵢ| over value-chain activities; with few firms it is biased upwards, because two parks with the same true profile still differ by chance. Its bias is estimated as the mean resampled index minus the observed one and subtracted (the bootstrap bias correction, Efron & Tibshirani 1993, §10.6; floored at 0). The permutation test (Good 2005, Permutation, Parametric and Bootstrap Tests of Hypotheses) relabels firms between the parks at random {2} times, as if the parks had the same profile: the chance level is the mean index of these relabellings and p = (1 + the number at least as large as the observed index) ÷ (1 + {2}) (Phipson & Smyth 2010). The verdict's stability is the share of the {0} resamples in which the rule gives each verdict.";
    public const string DuncanNote =
        "Duncan's index is biased upwards in small samples: parks with identical profiles still differ by chance. The corrected index subtracts the bias estimated by the resampling; the chance level is the mean index when firms are relabelled between parks at random, and p is the share of {0} relabellings that give an index at least as large as the one observed.";
}

/// <summary>
/// The report's resampling, all in one pass so it is computed (and cached) with the report: firms are drawn with
/// replacement within each park (stratified, so every resample keeps the parks' sizes), the same draw feeds every
/// set, and randomness comes only from the seed passed in. Inside a resample the rule is applied to the points (an
/// interval has no meaning there); survey answers, when the rule counts them, are held at their observed values.
/// </summary>
public static class Uncertainty
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 19;

    public static UncertaintyReport Compute(FirmTallies tallies, IReadOnlyList<FirmTallies.SetTallies> sets, ClassificationRule rule,
        int resamples = DefaultResamples, int seed = DefaultSeed, IReadOnlyDictionary<string, SurveyNatureCount>? survey = null)
    {
        resamples = Math.Max(0, resamples);
        var pointRule = rule with { RequireInterval = false };
        var types = tallies.Types;
        var random = new SeededRandom(seed);
        var sums = new int[tallies.Parks.Count * tallies.RowLength];
        var shares = sets.Select(_ => types.Select(_ => new double[resamples]).ToArray()).ToArray();
        var duncan = sets.Select(_ => new double[resamples]).ToArray();
        var verdicts = sets.Select(_ => new int[4]).ToArray();
        for (var b = 0; b < resamples; b++)
        {
            Array.Clear(sums);
            foreach (var stratum in tallies.ByPark)
                for (var i = 0; i < stratum.Length; i++) tallies.Add(sums, stratum[random.Next(stratum.Length)]);
            for (var s = 0; s < sets.Count; s++)
            {
                var set = tallies.FromSums(sets[s], sums, out _);
                for (var t = 0; t < types.Count; t++) shares[s][t][b] = set.Shares[t].Share;
                duncan[s][b] = set.Dissimilarity;
                verdicts[s][(int)Classifier.VerdictOf(set, pointRule, null, survey?.GetValueOrDefault(set.Key))]++;
            }
        }
        var all = Enumerable.Range(0, tallies.FirmCount).ToArray();
        var permutations = new SeededRandom(unchecked(seed * 31 + 7));
        var result = new List<SetUncertainty>();
        for (var s = 0; s < sets.Count; s++)
        {
            var point = tallies.IndicatorsFor(sets[s], all, out var anyCross);
            var units = sets[s].Parks.Sum(p => tallies.ByPark[p].Length);
            var firmShares = new List<FirmShare> { new(null, anyCross, units, Intervals.Wilson(anyCross, units)) };
            firmShares.AddRange(point.Shares.Select(x => new FirmShare(x.LinkageType, x.CrossFirms, units, Intervals.Wilson(x.CrossFirms, units))));
            var shareIntervals = types.Select((t, i) => new ShareInterval(t, Intervals.Percentile(shares[s][i]), shares[s][i].Count(x => !double.IsNaN(x)))).ToList();
            var defined = duncan[s].Where(x => !double.IsNaN(x)).ToArray();
            var mean = defined.Length == 0 ? double.NaN : defined.Average();
            var corrected = double.IsNaN(point.Dissimilarity) || double.IsNaN(mean) ? double.NaN : Math.Clamp(2 * point.Dissimilarity - mean, 0, 1);
            var (nullMean, p) = Permute(tallies, sets[s], point.Dissimilarity, resamples, permutations);
            var counts = Enum.GetValues<Verdict>().ToDictionary(v => v, v => verdicts[s][(int)v]);
            result.Add(new SetUncertainty(sets[s].Key, units, shareIntervals, firmShares,
                new DissimilarityInterval(point.Dissimilarity, Intervals.Percentile(duncan[s]), mean, corrected, nullMean, p, resamples),
                new VerdictStability(counts, resamples)));
        }
        return new UncertaintyReport(resamples, seed, result);
    }

    /// <summary>
    /// The permutation test against "same profile": the interviewed firms with a profile are pooled and dealt back
    /// to the parks at random, keeping each park's number; the statistic is the set's dissimilarity (for three parks,
    /// the lowest pairwise index, as the rule uses).
    /// </summary>
    static (double NullMean, double P) Permute(FirmTallies tallies, FirmTallies.SetTallies set, double observed, int permutations, SeededRandom random)
    {
        if (double.IsNaN(observed) || permutations == 0) return (double.NaN, double.NaN);
        // The largest park last: it takes the firms left after the others are dealt, so only the smaller parks are drawn.
        var groups = set.Parks.Select(p => tallies.ByPark[p].Where(f => tallies.Interviewed[f] && tallies.HasProfile(f)).ToArray())
            .OrderBy(g => g.Length).ToArray();
        var pool = groups.SelectMany(g => g).ToArray();
        var sizes = groups.Select(g => g.Length).ToArray();
        int a = tallies.Activities.Count, m = groups.Length;
        var total = new int[a];
        foreach (var f in pool) tallies.AddActivities(total, f);
        var counts = new int[m * a];
        double sum = 0;
        var atLeast = 0;
        for (var b = 0; b < permutations; b++)
        {
            Array.Clear(counts);
            var at = 0;
            for (var g = 0; g < m - 1; g++)
                for (var i = 0; i < sizes[g]; i++, at++)
                {
                    var j = at + random.Next(pool.Length - at);
                    (pool[at], pool[j]) = (pool[j], pool[at]);
                    tallies.AddActivities(counts.AsSpan(g * a, a), pool[at]);
                }
            var last = counts.AsSpan((m - 1) * a, a);
            for (var i = 0; i < a; i++) last[i] = total[i];
            for (var g = 0; g < m - 1; g++)
                for (var i = 0; i < a; i++) last[i] -= counts[g * a + i];
            var d = double.PositiveInfinity;
            for (var i = 0; i < m; i++)
                for (var j = i + 1; j < m; j++)
                    d = Math.Min(d, FirmTallies.DuncanOf(counts.AsSpan(i * a, a), counts.AsSpan(j * a, a)));
            sum += d;
            // A small tolerance so that a relabelling giving the same index (up to rounding) counts as "at least as large".
            if (d >= observed - 1e-12) atLeast++;
        }
        return (sum / permutations, (1.0 + atLeast) / (1.0 + permutations));
    }
}
