using FieldSurvey.Core.Agreement;

namespace FieldSurvey.Core.Tests.Agreement;

public sealed class ReliabilityTests
{
    static IReadOnlyList<IReadOnlyList<string?>> Rows(params string?[][] rows) => rows;

    // Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: 4 observers (A–D) × 12
    // units, "." = missing. Unit 12 has a single value and is not pairable.
    static readonly string?[][] Observers =
    [
        ["1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null],
        ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"],
        [null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null],
        ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null],
    ];

    static IReadOnlyList<IReadOnlyList<string?>> KrippendorffExample() =>
        Enumerable.Range(0, 12).Select(u => (IReadOnlyList<string?>)Observers.Select(o => o[u]).ToList()).ToList();

    [Fact]
    public void Krippendorffs_worked_example_with_missing_data_gives_nominal_alpha_0_743() =>
        Assert.Equal(0.743, Reliability.KrippendorffAlpha(KrippendorffExample()), 3);

    [Fact]
    public void Krippendorffs_worked_example_gives_ordinal_alpha_0_815() =>
        Assert.Equal(0.815, Reliability.KrippendorffAlpha(KrippendorffExample(), Level.Ordinal, ["1", "2", "3", "4", "5"]), 3);

    [Fact]
    public void Krippendorffs_worked_example_gives_interval_alpha_0_849() =>
        Assert.Equal(0.849, Reliability.KrippendorffAlpha(KrippendorffExample(), Level.Interval), 3);

    [Fact]
    public void Ordinal_alpha_without_an_order_ranks_values_as_numbers() =>
        Assert.Equal(0.815, Reliability.KrippendorffAlpha(KrippendorffExample(), Level.Ordinal), 3);

    [Fact]
    public void Ordinal_alpha_refuses_a_value_missing_from_the_order() =>
        Assert.Throws<ArgumentException>(() => Reliability.KrippendorffAlpha(KrippendorffExample(), Level.Ordinal, ["1", "2", "3"]));

    [Fact]
    public void Interval_alpha_refuses_a_value_that_is_not_a_number() =>
        Assert.Throws<ArgumentException>(() => Reliability.KrippendorffAlpha(Rows(["a", "1"], ["2", "2"]), Level.Interval));

    // Not from Cohen (1960): the "simple example" of the Wikipedia article "Cohen's kappa" (50 grant proposals;
    // both yes 20, both no 15, A yes / B no 5, A no / B yes 10), also worked by hand: p_o = 0.7, p_e = 0.5, κ = 0.4.
    // The published example for Cohen's kappa is Gwet's 3×3 abstractors table (ChanceCorrectedTests).
    static IReadOnlyList<IReadOnlyList<string?>> Proposals() =>
        Enumerable.Repeat<string?[]>(["yes", "yes"], 20)
            .Concat(Enumerable.Repeat<string?[]>(["no", "no"], 15))
            .Concat(Enumerable.Repeat<string?[]>(["yes", "no"], 5))
            .Concat(Enumerable.Repeat<string?[]>(["no", "yes"], 10))
            .Select(r => (IReadOnlyList<string?>)r).ToList();

    [Fact]
    public void Cohens_kappa_reproduces_the_50_proposal_example_of_the_wikipedia_article() =>
        Assert.Equal(0.4, Reliability.CohensKappa(Proposals()), 10);

    [Fact]
    public void Percent_agreement_of_the_50_proposals_is_0_7() =>
        Assert.Equal(0.7, Reliability.PercentAgreement(Proposals()), 10);

    [Fact]
    public void Cohens_kappa_ignores_units_one_coder_left_blank()
    {
        var withBlanks = Proposals().Concat([["yes", null], [null, "no"]]).ToList();
        Assert.Equal(0.4, Reliability.CohensKappa(withBlanks), 10);
        Assert.Equal(0.7, Reliability.PercentAgreement(withBlanks), 10);
    }

    [Fact]
    public void Cohens_kappa_refuses_three_coders() =>
        Assert.Throws<ArgumentException>(() => Reliability.CohensKappa(Rows(["a", "a", "a"])));

    // Not Fleiss's table: the worked example of the Wikipedia article "Fleiss' kappa" (10 subjects, 14 raters,
    // 5 categories; κ ≈ 0.210), kept because it exercises many raters per unit.
    static readonly int[][] WikipediaCounts =
    [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];

    [Fact]
    public void Fleiss_kappa_reproduces_the_10_subjects_14_raters_example_of_the_wikipedia_article()
    {
        var units = WikipediaCounts.Select(counts => (IReadOnlyList<string?>)counts
            .SelectMany((n, category) => Enumerable.Repeat<string?>($"c{category + 1}", n)).ToList()).ToList();
        Assert.Equal(0.210, Reliability.FleissKappa(units), 3);
    }

    // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin 76(5),
    // 378–382, Table 1: 30 patients, 6 psychiatrists per patient, 5 diagnoses (1 depression, 2 personality
    // disorder, 3 schizophrenia, 4 neurosis, 5 other). Rows below are each patient's six diagnoses as transcribed
    // in DKPro Statistics' test data (we could not read the paper's table itself); they reproduce the paper's
    // published P̄ = .556, P̄e = .220 and κ = .430, which a mistyped row would break.
    static readonly int[][] Fleiss1971 =
    [
        [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
        [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
        [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
        [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
        [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
        [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ];

    [Fact]
    public void Fleiss_kappa_reproduces_fleiss_1971_table_1_of_30_patients_and_6_psychiatrists()
    {
        var units = Fleiss1971.Select(r => (IReadOnlyList<string?>)r.Select(d => (string?)d.ToString()).ToList()).ToList();
        Assert.Equal(30, units.Count);
        Assert.Equal(0.556, Reliability.PercentAgreement(units), 3);
        Assert.Equal(0.430, Reliability.FleissKappa(units), 3);
    }

    [Fact]
    public void Fleiss_kappa_with_two_raters_and_no_blanks_equals_scotts_pi_and_nominal_alpha_for_large_samples()
    {
        // Same data, Fleiss for 2 raters is Scott's pi; alpha differs from pi only by the small-sample factor.
        var pi = Reliability.FleissKappa(Proposals());
        var alpha = Reliability.KrippendorffAlpha(Proposals());
        var n = 100.0;
        Assert.Equal(alpha, 1 - (n - 1) / n * (1 - pi), 10);
    }

    [Fact]
    public void Fleiss_kappa_refuses_units_with_different_numbers_of_ratings()
    {
        var error = Assert.Throws<ArgumentException>(() => Reliability.FleissKappa(Rows(["a", "b", "a"], ["a", null, "b"])));
        Assert.Contains("same number of ratings", error.Message);
    }

    [Fact]
    public void Perfect_agreement_over_two_categories_gives_one_everywhere()
    {
        var units = Rows(["x", "x"], ["y", "y"], ["x", "x"]);
        Assert.Equal(1.0, Reliability.PercentAgreement(units));
        Assert.Equal(1.0, Reliability.CohensKappa(units), 10);
        Assert.Equal(1.0, Reliability.FleissKappa(units), 10);
        Assert.Equal(1.0, Reliability.KrippendorffAlpha(units), 10);
    }

    [Fact]
    public void A_single_category_everywhere_leaves_kappa_and_alpha_undefined_but_agreement_at_one()
    {
        var units = Rows(["x", "x"], ["x", "x"]);
        Assert.Equal(1.0, Reliability.PercentAgreement(units));
        Assert.True(double.IsNaN(Reliability.CohensKappa(units)));
        Assert.True(double.IsNaN(Reliability.FleissKappa(units)));
        Assert.True(double.IsNaN(Reliability.KrippendorffAlpha(units)));
    }

    [Fact]
    public void No_pairable_values_leave_every_coefficient_undefined()
    {
        var units = Rows(["x", null], [null, "y"]);
        Assert.True(double.IsNaN(Reliability.PercentAgreement(units)));
        Assert.True(double.IsNaN(Reliability.CohensKappa(units)));
        Assert.True(double.IsNaN(Reliability.KrippendorffAlpha(units)));
        Assert.True(double.IsNaN(Reliability.FleissKappa(Rows())));
    }

    [Fact]
    public void Hand_computed_two_by_two_alpha()
    {
        // Units (a,a) (a,b) (b,b): o_aa = 2, o_ab = o_ba = 1, o_bb = 2; n_a = n_b = 3, n = 6.
        // α = 1 − (n − 1)·(o_ab + o_ba) / (n_a·n_b + n_b·n_a) = 1 − 5·2/18 = 4/9.
        Assert.Equal(4.0 / 9, Reliability.KrippendorffAlpha(Rows(["a", "a"], ["a", "b"], ["b", "b"])), 10);
    }

    [Fact]
    public void Systematic_disagreement_gives_alpha_below_zero() =>
        Assert.True(Reliability.KrippendorffAlpha(Rows(["a", "b"], ["b", "a"])) < 0);

    [Fact]
    public void The_bootstrap_interval_is_reproducible_with_a_seed_and_brackets_the_estimate()
    {
        var units = KrippendorffExample();
        var first = Reliability.BootstrapInterval(units, Reliability.KrippendorffAlpha, 1000, seed: 42);
        var second = Reliability.BootstrapInterval(units, Reliability.KrippendorffAlpha, 1000, seed: 42);
        var other = Reliability.BootstrapInterval(units, Reliability.KrippendorffAlpha, 1000, seed: 7);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.InRange(0.743, first.Lower, first.Upper);
        Assert.True(first.Upper - first.Lower > 0.05, "twelve units cannot pin alpha down tightly");
        Assert.True(first.Defined > 900);
    }

    [Fact]
    public void The_bootstrap_interval_of_perfect_agreement_is_the_single_point_one()
    {
        var ci = Reliability.BootstrapInterval(Rows(["x", "x"], ["y", "y"], ["x", "x"], ["y", "y"]), Reliability.KrippendorffAlpha, 200, seed: 3);
        Assert.Equal(1.0, ci.Lower, 10);
        Assert.Equal(1.0, ci.Upper, 10);
        Assert.True(ci.Defined < 200, "resamples with one category only are undefined and dropped");
    }

    [Fact]
    public void The_bootstrap_interval_of_no_units_is_undefined() =>
        Assert.True(double.IsNaN(Reliability.BootstrapInterval(Rows(), Reliability.KrippendorffAlpha).Lower));
}
