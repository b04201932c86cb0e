using System.Globalization;

namespace FieldSurvey.Core.Agreement;

/// <summary>Level of measurement for <see cref="Reliability.KrippendorffAlpha(IReadOnlyList{IReadOnlyList{string?}}, Level, IReadOnlyList{string}?)"/>.</summary>
public enum Level
{
    /// <summary>Categories without order: any two different values disagree equally.</summary>
    Nominal = 0,
    /// <summary>Ranked categories: the disagreement between two ranks grows with how many values lie between them.</summary>
    Ordinal = 1,
    /// <summary>Numbers (invariant-culture strings): disagreement is the squared difference.</summary>
    Interval = 2,
    /// <summary>Non-negative numbers with a true zero: disagreement is ((c − k) / (c + k))², Krippendorff's ratio metric.</summary>
    Ratio = 3,
}

/// <summary>A percentile bootstrap interval; NaN bounds when no replicate had a defined statistic.</summary>
public sealed record ConfidenceInterval(double Lower, double Upper, int Replicates, int Defined);

/// <summary>
/// Inter-coder reliability coefficients. Every function takes the same shape of data: one row per unit of
/// analysis, one column per coder, <c>null</c> where that coder gave no value for the unit (missing; not a
/// category). Values are compared ordinally (case-sensitive). Coefficients that are undefined for the data
/// (no pairable values; every value in one category, so there is no variation to agree on) return
/// <see cref="double.NaN"/>, never a made-up 0 or 1; callers show NaN as "undefined".
/// </summary>
public static partial class Reliability
{
    /// <summary>
    /// Observed agreement: over the units with at least two values, the share of pairs of coders who gave
    /// the same value, averaged over those units. With two coders this is the share of units (coded by both)
    /// on which they agree. NaN when no unit has two values.
    /// </summary>
    public static double PercentAgreement(IReadOnlyList<IReadOnlyList<string?>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        double sum = 0;
        var count = 0;
        foreach (var row in units)
        {
            var values = Values(row);
            if (values.Count < 2) continue;
            int agree = 0, pairs = 0;
            for (var i = 0; i < values.Count; i++)
                for (var j = i + 1; j < values.Count; j++)
                {
                    pairs++;
                    if (values[i] == values[j]) agree++;
                }
            sum += (double)agree / pairs;
            count++;
        }
        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>
    /// Cohen's kappa (Cohen 1960) for exactly two coders: (p_o − p_e) / (1 − p_e), with p_e from each
    /// coder's own marginal distribution. Only units where both coders have a value are used. NaN when no
    /// unit has both values or when p_e = 1 (both coders used one and the same category throughout).
    /// Throws <see cref="ArgumentException"/> when a row does not have exactly two columns.
    /// Reproduces Wikipedia's 50-proposal example (κ = 0.4).
    /// </summary>
    public static double CohensKappa(IReadOnlyList<IReadOnlyList<string?>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var a = new Dictionary<string, int>(StringComparer.Ordinal);
        var b = new Dictionary<string, int>(StringComparer.Ordinal);
        int n = 0, agree = 0;
        foreach (var row in units)
        {
            if (row.Count != 2) throw new ArgumentException("Cohen's kappa needs exactly two coders (two columns) per unit.", nameof(units));
            if (row[0] is not { } x || row[1] is not { } y) continue;
            n++;
            if (x == y) agree++;
            a[x] = a.GetValueOrDefault(x) + 1;
            b[y] = b.GetValueOrDefault(y) + 1;
        }
        if (n == 0) return double.NaN;
        var po = (double)agree / n;
        var pe = a.Sum(kv => (double)kv.Value / n * b.GetValueOrDefault(kv.Key) / n);
        return pe >= 1 ? double.NaN : (po - pe) / (1 - pe);
    }

    /// <summary>
    /// Fleiss' kappa (Fleiss 1971) for a fixed number of ratings per unit (the raters may differ between
    /// units). Every unit must have the same number (≥ 2) of non-null values, else
    /// <see cref="ArgumentException"/>. NaN for no units or when all ratings fall in one category.
    /// Reproduces Fleiss' 10 subjects × 14 raters example as given on Wikipedia (κ ≈ 0.210).
    /// </summary>
    public static double FleissKappa(IReadOnlyList<IReadOnlyList<string?>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0) return double.NaN;
        var raters = -1;
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        double sumP = 0;
        foreach (var row in units)
        {
            var values = Values(row);
            if (raters < 0) raters = values.Count;
            if (values.Count != raters)
                throw new ArgumentException($"Fleiss' kappa needs the same number of ratings for every unit; found {raters} and {values.Count}.", nameof(units));
            if (raters < 2) throw new ArgumentException("Fleiss' kappa needs at least two ratings per unit.", nameof(units));
            var counts = values.GroupBy(v => v, StringComparer.Ordinal).Select(g => g.Count()).ToList();
            foreach (var g in values) totals[g] = totals.GetValueOrDefault(g) + 1;
            sumP += (counts.Sum(c => (double)c * c) - raters) / (raters * (raters - 1.0));
        }
        var pBar = sumP / units.Count;
        var all = (double)units.Count * raters;
        var pe = totals.Values.Sum(c => (c / all) * (c / all));
        return pe >= 1 ? double.NaN : (pBar - pe) / (1 - pe);
    }

    /// <summary>Krippendorff's alpha for nominal data; see the overload for conventions.</summary>
    public static double KrippendorffAlpha(IReadOnlyList<IReadOnlyList<string?>> units) =>
        KrippendorffAlpha(units, Level.Nominal);

    /// <summary>
    /// Krippendorff's alpha, α = 1 − D_o / D_e, computed from the coincidence matrix (Krippendorff 2011,
    /// "Computing Krippendorff's Alpha-Reliability"): any number of coders, missing values allowed; only
    /// units with at least two values are pairable and used, each contributing its pairs weighted 1/(m_u − 1).
    /// NaN when fewer than two pairable values exist or when the expected disagreement is 0 (one category).
    /// <paramref name="order"/> ranks the categories for <see cref="Level.Ordinal"/> (lowest first; values
    /// not in it throw <see cref="ArgumentException"/>; when null, values are ranked as numbers).
    /// <see cref="Level.Interval"/> parses values as invariant-culture numbers (else ArgumentException).
    /// Reproduces Krippendorff's 4 observers × 12 units example: nominal 0.743, ordinal 0.815, interval 0.849.
    /// </summary>
    public static double KrippendorffAlpha(IReadOnlyList<IReadOnlyList<string?>> units, Level level, IReadOnlyList<string>? order = null) =>
        Coincide(units, level, order) is { } c ? c.Alpha : double.NaN;

    // The coincidence matrix of Krippendorff (2011) and what alpha and its bootstrap need from it; null when
    // alpha is undefined (fewer than two pairable values, or no expected disagreement).
    sealed record Coincidences(double[,] Observed, double[] N, double Total, double[,] Delta, double Expected, double Alpha, int Pairs);

    static Coincidences? Coincide(IReadOnlyList<IReadOnlyList<string?>> units, Level level, IReadOnlyList<string>? order)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = new List<IReadOnlyList<string>>(units.Count);
        foreach (var unit in units)
            if (Values(unit) is { Count: >= 2 } values) pairable.Add(values);
        var present = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var values in pairable)
            for (var i = 0; i < values.Count; i++)
                if (seen.Add(values[i])) present.Add(values[i]);   // in order of first appearance, as Distinct gives them
        var categories = Categories(present, level, order);
        var index = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var k = categories.Count;
        var o = new double[k, k];
        foreach (var values in pairable)
        {
            var weight = 1.0 / (values.Count - 1);
            for (var i = 0; i < values.Count; i++)
                for (var j = 0; j < values.Count; j++)
                    if (i != j) o[index[values[i]], index[values[j]]] += weight;
        }
        var nc = new double[k];
        for (var c = 0; c < k; c++) for (var d = 0; d < k; d++) nc[c] += o[c, d];
        var n = nc.Sum();
        if (n < 2) return null;

        var delta = Metric(categories, nc, level);
        double observed = 0, expected = 0;
        for (var c = 0; c < k; c++)
            for (var d = 0; d < k; d++)
            {
                observed += o[c, d] * delta[c, d];
                expected += nc[c] * nc[d] * delta[c, d];
            }
        if (expected <= 0) return null;
        var pairs = pairable.Sum(v => v.Count * (v.Count - 1) / 2);
        return new Coincidences(o, nc, n, delta, expected / (n * (n - 1)), 1 - (n - 1) * observed / expected, pairs);
    }

    /// <summary>
    /// Percentile bootstrap interval for any of these statistics: resamples whole units with replacement
    /// (<paramref name="replicates"/> times, from a <see cref="Random"/> seeded with <paramref name="seed"/>,
    /// so the same data and seed always give the same interval), drops replicates where the statistic is NaN,
    /// and takes the (1 − level)/2 and (1 + level)/2 quantiles (linear interpolation) of the rest.
    /// </summary>
    public static ConfidenceInterval BootstrapInterval(IReadOnlyList<IReadOnlyList<string?>> units,
        Func<IReadOnlyList<IReadOnlyList<string?>>, double> statistic, int replicates = 1000, int seed = 1, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        if (level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level));
        if (units.Count == 0) return new ConfidenceInterval(double.NaN, double.NaN, replicates, 0);
        var random = new Random(seed);
        var results = new List<double>(replicates);
        var sample = new IReadOnlyList<string?>[units.Count];
        for (var r = 0; r < replicates; r++)
        {
            for (var i = 0; i < sample.Length; i++) sample[i] = units[random.Next(units.Count)];
            var value = statistic(sample);
            if (!double.IsNaN(value)) results.Add(value);
        }
        if (results.Count == 0) return new ConfidenceInterval(double.NaN, double.NaN, replicates, 0);
        results.Sort();
        return new ConfidenceInterval(Quantile(results, (1 - level) / 2), Quantile(results, (1 + level) / 2), replicates, results.Count);
    }

    static double Quantile(List<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    // A row's values without the missing ones: the row itself when none is missing, else one array; no iterators.
    // The agreement tables call this for each of 100,000 units per statistic.
    static IReadOnlyList<string> Values(IReadOnlyList<string?> row)
    {
        var count = 0;
        for (var i = 0; i < row.Count; i++) if (row[i] is not null) count++;
        if (count == row.Count) return row!;
        if (count == 0) return [];
        var values = new string[count];
        for (int i = 0, at = 0; i < row.Count; i++) if (row[i] is { } v) values[at++] = v;
        return values;
    }

    static List<string> Categories(IEnumerable<string> present, Level level, IReadOnlyList<string>? order)
    {
        var list = present.ToList();
        if (level == Level.Nominal) return list;
        if (level == Level.Ordinal && order is not null)
        {
            var missing = list.FirstOrDefault(v => !order.Contains(v, StringComparer.Ordinal));
            if (missing is not null) throw new ArgumentException($"The value \"{missing}\" is not in the ordinal order.", nameof(order));
            // Unused ranks between used ones still count (their n is 0), so keep the whole order.
            return order.Distinct(StringComparer.Ordinal).ToList();
        }
        return list.OrderBy(Number).ToList();
    }

    static double Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x : throw new ArgumentException($"The value \"{value}\" is not a number.", nameof(value));

    static double[,] Metric(List<string> categories, double[] nc, Level level)
    {
        var k = categories.Count;
        var delta = new double[k, k];
        for (var c = 0; c < k; c++)
            for (var d = 0; d < k; d++)
            {
                if (c == d) continue;
                delta[c, d] = level switch
                {
                    Level.Nominal => 1,
                    Level.Interval => Math.Pow(Number(categories[c]) - Number(categories[d]), 2),
                    Level.Ratio => Ratio(Number(categories[c]), Number(categories[d])),
                    _ => Math.Pow(Enumerable.Range(Math.Min(c, d), Math.Abs(c - d) + 1).Sum(g => nc[g]) - (nc[c] + nc[d]) / 2, 2),
                };
            }
        return delta;
    }

    static double Ratio(double c, double k) => c + k == 0 ? 0 : Math.Pow((c - k) / (c + k), 2);
}
