namespace FieldSurvey.Core.Agreement;

/// <summary>The probability q that alpha lies below <see cref="Minimum"/>: the share of bootstrap replicates below it.</summary>
public sealed record AlphaRisk(double Minimum, double Q);

/// <summary>
/// The bootstrap distribution of alpha from <see cref="Reliability.KrippendorffBootstrap"/>: alpha itself, the
/// 95 % interval, q for each minimum asked for, how many replicates were drawn (0: none, the interval is NaN),
/// how many pairs of values each replicate drew, and how many replicates showed no variation (alpha undefined
/// there; counted as 0, as Krippendorff's algorithm prescribes, not dropped).
/// </summary>
public sealed record AlphaDistribution(double Alpha, double Lower, double Upper, int Replicates, int Draws, int Undefined,
    IReadOnlyList<AlphaRisk> Risks)
{
    public static readonly AlphaDistribution None = new(double.NaN, double.NaN, double.NaN, 0, 0, 0, []);

    /// <summary>q = P(α &lt; minimum); NaN when no replicates were drawn or the minimum was not asked for.</summary>
    public double Q(double minimum) => Risks.FirstOrDefault(r => Math.Abs(r.Minimum - minimum) < 1e-9)?.Q ?? double.NaN;

    /// <summary>The interval in the shape the other statistics use; every replicate counts (none is dropped).</summary>
    public ConfidenceInterval Interval => new(Lower, Upper, Replicates, Replicates);
}

public static partial class Reliability
{
    /// <summary>The minimums q is reported for by default: Krippendorff's (2004) thresholds for tentative and reliable.</summary>
    public static readonly IReadOnlyList<double> ConventionalMinimums = [0.800, 0.667];

    /// <summary>
    /// Krippendorff's algorithm for bootstrapping alpha ("Algorithm for bootstrapping a distribution of α",
    /// 2006, revised 2011; the one behind Hayes &amp; Krippendorff 2007 and the KALPHA macro). It does not
    /// resample units: it keeps the data's expected disagreement D_e and, per replicate, draws M pairs of
    /// values from the observed coincidence matrix (cell c,k with probability o_ck/n.. on the diagonal and
    /// 2·o_ck/n.. off it, c &lt; k), so α* = 1 − Σδ²/(M·D_e). M = min(25·Q, pairs): Q is the number of
    /// non-empty cells of the coincidence matrix and pairs = Σ_u m_u(m_u − 1)/2, which is (m − 1)·n../2 when
    /// every coder codes every unit. Replicates below −1 are set to −1. A replicate whose draws all agree
    /// within one category has no variation: α is undefined there and, following the algorithm, counts as 0
    /// (when the data have one agreed category only, every α* = 1 is such a replicate; otherwise the expected
    /// number, X·Σ_c (o_cc/n..)^M, of the α* = 1 are set to 0). They are counted in
    /// <see cref="AlphaDistribution.Undefined"/>. The interval takes the KALPHA order statistics (the
    /// ⌊0.025·X⌋-th and (⌊0.975·X⌋+1)-th of X sorted replicates); q = share of replicates below each minimum.
    /// Seeded, so the same data and seed always print the same figures. Pairs of values are drawn as if
    /// independent: the algorithm knows nothing of clusters (see <see cref="ClusterBootstrap"/>).
    /// Returns <see cref="AlphaDistribution.None"/> (0 replicates) when alpha itself is undefined.
    /// </summary>
    public static AlphaDistribution KrippendorffBootstrap(IReadOnlyList<IReadOnlyList<string?>> units, Level level = Level.Nominal,
        IReadOnlyList<string>? order = null, int replicates = 1000, int seed = 1, IReadOnlyList<double>? minimums = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        if (Coincide(units, level, order) is not { } c) return AlphaDistribution.None;
        var k = c.N.Length;
        var cumulative = new List<double>();
        var deltas = new List<double>();
        double total = 0;
        int nonEmpty = 0, agreedCategories = 0;
        for (var i = 0; i < k; i++)
            for (var j = i; j < k; j++)
            {
                if (c.Observed[i, j] > 0) nonEmpty += i == j ? 1 : 2;
                if (i == j && c.Observed[i, i] > 0) agreedCategories++;
                var p = (i == j ? 1 : 2) * c.Observed[i, j] / c.Total;
                if (p <= 0) continue;
                total += p;
                cumulative.Add(total);
                deltas.Add(c.Delta[i, j]);
            }
        var draws = Math.Max(1, Math.Min(25 * nonEmpty, c.Pairs));
        var random = new Random(seed);
        var alphas = new double[replicates];
        var ones = new List<int>();
        int undefined = 0;
        for (var r = 0; r < replicates; r++)
        {
            double sum = 0;
            for (var d = 0; d < draws; d++)
            {
                var at = cumulative.BinarySearch(random.NextDouble() * total);
                sum += deltas[Math.Min(at < 0 ? ~at : at, deltas.Count - 1)];
            }
            var alpha = Math.Max(-1, 1 - sum / (draws * c.Expected));
            if (alpha >= 1 && agreedCategories == 1) { alpha = 0; undefined++; }
            else if (alpha >= 1) ones.Add(r);
            alphas[r] = alpha;
        }
        if (agreedCategories > 1)
        {
            double allOneCategory = 0;
            for (var i = 0; i < k; i++) allOneCategory += Math.Pow(c.Observed[i, i] / c.Total, draws);
            var expected = (int)Math.Round(replicates * allOneCategory);
            foreach (var r in ones.Take(expected)) { alphas[r] = 0; undefined++; }
        }
        Array.Sort(alphas);
        var lower = alphas[Math.Clamp((int)Math.Floor(0.025 * replicates), 1, replicates) - 1];
        var upper = alphas[Math.Clamp((int)Math.Floor(0.975 * replicates) + 1, 1, replicates) - 1];
        var risks = (minimums ?? ConventionalMinimums)
            .Select(m => new AlphaRisk(m, (double)alphas.Count(a => a < m) / replicates)).ToList();
        return new AlphaDistribution(c.Alpha, lower, upper, replicates, draws, undefined, risks);
    }

    /// <summary>
    /// Percentile bootstrap that respects clustering: resamples whole clusters (transcripts) with replacement,
    /// pools their units and computes the statistic, so passages of one talkative interview rise and fall
    /// together. Replicates where the statistic is undefined (NaN) are counted — Replicates − Defined — and
    /// left out of the quantiles, which use linear interpolation. NaN bounds when no replicate is defined.
    /// </summary>
    public static ConfidenceInterval ClusterBootstrap(IReadOnlyList<IReadOnlyList<IReadOnlyList<string?>>> clusters,
        Func<IReadOnlyList<IReadOnlyList<string?>>, double> statistic, int replicates = 1000, int seed = 1, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        if (clusters.Count == 0) return new ConfidenceInterval(double.NaN, double.NaN, replicates, 0);
        var random = new Random(seed);
        var results = new List<double>(replicates);
        var sample = new List<IReadOnlyList<string?>>();
        for (var r = 0; r < replicates; r++)
        {
            sample.Clear();
            for (var i = 0; i < clusters.Count; i++) sample.AddRange(clusters[random.Next(clusters.Count)]);
            var value = statistic(sample);
            if (!double.IsNaN(value)) results.Add(value);
        }
        if (results.Count == 0) return new ConfidenceInterval(double.NaN, double.NaN, replicates, 0);
        results.Sort();
        return new ConfidenceInterval(Quantile(results, (1 - level) / 2), Quantile(results, (1 + level) / 2), replicates, results.Count);
    }
}
