namespace FieldSurvey.Core.Reporting;

/// <summary>A 95 % interval; NaN bounds when the figure is undefined (no evidence).</summary>
public sealed record Interval(double Low, double High)
{
    public static readonly Interval None = new(double.NaN, double.NaN);
    public bool Defined => !double.IsNaN(Low) && !double.IsNaN(High);
    public bool Contains(double x) => Defined && x >= Low && x <= High;
}

public static class Intervals
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Wilson's score interval (Wilson 1927) for k successes in n independent units, without continuity correction
    /// (method 3 of Newcombe 1998, Statistics in Medicine 17:857–872, whose Table I the tests reproduce). It stays
    /// inside [0, 1] and is sensible at k = 0 or k = n, which the Wald interval is not. Use it only where the unit is
    /// the firm (one answer per firm); mentions cluster within firms and need the firm bootstrap instead.
    /// </summary>
    public static Interval Wilson(int k, int n, double z = Z95)
    {
        if (n <= 0 || k < 0 || k > n) return Interval.None;
        double p = (double)k / n, z2 = z * z;
        var centre = (2 * n * p + z2) / (2 * (n + z2));
        var half = z * Math.Sqrt(z2 + 4 * n * p * (1 - p)) / (2 * (n + z2));
        // At k = 0 (k = n) the bound is exactly 0 (1); rounding must not push it past.
        return new(k == 0 ? 0 : Math.Max(0, centre - half), k == n ? 1 : Math.Min(1, centre + half));
    }

    /// <summary>
    /// The percentile interval of bootstrap replicates (2.5th and 97.5th percentiles, linear interpolation between
    /// order statistics, as R's quantile type 7). NaN replicates (a resample with no evidence) are left out; with
    /// none left the interval is undefined.
    /// </summary>
    public static Interval Percentile(IEnumerable<double> replicates, double level = 0.95)
    {
        var sorted = replicates.Where(x => !double.IsNaN(x)).Order().ToArray();
        if (sorted.Length == 0) return Interval.None;
        var tail = (1 - level) / 2;
        return new(Quantile(sorted, tail), Quantile(sorted, 1 - tail));
    }

    /// <summary>Quantile of sorted values, R type 7: h = (n − 1)·q, interpolate between ⌊h⌋ and ⌈h⌉.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
