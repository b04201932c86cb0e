using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Reporting;

public sealed class UncertaintyTests
{
    static readonly string[] Parks = ["ZLS", "YZ", "DX"];
    static readonly string[] Locations = ["ZLS", "YZ", "DX", "BJ", "CN", "ABROAD"];
    static readonly string[] Types = ["research", "supplier", "customer", "labour", "knowledge"];
    static readonly string[] Activities = ["rd", "clinical", "manufacturing", "sales", "services"];

    static int next;
    static Mention M(int firm, string focal, string location, string type, string? nature = null, MentionSource source = MentionSource.Coded)
    {
        var partnerPark = Parks.Contains(location) ? location : null;
        var scope = partnerPark is null ? Scope.Metropolitan : partnerPark == focal ? Scope.WithinCluster : Scope.CrossCluster;
        return new Mention(firm, focal, location, partnerPark, scope, type, nature, source, ++next, "quote");
    }

    static ReportInput Input(IReadOnlyList<Mention> mentions, IReadOnlyList<FirmProfile> firms, ClassificationRule? rule = null) =>
        new(Parks.Select(p => new Label(p, p, p)).ToList(), Locations.Select(l => new Label(l, l, l)).ToList(),
            Types.Select(t => new Label(t, t, t)).ToList(), Activities.Select(a => new Label(a, a, a)).ToList(),
            mentions, firms, new Dictionary<TranscriptBasis, int>(), rule ?? ClassificationRule.Default);

    // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score interval without continuity correction).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_interval_reproduces_Newcombes_worked_examples(int k, int n, double low, double high)
    {
        var i = Intervals.Wilson(k, n);
        Assert.Equal(low, i.Low, 4);
        Assert.Equal(high, i.High, 4);
    }

    [Fact]
    public void Wilson_interval_is_undefined_without_firms_and_percentiles_interpolate_like_R_type_7()
    {
        Assert.False(Intervals.Wilson(0, 0).Defined);
        // R: quantile(1:5, c(.025, .975)) = 1.1, 4.9; NaN replicates are left out.
        var i = Intervals.Percentile([5, double.NaN, 1, 3, 2, 4]);
        Assert.Equal(1.1, i.Low, 10);
        Assert.Equal(4.9, i.High, 10);
    }

    [Fact]
    public void Firm_tallies_over_every_firm_once_reproduce_the_report_indicators()
    {
        Mention[] mentions = [M(1, "ZLS", "YZ", "research", "collaborative"), M(1, "ZLS", "YZ", "research"), M(1, "ZLS", "ZLS", "supplier"),
            M(2, "ZLS", "DX", "labour", "competitive"), M(3, "YZ", "ZLS", "labour"), M(3, "YZ", "BJ", "customer"), M(4, "DX", "DX", "knowledge")];
        FirmProfile[] firms = [new(1, "ZLS", ["rd"]), new(2, "ZLS", ["rd", "clinical"]), new(3, "YZ", ["manufacturing"]), new(4, "DX", ["services", "rd"])];
        var tallies = new FirmTallies(mentions, firms, Parks, Types, Activities);
        foreach (var set in new[] { Parks, ["YZ", "ZLS"], ["DX", "ZLS"] })
        {
            var expected = Indicators.For("k", set, set, mentions, firms, Types, Activities);
            var actual = tallies.IndicatorsFor(tallies.ForSet("k", set), Enumerable.Range(0, tallies.FirmCount).ToArray(), out _);
            Assert.Equal(expected.Dissimilarity, actual.Dissimilarity, 10);
            Assert.Equal(expected.Shares, actual.Shares);
            Assert.Equal((expected.Collaborative, expected.Competitive, expected.Labour), (actual.Collaborative, actual.Competitive, actual.Labour));
            Assert.Equal(expected.MentionsPerPark, actual.MentionsPerPark);
            Assert.Equal(expected.FirmsPerPark, actual.FirmsPerPark);
        }
    }

    [Fact]
    public void The_firm_bootstrap_keeps_a_talkative_firms_mentions_together()
    {
        // ZLS: firm 1 names YZ ten times (research); firms 2-4 each name their own park once. Share 10/13 = 0.77.
        // Resampling firms (4 draws within ZLS), the share is 10k/(10k + 4 − k) for k draws of firm 1: k = 0 has
        // probability (3/4)^4 = 0.32 > 2.5 %, so the lower end is 0; k = 4 has 1/256 < 2.5 % while k ≥ 3 has
        // 13/256 = 5 %, so the upper end is k = 3: 30/31. Counting mentions as independent would give Wilson 0.50–0.92.
        var mentions = Enumerable.Range(0, 10).Select(_ => M(1, "ZLS", "YZ", "research"))
            .Concat([M(2, "ZLS", "ZLS", "research"), M(3, "ZLS", "ZLS", "research"), M(4, "ZLS", "ZLS", "research")]).ToList();
        FirmProfile[] firms = [new(1, "ZLS", ["rd"]), new(2, "ZLS", ["rd"]), new(3, "ZLS", ["rd"]), new(4, "ZLS", ["rd"]),
            new(5, "YZ", ["manufacturing"]), new(6, "YZ", ["manufacturing"]), new(7, "YZ", ["manufacturing"])];
        var report = LinkageReport.Build(Input(mentions, firms) with { Seed = 7 });
        var share = report.Uncertainty.For("YZ-ZLS")!.ShareOf("research");
        Assert.Equal(0, share.Low, 10);
        Assert.Equal(30 / 31.0, share.High, 10);
        Assert.Equal(10 / 13.0, report.Pairs.Single(p => p.Key == "YZ-ZLS").Shares[0].Share, 10);
        // The firm-level view: one of the pair's seven firms has a cross-cluster link (Wilson 1/7).
        var any = report.Uncertainty.For("YZ-ZLS")!.AnyLink;
        Assert.Equal((1, 7), (any.Firms, any.Of));
        Assert.Equal(Intervals.Wilson(1, 7), any.Interval);
    }

    [Fact]
    public void A_share_every_firm_holds_alike_has_no_spread()
    {
        // Every firm: one within, one cross → 0.5 in every resample.
        var mentions = new[] { 1, 2, 3 }.SelectMany(f => new[] { M(f, "ZLS", "ZLS", "supplier"), M(f, "ZLS", "YZ", "supplier") }).ToList();
        FirmProfile[] firms = [new(1, "ZLS", ["rd"]), new(2, "ZLS", ["rd"]), new(3, "ZLS", ["rd"]), new(4, "YZ", ["rd"])];
        var share = LinkageReport.Build(Input(mentions, firms)).Uncertainty.For("YZ-ZLS")!.ShareOf("supplier");
        Assert.Equal(new Interval(0.5, 0.5), share);
    }

    [Fact]
    public void Duncans_index_of_identical_parks_is_biased_upwards_and_the_correction_removes_it()
    {
        // Each park: one R&D firm and one manufacturing firm, D = 0. A resample of two firms gives an R&D share of 0, ½
        // or 1 with probabilities ¼, ½, ¼; for two independent parks P(|a − b| = ½) = ½ and P(|a − b| = 1) = ⅛, so
        // E|a − b| = ½·½ + 1·⅛ = 0.375: the bootstrap mean is about 0.375 and the corrected index 2·0 − 0.375 floors at 0.
        FirmProfile[] firms = [new(1, "ZLS", ["rd"]), new(2, "ZLS", ["manufacturing"]), new(3, "YZ", ["rd"]), new(4, "YZ", ["manufacturing"])];
        var d = LinkageReport.Build(Input([], firms)).Uncertainty.For("YZ-ZLS")!.Dissimilarity;
        Assert.Equal(0, d.Observed);
        Assert.InRange(d.BootstrapMean, 0.34, 0.41);
        Assert.Equal(0, d.Corrected);
        Assert.Equal(1, d.PValue);   // every relabelling gives an index ≥ 0
    }

    [Fact]
    public void The_permutation_test_gives_the_chance_of_an_index_this_large_among_relabellings()
    {
        // Three R&D firms against three manufacturing firms: D = 1. Of the C(6,3) = 20 ways to deal the six firms back
        // to two parks of three, 2 give D = 1, so p ≈ 0.1; each park's resample keeps its single activity, D* = 1 always.
        FirmProfile[] firms = [new(1, "ZLS", ["rd"]), new(2, "ZLS", ["rd"]), new(3, "ZLS", ["rd"]),
            new(4, "YZ", ["manufacturing"]), new(5, "YZ", ["manufacturing"]), new(6, "YZ", ["manufacturing"])];
        var d = LinkageReport.Build(Input([], firms)).Uncertainty.For("YZ-ZLS")!.Dissimilarity;
        Assert.Equal(1, d.Observed);
        Assert.InRange(d.PValue, 0.07, 0.13);
        Assert.Equal(new Interval(1, 1), d.Interval);
        Assert.Equal(1, d.Corrected);
        Assert.Equal(1000, d.Permutations);
    }

    // ZLS firms 1-3 and YZ firms 4-6: each names the other park in research and supplier (collaborative) and its
    // own park in research once: 5 mentions a firm, 15 a park, every firm alike.
    static List<Mention> Alike() => new[] { 1, 2, 3, 4, 5, 6 }.SelectMany(f =>
    {
        var (own, other) = f <= 3 ? ("ZLS", "YZ") : ("YZ", "ZLS");
        return new[] { M(f, own, other, "research", "collaborative"), M(f, own, other, "research", "collaborative"),
            M(f, own, other, "supplier", "collaborative"), M(f, own, other, "supplier"), M(f, own, own, "research") };
    }).ToList();

    [Fact]
    public void A_verdict_every_resample_repeats_is_stable_and_the_same_seed_gives_the_same_counts()
    {
        FirmProfile[] firms = [new(1, "ZLS", ["rd"]), new(2, "ZLS", ["rd"]), new(3, "ZLS", ["rd"]),
            new(4, "YZ", ["manufacturing"]), new(5, "YZ", ["manufacturing"]), new(6, "YZ", ["manufacturing"])];
        var report = LinkageReport.Build(Input(Alike(), firms));
        Assert.Equal(Verdict.Collaborating, report.Classifications.Single(c => c.Key == "YZ-ZLS").Verdict);
        var stability = report.Uncertainty.For("YZ-ZLS")!.Stability;
        Assert.Equal(1000, stability.Counts[Verdict.Collaborating]);
        Assert.Equal(1.0, stability.Share(Verdict.Collaborating));
        // DX has no firms: the three-park configuration is insufficient evidence in every resample.
        Assert.Equal(1000, report.Uncertainty.For("all")!.Stability.Counts[Verdict.InsufficientEvidence]);
    }

    // ZLS: two R&D firms and one manufacturing firm; YZ: three manufacturing firms: D = 2/3. A resample of ZLS with
    // no R&D firm (probability (1/3)^3 = 1/27) gives D = 0 < 0.3; any other gives D ≥ 1/3, so about 26/27 = 96 % of
    // resamples keep "collaborating", and the interval of D reaches down to 0 (1/27 > 2.5 %).
    static readonly FirmProfile[] Fragile = [new(1, "ZLS", ["rd"]), new(2, "ZLS", ["rd"]), new(3, "ZLS", ["manufacturing"]),
        new(4, "YZ", ["manufacturing"]), new(5, "YZ", ["manufacturing"]), new(6, "YZ", ["manufacturing"])];

    [Fact]
    public void A_verdict_that_rests_on_one_firm_type_shows_it_in_the_resamples()
    {
        var report = LinkageReport.Build(Input(Alike(), Fragile));
        var u = report.Uncertainty.For("YZ-ZLS")!;
        Assert.Equal(2 / 3.0, u.Dissimilarity.Observed, 10);
        Assert.InRange(u.Stability.Share(Verdict.Collaborating), 0.94, 0.98);
        Assert.Equal(1000, u.Stability.Counts.Values.Sum());
        Assert.Equal(0, u.Dissimilarity.Interval.Low);
        Assert.Equal(1, u.Dissimilarity.Interval.High);
        var again = LinkageReport.Build(Input(Alike(), Fragile)).Uncertainty.For("YZ-ZLS")!;
        Assert.Equal(u.Stability.Counts, again.Stability.Counts);
        Assert.NotEqual(u.Stability.Counts, LinkageReport.Build(Input(Alike(), Fragile) with { Seed = 1234 }).Uncertainty.For("YZ-ZLS")!.Stability.Counts);
    }

    [Fact]
    public void Requiring_the_interval_to_pass_turns_a_point_verdict_into_mixed_when_the_interval_straddles()
    {
        var point = LinkageReport.Build(Input(Alike(), Fragile)).Classifications.Single(c => c.Key == "YZ-ZLS");
        Assert.Equal(Verdict.Collaborating, point.Verdict);
        var rule = ClassificationRule.Default with { RequireInterval = true };
        var strict = LinkageReport.Build(Input(Alike(), Fragile, rule)).Classifications.Single(c => c.Key == "YZ-ZLS");
        Assert.Equal(Verdict.Mixed, strict.Verdict);
        Assert.Contains(strict.Reasons, r => r.Key == Classifier.IntervalDissimilarity && r.Args[3] == Classifier.Straddles);
        Assert.Contains(rule.Options(), o => o.Key == ClassificationRule.IntervalText);
        Assert.True(ClassificationRule.FromJson(rule.ToJson()).RequireInterval);
    }

    [Fact]
    public void The_threshold_grid_shows_the_verdict_around_the_current_thresholds()
    {
        // D = 2/3; every firm: research 2 cross + 1 within (share 2/3), supplier 2 cross (share 1.0).
        var grid = LinkageReport.Build(Input(Alike(), Fragile)).Grids.Single(g => g.Key == "YZ-ZLS");
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], grid.Dissimilarity);
        Assert.Equal((2, 2), (grid.CurrentRow, grid.CurrentColumn));
        Assert.Equal(25, grid.Agreeing);   // D 0.67 ≥ 0.5 and both shares ≥ 0.3: collaborating everywhere
        var shifted = ThresholdGrids.Build(LinkageReport.Build(Input(Alike(), Fragile)).Pairs.Single(p => p.Key == "YZ-ZLS"),
            ClassificationRule.Default with { MinDissimilarity = 0.7, CollaboratingShare = 0.7 });
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5, 0.7], shifted.Dissimilarity);
        Assert.Equal((5, 5), (shifted.CurrentRow, shifted.CurrentColumn));
        Assert.Equal(Verdict.Mixed, shifted.At(5, 5));          // D 0.67 < 0.7, not competing either
        Assert.Equal(Verdict.Collaborating, shifted.At(4, 4));
        // At a share threshold of 0.7 only supplier (1.0) is dense: one type, two needed → mixed.
        Assert.Equal(Verdict.Mixed, shifted.At(0, 5));
    }

    // The default guide's aboutPark values (seed/guide.json): F1 asks about ZLS, F2 about YZ, F3 about DX.
    internal static readonly IReadOnlyDictionary<string, string> Relations = new Dictionary<string, string> { ["F1"] = "ZLS", ["F2"] = "YZ", ["F3"] = "DX" };

    // Hand-computed survey fixture for the pair YZ-ZLS (DX firm 9 answers too but is outside the pair).
    internal static readonly SurveyAnswer[] Answers =
    [
        new(1, "ZLS", "A2", "100"), new(1, "ZLS", "C3", """{"ZLS":50,"YZ":30,"BJ":20}"""), new(1, "ZLS", "C4", """{"YZ":100}"""),
        new(1, "ZLS", "D2", "2"), new(1, "ZLS", "D3", "0"), new(1, "ZLS", "F2", "partners"),
        new(2, "ZLS", "A2", "300"), new(2, "ZLS", "C3", """{"ZLS":100}"""), new(2, "ZLS", "C4", """{"DX":50,"CN":50}"""),
        new(2, "ZLS", "D2", "0"), new(2, "ZLS", "D3", "0"), new(2, "ZLS", "F2", "competitors"), new(2, "ZLS", "F3", "partners"),
        new(3, "YZ", "C3", """{"ZLS":10,"YZ":90}"""), new(3, "YZ", "D2", "0"), new(3, "YZ", "D3", "1"), new(3, "YZ", "F1", "both"),
        new(9, "DX", "C3", """{"ZLS":100}"""), new(9, "DX", "F1", "competitors"),
    ];

    [Fact]
    public void Survey_indicators_reproduce_a_hand_computed_fixture()
    {
        var pair = SurveyIndicators.For("YZ-ZLS", ["ZLS", "YZ"], Answers, Relations);
        // C3, other park of the pair: firm 1 0.30 (own 0.50), firm 2 0 (own 1), firm 3 0.10 (own 0.90).
        Assert.Equal(3, pair.Inputs.Firms);
        Assert.Equal(0.4 / 3, pair.Inputs.FirmWeighted, 10);
        Assert.Equal((0.3 * 100 + 0 * 300) / 400, pair.Inputs.EmployeeWeighted, 10);   // firm 3 gave no A2
        Assert.Equal(2, pair.Inputs.EmployeeFirms);
        Assert.Equal(0.4 / 2.8, pair.Inputs.CrossShare, 10);
        Assert.True(pair.Inputs.Interval.Low <= pair.Inputs.FirmWeighted && pair.Inputs.FirmWeighted <= pair.Inputs.Interval.High);
        // C4: firm 1 all to YZ; firm 2's DX and CN are outside the pair.
        Assert.Equal((2, 0.5, 0.25, 1.0), (pair.Sales.Firms, pair.Sales.FirmWeighted, pair.Sales.EmployeeWeighted, pair.Sales.CrossShare));
        Assert.Equal(new MobilityIndicator(3, 2, 1, 2, Intervals.Wilson(2, 3)), pair.Mobility);
        // F: firm 1 about YZ partners, firm 2 about YZ competitors (its F3 is about DX), firm 3 about ZLS both.
        Assert.Equal(new RelationIndicator(3, 1, 1, 1, 0), pair.Relations);
        Assert.Equal(new SurveyNatureCount(2, 2), pair.Relations.Nature);
        var all = SurveyIndicators.For("all", Parks, Answers, Relations);
        Assert.Equal(0.75, all.Sales.FirmWeighted, 10);    // firm 2's DX half counts among three parks
        Assert.Equal(new RelationIndicator(5, 2, 2, 1, 0), all.Relations);
    }

    [Fact]
    public void The_triangulation_table_flags_sources_that_point_different_ways()
    {
        // Coded: supplier cross-cluster share 1.0 (towards collaborating); survey C3: 0.4/2.8 = 0.14 (between).
        var report = LinkageReport.Build(Input(Alike(), Fragile) with { Answers = Answers, RelationQuestions = Relations });
        var supplier = report.Triangulation.Single(r => r.Key == "YZ-ZLS" && r.Indicator == "supplier");
        Assert.Equal(Lean.TowardsCollaborating, supplier.Coded.Lean);
        Assert.Equal(Lean.NoEvidence, supplier.PartnerList.Lean);
        Assert.Equal(Lean.Between, supplier.Survey.Lean);
        Assert.True(supplier.Disagree);
        var nature = report.Triangulation.Single(r => r.Key == "YZ-ZLS" && r.Indicator == Triangulation.Nature);
        Assert.Equal((Lean.TowardsCollaborating, Lean.Between, 3), (nature.Coded.Lean, nature.Survey.Lean, nature.Survey.N));
        var research = report.Triangulation.Single(r => r.Key == "YZ-ZLS" && r.Indicator == "research");
        Assert.False(research.Disagree);   // the survey does not ask about research
    }

    [Fact]
    public void The_rule_can_count_the_survey_answers_and_prints_that_it_does()
    {
        var rule = ClassificationRule.Default with { UseSurveyNature = true };
        var report = LinkageReport.Build(Input(Alike(), Fragile, rule) with { Answers = Answers, RelationQuestions = Relations });
        var pair = report.Classifications.Single(c => c.Key == "YZ-ZLS");
        // Survey partners 2 against competitors 2: not more partners, so not collaborating.
        Assert.Equal(Verdict.Mixed, pair.Verdict);
        Assert.Contains(pair.Reasons, r => r.Key == Classifier.SurveyNatures && r.Args.SequenceEqual(["2", "2"]));
        Assert.Contains(rule.Options(), o => o.Key == ClassificationRule.SurveyText);
        Assert.Empty(ClassificationRule.Default.Options());
        Assert.Equal(1000, report.Uncertainty.For("YZ-ZLS")!.Stability.Counts[Verdict.Mixed] + report.Uncertainty.For("YZ-ZLS")!.Stability.Counts[Verdict.Competing]);
    }
}
