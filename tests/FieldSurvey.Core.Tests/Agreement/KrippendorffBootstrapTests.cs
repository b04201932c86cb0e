using FieldSurvey.Core.Agreement;

namespace FieldSurvey.Core.Tests.Agreement;

public sealed class KrippendorffBootstrapTests
{
    static IReadOnlyList<IReadOnlyList<string?>> Rows(params string?[][] rows) => rows;

    // Krippendorff (2011), section C: 4 observers × 12 units, nominal α = 0.743.
    static IReadOnlyList<IReadOnlyList<string?>> Krippendorff2011() =>
    [
        ["1", "1", null, "1"], ["2", "2", "3", "2"], ["3", "3", "3", "3"], ["3", "3", "3", "3"],
        ["2", "2", "2", "2"], ["1", "2", "3", "4"], ["4", "4", "4", "4"], ["1", "1", "2", "1"],
        ["2", "2", "2", "2"], [null, "5", "5", "5"], [null, null, "1", "1"], [null, null, "3", null],
    ];

    [Fact]
    public void The_distribution_centres_on_alpha_and_states_replicates_draws_and_q()
    {
        var d = Reliability.KrippendorffBootstrap(Krippendorff2011(), replicates: 2000, seed: 5);
        Assert.Equal(0.743, d.Alpha, 3);
        Assert.Equal(2000, d.Replicates);
        // Worked by hand: pairs = Σ m_u(m_u − 1)/2 = 3+6+6+6+6+6+6+6+6+3+1 = 55; 12 non-empty cells, 25·12 = 300; M = 55.
        Assert.Equal(55, d.Draws);
        Assert.InRange(d.Alpha, d.Lower, d.Upper);
        Assert.True(d.Lower > 0.4 && d.Upper <= 1, $"[{d.Lower}, {d.Upper}]");
        // Below 0.800 is likelier than not for a point estimate of 0.743; below 0.667 less likely than that.
        Assert.InRange(d.Q(0.800), 0.5, 0.95);
        Assert.True(d.Q(0.667) < d.Q(0.800));
        Assert.True(double.IsNaN(d.Q(0.5)), "q is given only for the minimums asked for");
    }

    [Fact]
    public void The_same_seed_gives_the_same_distribution()
    {
        var first = Reliability.KrippendorffBootstrap(Krippendorff2011(), seed: 42);
        var again = Reliability.KrippendorffBootstrap(Krippendorff2011(), seed: 42);
        var other = Reliability.KrippendorffBootstrap(Krippendorff2011(), seed: 7);
        Assert.Equal((first.Lower, first.Upper, first.Q(0.8)), (again.Lower, again.Upper, again.Q(0.8)));
        Assert.NotEqual((first.Lower, first.Upper, first.Q(0.8)), (other.Lower, other.Upper, other.Q(0.8)));
    }

    [Fact]
    public void Resamples_with_no_variation_are_counted_as_zero_not_dropped()
    {
        // Worked by hand: 3 units agree on "a", 1 on "b": o_aa = 6, o_bb = 2, n = 8, α = 1. M = min(25·2, 4) = 4.
        // Every replicate draws only agreements, so α* = 1; the expected share drawing one category only is
        // (6/8)^4 + (2/8)^4 = 0.3203125, so round(1000 · 0.3203125) = 320 replicates are undefined and count 0.
        var d = Reliability.KrippendorffBootstrap(Rows(["a", "a"], ["a", "a"], ["a", "a"], ["b", "b"]), replicates: 1000);
        Assert.Equal(1.0, d.Alpha, 10);
        Assert.Equal(4, d.Draws);
        Assert.Equal(320, d.Undefined);
        Assert.Equal(1000, d.Replicates);
        Assert.Equal(0.320, d.Q(0.800), 10);
        Assert.Equal(0.0, d.Lower, 10);
    }

    [Fact]
    public void Replicates_are_never_below_minus_one()
    {
        var d = Reliability.KrippendorffBootstrap(Rows(["a", "b"], ["b", "a"], ["a", "b"], ["a", "a"]), replicates: 500, seed: 3);
        Assert.True(d.Lower >= -1);
        Assert.True(d.Alpha < 0);
    }

    [Fact]
    public void Undefined_alpha_gives_no_replicates_and_no_interval()
    {
        var d = Reliability.KrippendorffBootstrap(Rows(["x", "x"], ["x", "x"]));
        Assert.Equal(0, d.Replicates);
        Assert.True(double.IsNaN(d.Lower) && double.IsNaN(d.Upper) && double.IsNaN(d.Q(0.8)));
    }

    [Fact]
    public void The_cluster_bootstrap_resamples_whole_transcripts_and_counts_undefined_replicates()
    {
        // Two transcripts, each internally one category: a resample of the same transcript twice has no variation.
        IReadOnlyList<IReadOnlyList<IReadOnlyList<string?>>> clusters =
            [Rows(["x", "x"], ["x", "x"]), Rows(["y", "y"], ["y", "y"])];
        var ci = Reliability.ClusterBootstrap(clusters, Reliability.KrippendorffAlpha, replicates: 400, seed: 2);
        Assert.Equal(400, ci.Replicates);
        // Worked by hand: P(both draws the same transcript) = 1/2, so about 200 replicates are undefined.
        Assert.InRange(400 - ci.Defined, 150, 250);
        Assert.Equal(1.0, ci.Lower, 10);
    }
}
