using FieldSurvey.Core.Agreement;

namespace FieldSurvey.Core.Tests.Agreement;

public sealed class ChanceCorrectedTests
{
    // Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed.: two abstractors classify 100 pregnancies as
    // ectopic, abnormal intrauterine (AIU) or normal intrauterine (NIU). The table and the published results
    // are those Gwet ships with his irrCAC package (dataset cont3x3abstractors, README output): percent
    // agreement 0.89, Cohen's kappa 0.7964094, Gwet's AC1 0.8493305, Brennan–Prediger 0.835,
    // Krippendorff's alpha 0.7972585.
    static readonly int[,] Abstractors = { { 13, 0, 0 }, { 0, 20, 7 }, { 0, 4, 56 } };
    static readonly string[] Pregnancy = ["Ectopic", "AIU", "NIU"];

    static IReadOnlyList<IReadOnlyList<string?>> Table(int[,] counts, string[] names) =>
        (from i in Enumerable.Range(0, names.Length) from j in Enumerable.Range(0, names.Length)
         from _ in Enumerable.Range(0, counts[i, j])
         select (IReadOnlyList<string?>)new string?[] { names[i], names[j] }).ToList();

    [Fact]
    public void Gwets_abstractors_table_gives_his_published_kappa_ac1_brennan_prediger_and_alpha()
    {
        var units = Table(Abstractors, Pregnancy);
        Assert.Equal(100, units.Count);
        Assert.Equal(0.89, Reliability.PercentAgreement(units), 7);
        Assert.Equal(0.7964094, Reliability.CohensKappa(units), 7);
        Assert.Equal(0.8493305, Reliability.GwetAc1(units), 7);
        Assert.Equal(0.835, Reliability.BrennanPrediger(units), 7);
        Assert.Equal(0.7972585, Reliability.KrippendorffAlpha(units), 7);
    }

    // Gwet (2014), Handbook, 4th ed., p. 120 (irrCAC dataset cac.raw4raters): 4 raters, 12 units, missing
    // ratings — the same data as Krippendorff's (2011) worked example, raters in another order. Published:
    // p_a = 0.8181818; AC1 0.77544 (p_e = 0.1903212); Brennan–Prediger 0.77273 (p_e = 0.2); alpha 0.74342.
    static IReadOnlyList<IReadOnlyList<string?>> FourRaters() =>
    [
        ["1", "1", null, "1"], ["2", "2", "3", "2"], ["3", "3", "3", "3"], ["3", "3", "3", "3"],
        ["2", "2", "2", "2"], ["1", "2", "3", "4"], ["4", "4", "4", "4"], ["1", "1", "2", "1"],
        ["2", "2", "2", "2"], [null, "5", "5", "5"], [null, null, "1", "1"], [null, null, "3", null],
    ];

    [Fact]
    public void Gwets_four_raters_with_missing_ratings_give_his_published_ac1_and_brennan_prediger()
    {
        Assert.Equal(0.77544, Reliability.GwetAc1(FourRaters()), 5);
        Assert.Equal(0.77273, Reliability.BrennanPrediger(FourRaters()), 5);
        Assert.Equal(0.74342, Reliability.KrippendorffAlpha(FourRaters()), 5);
    }

    [Fact]
    public void Brennan_prediger_uses_the_categories_coders_could_choose_not_only_those_they_chose()
    {
        // Worked by hand: p_a = 0.89 as above; with a fourth, unused category chance is 1/4: (0.89 − 0.25) / 0.75.
        Assert.Equal((0.89 - 0.25) / 0.75, Reliability.BrennanPrediger(Table(Abstractors, Pregnancy), categories: 4), 10);
    }

    [Fact]
    public void Ac1_stays_high_when_one_category_dominates_and_kappa_collapses()
    {
        // Worked by hand: 100 units, both "no" 96, A yes / B no 2, A no / B yes 2. p_a = 0.96.
        // Kappa: p_e = 0.98² + 0.02² = 0.9608, κ = (0.96 − 0.9608) / 0.0392 ≈ −0.0204.
        // AC1: π_yes = 0.02, p_e = 2·0.02·0.98 / 1 = 0.0392, AC1 = (0.96 − 0.0392) / 0.9608 ≈ 0.9584.
        var units = Table(new[,] { { 0, 2 }, { 2, 96 } }, ["yes", "no"]);
        Assert.Equal((0.96 - 0.9608) / 0.0392, Reliability.CohensKappa(units), 10);
        Assert.Equal((0.96 - 0.0392) / 0.9608, Reliability.GwetAc1(units), 10);
    }

    [Fact]
    public void Without_two_values_on_any_unit_the_alternatives_are_undefined()
    {
        IReadOnlyList<IReadOnlyList<string?>> units = [["a", null], [null, "b"]];
        Assert.True(double.IsNaN(Reliability.GwetAc1(units)));
        Assert.True(double.IsNaN(Reliability.BrennanPrediger(units)));
    }

    [Fact]
    public void Marginals_count_each_coders_values_and_blanks()
    {
        var marginals = Reliability.Marginals(FourRaters());
        Assert.Equal(4, marginals.Count);
        Assert.Equal(3, marginals[0].Blank);
        Assert.Equal(3, marginals[0].Counts["2"]);
        Assert.Equal(3, marginals[3].Counts["1"]);
        Assert.Equal(12, marginals[2].Counts.Values.Sum() + marginals[2].Blank);
    }

    [Fact]
    public void Ratio_alpha_is_worked_by_hand_on_three_units()
    {
        // Units (1,1) (1,2) (2,2): o_12 = o_21 = 1, n_1 = n_2 = 3, n = 6; δ²(1,2) = ((1 − 2)/(1 + 2))² = 1/9.
        // D_o ∝ 2·(1/9), D_e ∝ 2·3·3·(1/9) / (n − 1): α = 1 − 5·2 / 18 = 4/9, as nominal (two values only).
        IReadOnlyList<IReadOnlyList<string?>> units = [["1", "1"], ["1", "2"], ["2", "2"]];
        Assert.Equal(4.0 / 9, Reliability.KrippendorffAlpha(units, Level.Ratio), 10);
        // Three values: (1,2) (2,3) (1,1) (3,3). n_1 = 3, n_2 = 2, n_3 = 3, n = 8; δ²(1,2) = 1/9, δ²(2,3) = 1/25,
        // δ²(1,3) = 1/4. Σo·δ² = 2/9 + 2/25; Σn_c·n_k·δ² = 2·(6/9 + 6/25 + 9/4); α = 1 − 7·Σo·δ² / Σn·n·δ² ≈ 0.6649.
        IReadOnlyList<IReadOnlyList<string?>> three = [["1", "2"], ["2", "3"], ["1", "1"], ["3", "3"]];
        Assert.Equal(1 - 7 * (2.0 / 9 + 2.0 / 25) / (2 * (6.0 / 9 + 6.0 / 25 + 9.0 / 4)), Reliability.KrippendorffAlpha(three, Level.Ratio), 10);
    }
}
