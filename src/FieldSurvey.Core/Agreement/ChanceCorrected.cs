namespace FieldSurvey.Core.Agreement;

/// <summary>How often one coder (one column of the units) used each value; blanks (null) are counted apart.</summary>
public sealed record CoderMarginal(int Column, IReadOnlyDictionary<string, int> Counts, int Blank);

public static partial class Reliability
{
    /// <summary>
    /// Brennan &amp; Prediger's (1981) kappa, the coefficient MAXQDA reports: (p_a − 1/q) / (1 − 1/q), chance
    /// being a uniform pick among the q categories the coders could choose from (<paramref name="categories"/>;
    /// never fewer than the categories observed). p_a is Gwet's (2014) multi-coder agreement: over the units
    /// with at least two values, Σ_k r_ik(r_ik − 1) / (r_i(r_i − 1)) averaged; with two coders, the share of
    /// units coded by both on which they agree. NaN when no unit has two values or q &lt; 2.
    /// </summary>
    public static double BrennanPrediger(IReadOnlyList<IReadOnlyList<string?>> units, int categories = 0)
    {
        var (pa, _, q) = Agreement(units, categories);
        if (double.IsNaN(pa) || q < 2) return double.NaN;
        return (pa - 1.0 / q) / (1 - 1.0 / q);
    }

    /// <summary>
    /// Gwet's AC1 (Gwet 2008; Handbook of Inter-Rater Reliability, 4th ed., 2014): (p_a − p_e) / (1 − p_e) with
    /// p_e = Σ_k π_k(1 − π_k) / (q − 1), π_k the share of category k averaged over the units with at least one
    /// value (each unit's values weighted 1/r_i). Chance agreement shrinks as one category dominates, so AC1
    /// stays high where kappa and alpha collapse under very uneven prevalence. p_a as in
    /// <see cref="BrennanPrediger"/>; q as there. NaN when no unit has two values, q &lt; 2, or p_e = 1.
    /// </summary>
    public static double GwetAc1(IReadOnlyList<IReadOnlyList<string?>> units, int categories = 0)
    {
        var (pa, pi, q) = Agreement(units, categories);
        if (double.IsNaN(pa) || q < 2) return double.NaN;
        var pe = pi.Values.Sum(p => p * (1 - p)) / (q - 1);
        return pe >= 1 ? double.NaN : (pa - pe) / (1 - pe);
    }

    /// <summary>Per column (coder), how many units got each value and how many were left blank.</summary>
    public static IReadOnlyList<CoderMarginal> Marginals(IReadOnlyList<IReadOnlyList<string?>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var columns = units.Count == 0 ? 0 : units.Max(u => u.Count);
        return Enumerable.Range(0, columns).Select(c =>
        {
            var values = units.Select(u => c < u.Count ? u[c] : null).ToList();
            var counts = values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new CoderMarginal(c, counts, values.Count(v => v is null));
        }).ToList();
    }

    static (double Pa, Dictionary<string, double> Pi, int Q) Agreement(IReadOnlyList<IReadOnlyList<string?>> units, int categories)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pi = new Dictionary<string, double>(StringComparer.Ordinal);
        double sum = 0;
        int pairable = 0, rated = 0;
        foreach (var row in units)
        {
            var values = Values(row);
            if (values.Count == 0) continue;
            rated++;
            // Each distinct value with its count, in the order the values first appear (a unit has a handful of
            // values: loops, not a dictionary per unit, at 100,000 units per statistic).
            double agreeing = 0;
            for (var i = 0; i < values.Count; i++)
            {
                var first = true;
                for (var j = 0; j < i && first; j++) first = values[j] != values[i];
                if (!first) continue;
                var r = 0;
                for (var j = i; j < values.Count; j++) if (values[j] == values[i]) r++;
                pi[values[i]] = pi.GetValueOrDefault(values[i]) + (double)r / values.Count;
                agreeing += r * (r - 1.0);
            }
            if (values.Count < 2) continue;
            pairable++;
            sum += agreeing / (values.Count * (values.Count - 1.0));
        }
        foreach (var key in pi.Keys.ToList()) pi[key] /= rated;
        return (pairable == 0 ? double.NaN : sum / pairable, pi, Math.Max(categories, pi.Count));
    }
}
