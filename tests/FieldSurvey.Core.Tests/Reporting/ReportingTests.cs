using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Reporting;

public sealed class ReportingTests
{
    static readonly string[] Parks = ["ZLS", "YZ", "DX"];
    static readonly string[] Locations = ["ZLS", "YZ", "DX", "BJ", "CN", "ABROAD"];
    static readonly string[] Types = ["research", "supplier", "customer", "labour", "knowledge"];
    static readonly string[] Activities = ["rd", "clinical", "manufacturing", "sales", "services"];

    static int next;
    static Mention M(int firm, string focal, string location, string type, string? nature = null,
        MentionSource source = MentionSource.Coded)
    {
        var partnerPark = Parks.Contains(location) ? location : null;
        var scope = partnerPark is null
            ? location switch { "BJ" => Scope.Metropolitan, "CN" => Scope.National, _ => Scope.International }
            : partnerPark == focal ? Scope.WithinCluster : Scope.CrossCluster;
        return new Mention(firm, focal, location, partnerPark, scope, type, nature, source, ++next, "quote");
    }

    [Fact]
    public void The_matrix_counts_mentions_and_distinct_firms_with_row_shares()
    {
        // ZLS firm 1 mentions YZ twice and BJ once; ZLS firm 2 mentions YZ once; YZ firm 3 mentions ZLS once.
        Mention[] mentions = [M(1, "ZLS", "YZ", "research"), M(1, "ZLS", "YZ", "research"), M(1, "ZLS", "BJ", "supplier"),
            M(2, "ZLS", "YZ", "research"), M(3, "YZ", "ZLS", "labour")];
        var total = LinkageMatrix.Build(mentions, Parks, Locations);
        Assert.Equal(new Count(3, 2), total.Cell("ZLS", "YZ"));
        Assert.Equal(new Count(1, 1), total.Cell("ZLS", "BJ"));
        Assert.Equal(new Count(4, 2), total.RowTotals[0]);
        Assert.Equal(0.75, total.RowShare(0, 1), 10);
        Assert.True(double.IsNaN(total.RowShare(2, 0)));
        Assert.Equal(new Count(5, 3), total.Total);
        var research = LinkageMatrix.Build(mentions, Parks, Locations, "research");
        Assert.Equal(new Count(3, 2), research.Total);
        Assert.Equal(new Count(0, 0), research.Cell("YZ", "ZLS"));
    }

    [Fact]
    public void Scope_shares_divide_a_parks_mentions_by_scope()
    {
        Mention[] mentions = [M(1, "ZLS", "ZLS", "research"), M(1, "ZLS", "YZ", "research"), M(1, "ZLS", "BJ", "supplier"), M(2, "ZLS", "ABROAD", "customer")];
        var zls = ScopeShares.Build(mentions, Parks)[0];
        Assert.Equal(0.25, zls.Share(Scope.WithinCluster));
        Assert.Equal(0.25, zls.Share(Scope.CrossCluster));
        Assert.Equal(0.25, zls.Share(Scope.International));
        Assert.Equal(0, zls.Share(Scope.National));
    }

    [Fact]
    public void Duncans_index_is_half_the_sum_of_absolute_profile_differences()
    {
        // ZLS: 2 firms, both R&D, one also clinical → (2/3, 1/3, 0, 0, 0).
        // YZ: 2 firms: manufacturing+sales, manufacturing → (0, 0, 2/3, 1/3, 0). No overlap → 1.
        FirmProfile[] firms = [new(1, "ZLS", ["rd"]), new(2, "ZLS", ["rd", "clinical"]),
            new(3, "YZ", ["manufacturing", "sales"]), new(4, "YZ", ["manufacturing"]), new(5, "DX", ["rd", "manufacturing"])];
        var zls = Indicators.Profile(firms, "ZLS", Activities);
        var yz = Indicators.Profile(firms, "YZ", Activities);
        var dx = Indicators.Profile(firms, "DX", Activities);
        Assert.Equal([2 / 3.0, 1 / 3.0, 0, 0, 0], zls);
        Assert.Equal(1.0, Indicators.Duncan(zls, yz), 10);
        // DX (1/2, 0, 1/2, 0, 0) vs ZLS: ½(|1/2−2/3| + 1/3 + 1/2) = ½(1/6 + 1/3 + 1/2) = 0.5.
        Assert.Equal(0.5, Indicators.Duncan(dx, zls), 10);
        Assert.True(double.IsNaN(Indicators.Duncan(zls, new double[5])));
    }

    [Fact]
    public void Cross_cluster_share_ignores_mentions_outside_the_study_parks()
    {
        // Research: within 1 (ZLS→ZLS), cross 3 (ZLS→YZ twice by firm 1, YZ→ZLS by firm 3); BJ, CN, abroad ignored.
        Mention[] mentions = [M(1, "ZLS", "ZLS", "research"), M(1, "ZLS", "YZ", "research"), M(1, "ZLS", "YZ", "research"),
            M(3, "YZ", "ZLS", "research"), M(1, "ZLS", "BJ", "research"), M(3, "YZ", "CN", "research"), M(3, "YZ", "ABROAD", "research")];
        var set = Indicators.For("all", Parks, Parks, mentions, [], Types, Activities);
        var research = set.Shares.Single(s => s.LinkageType == "research");
        Assert.Equal((1, 3, 2), (research.Within, research.Cross, research.CrossFirms));
        Assert.Equal(0.75, research.Share);
        Assert.True(double.IsNaN(set.Shares.Single(s => s.LinkageType == "labour").Share));
        // For the pair ZLS–DX nothing crosses: the ZLS→YZ mentions are outside the pair.
        var pair = Indicators.For("DX-ZLS", ["ZLS", "DX"], ["ZLS", "DX"], mentions, [], Types, Activities);
        Assert.Equal(0, pair.Shares.Single(s => s.LinkageType == "research").Share);
    }

    [Fact]
    public void Nature_and_labour_mobility_count_cross_cluster_mentions_only()
    {
        Mention[] mentions = [M(1, "ZLS", "YZ", "labour", "competitive"), M(2, "ZLS", "YZ", "labour", "collaborative"),
            M(2, "ZLS", "ZLS", "labour", "competitive"), M(3, "YZ", "DX", "research", "collaborative")];
        var set = Indicators.For("all", Parks, Parks, mentions, [], Types, Activities);
        Assert.Equal((2, 1), (set.Collaborative, set.Competitive));
        Assert.Equal(new Count(2, 2), set.Labour);
    }

    static IndicatorSet Evidence(double dissimilarity, double[] shares, int collaborative, int competitive, int mentions = 20, int firms = 5) =>
        new("YZ-ZLS", ["YZ", "ZLS"], dissimilarity,
            shares.Select((s, i) => new TypeShare(Types[i], 100 - (int)(s * 100), (int)(s * 100), 3)).ToList(),
            collaborative, competitive, new Count(0, 0),
            new Dictionary<string, int> { ["YZ"] = mentions, ["ZLS"] = mentions },
            new Dictionary<string, int> { ["YZ"] = firms, ["ZLS"] = firms });

    public static TheoryData<double, double[], int, int, int, int, Verdict> Verdicts => new()
    {
        { 0.45, [0.30, 0.25, 0.05, 0.00, 0.10], 8, 2, 20, 5, Verdict.Collaborating },
        { 0.20, [0.05, 0.05, 0.00, 0.09, 0.02], 5, 1, 20, 5, Verdict.Competing },   // sparse in every type
        { 0.20, [0.30, 0.25, 0.30, 0.30, 0.30], 1, 4, 20, 5, Verdict.Competing },   // competitive outnumber
        { 0.45, [0.30, 0.05, 0.05, 0.00, 0.00], 8, 2, 20, 5, Verdict.Mixed },       // dense in one type only
        { 0.20, [0.30, 0.25, 0.30, 0.30, 0.30], 4, 1, 20, 5, Verdict.Mixed },       // similar but linked
        { 0.45, [0.30, 0.25, 0.05, 0.00, 0.10], 8, 2, 9, 5, Verdict.InsufficientEvidence },
        { 0.45, [0.30, 0.25, 0.05, 0.00, 0.10], 8, 2, 20, 2, Verdict.InsufficientEvidence },
        { double.NaN, [0.30, 0.25, 0.05, 0.00, 0.10], 8, 2, 20, 5, Verdict.InsufficientEvidence },
    };

    [Theory, MemberData(nameof(Verdicts))]
    public void Each_branch_of_the_default_rule_gives_its_verdict_with_reasons(double d, double[] shares, int collab, int compet,
        int mentions, int firms, Verdict expected)
    {
        var result = Classifier.Classify(Evidence(d, shares, collab, compet, mentions, firms), ClassificationRule.Default);
        Assert.Equal(expected, result.Verdict);
        Assert.NotEmpty(result.Reasons);
        Assert.Contains("0.30", result.Rule.Args);
        Assert.Equal(ClassificationRule.StatementKey, result.Rule.Key);
    }

    [Fact]
    public void The_reasons_name_the_numbers_that_decided()
    {
        var result = Classifier.Classify(Evidence(0.45, [0.30, 0.25, 0.05, 0, 0.1], 8, 2), ClassificationRule.Default);
        Assert.Contains(result.Reasons, r => Text(r).Contains("0.45") && Text(r).Contains("≥ 0.30"));
        Assert.Contains(result.Reasons, r => Text(r).Contains("research 0.30") && Text(r).Contains("supplier 0.25"));
        Assert.Contains(result.Reasons, r => Text(r).Contains("8") && Text(r).Contains("2"));
    }

    [Fact]
    public void Changing_a_threshold_flips_the_verdict()
    {
        var evidence = Evidence(0.45, [0.30, 0.25, 0.05, 0, 0.1], 8, 2);
        Assert.Equal(Verdict.Collaborating, Classifier.Classify(evidence, ClassificationRule.Default).Verdict);
        var stricter = ClassificationRule.Default with { MinDissimilarity = 0.5 };
        Assert.Equal(Verdict.Mixed, Classifier.Classify(evidence, stricter).Verdict);
        var moreData = ClassificationRule.Default with { MinMentionsPerPark = 50 };
        Assert.Equal(Verdict.InsufficientEvidence, Classifier.Classify(evidence, moreData).Verdict);
    }

    [Fact]
    public void The_rule_round_trips_through_json_and_falls_back_to_the_default()
    {
        var rule = ClassificationRule.Default with { MinDissimilarity = 0.4, MinFirmsPerPark = 7 };
        Assert.Equal(rule, ClassificationRule.FromJson(rule.ToJson()));
        Assert.Equal(ClassificationRule.Default, ClassificationRule.FromJson(null));
        Assert.Equal(ClassificationRule.Default, ClassificationRule.FromJson("{not json"));
        Assert.Contains("7 interviewed firms", Text(rule.Statement()));
    }

    [Fact]
    public void Consensus_segments_without_recorded_decisions_stand_for_the_whole_transcript()
    {
        // Imported adjudication (REFI-QDA): consensus but no decisions, so we cannot tell which units it settles.
        CodedSegmentRef[] segments = [new(1, "a", false), new(2, "b", false), new(3, null, true)];
        var (basis, counted) = CountingRule.Choose(segments, ["a", "b"]);
        Assert.Equal(TranscriptBasis.Complete, basis);
        Assert.Equal([3], counted.Select(s => s.Id));
    }

    [Fact]
    public void A_double_coded_transcript_without_decisions_counts_the_first_assigned_coder_provisionally()
    {
        CodedSegmentRef[] segments = [new(1, "a", false), new(2, "b", false), new(3, "b", false)];
        var result = CountingRule.Count(segments, ["b", "a"], []);
        Assert.Equal(TranscriptBasis.None, result.Basis);
        Assert.Equal([new CountedSegment(2, true), new CountedSegment(3, true)], result.Counted);
        Assert.Equal([new CountedSegment(1, false)], CountingRule.Count([new(1, "a", false)], [], []).Counted);
        Assert.Equal(TranscriptBasis.SingleCoder, CountingRule.Count([new(1, "a", false)], [], []).Basis);
        Assert.Equal(TranscriptBasis.Uncoded, CountingRule.Count([], [], []).Basis);
    }

    [Fact]
    public void Partial_adjudication_counts_each_unit_by_its_decision_and_the_undecided_ones_provisionally()
    {
        // Three units, coders a (assigned first) and b. Unit 1 (segments 1, 2): accepted, consensus segment 7.
        // Unit 2 (3, 4): rejected. Unit 3 (5, 6): undecided. By hand: 7 counts (decided), 3/4 count nothing,
        // 5 counts provisionally (a's), 6 does not (b is not the counting coder): two passages, one provisional.
        CodedSegmentRef[] segments = [new(1, "a", false), new(2, "b", false), new(3, "a", false), new(4, "b", false),
            new(5, "a", false), new(6, "b", false), new(7, null, true)];
        UnitDecisionRef[] decisions = [new(1, 2, false, 7), new(3, 4, true, null)];
        var result = CountingRule.Count(segments, ["a", "b"], decisions);
        Assert.Equal(TranscriptBasis.Partial, result.Basis);
        Assert.Equal([new CountedSegment(7, false), new CountedSegment(5, true)], result.Counted);
    }

    [Fact]
    public void Rejecting_every_unit_counts_nothing_and_does_not_fall_back_to_the_first_coder()
    {
        CodedSegmentRef[] segments = [new(1, "a", false), new(2, "b", false), new(3, "a", false)];
        // The second unit's decision was first an acceptance (consensus 9, since deleted), then a rejection.
        UnitDecisionRef[] decisions = [new(1, 2, true, null), new(3, null, true, 9)];
        var result = CountingRule.Count(segments, ["a", "b"], decisions);
        Assert.Equal(TranscriptBasis.Complete, result.Basis);
        Assert.Empty(result.Counted);
    }

    [Fact]
    public void A_unit_only_the_other_coder_marked_counts_nothing_until_decided()
    {
        // Unit 1 (1, 2) accepted as consensus 5; unit 2 is b's segment 3 alone, undecided: a has nothing there.
        var result = CountingRule.Count([new(1, "a", false), new(2, "b", false), new(3, "b", false), new(5, null, true)], ["a", "b"],
            [new UnitDecisionRef(1, 2, false, 5)]);
        Assert.Equal(TranscriptBasis.Partial, result.Basis);
        Assert.Equal([new CountedSegment(5, false)], result.Counted);
    }

    [Fact]
    public void Disagreements_list_what_only_one_source_mentions_for_firms_with_both_sources()
    {
        Mention[] mentions = [M(1, "YZ", "ZLS", "research"), M(1, "YZ", "ZLS", "research", source: MentionSource.PartnerList),
            M(1, "YZ", "DX", "labour"), M(1, "YZ", "BJ", "customer", source: MentionSource.PartnerList),
            M(2, "ZLS", "YZ", "labour")]; // firm 2 has no partner list: not compared
        var found = SourceComparison.Disagreements(mentions);
        Assert.Equal([new Disagreement(1, "customer", "BJ", 0, 1), new Disagreement(1, "labour", "DX", 1, 0)], found);
    }

    [Fact]
    public void The_report_counts_only_the_chosen_source_and_classifies_the_configuration_and_each_pair()
    {
        Mention[] mentions = [M(1, "YZ", "ZLS", "research"), M(1, "YZ", "ZLS", "research", source: MentionSource.PartnerList)];
        var input = new ReportInput(Parks.Select(p => new Label(p, p, p)).ToList(), Locations.Select(l => new Label(l, l, l)).ToList(),
            Types.Select(t => new Label(t, t, t)).ToList(), Activities.Select(a => new Label(a, a, a)).ToList(), mentions, [],
            new Dictionary<TranscriptBasis, int>(), ClassificationRule.Default, SourceFilter.Coded);
        var report = LinkageReport.Build(input);
        Assert.Equal(1, report.Total.Total.Mentions);
        Assert.Equal(["all", "DX-YZ", "DX-ZLS", "YZ-ZLS"], report.Classifications.Select(c => c.Key).Order());
        Assert.All(report.Classifications, c => Assert.Equal(Verdict.InsufficientEvidence, c.Verdict));
    }

    static Mention Named(int firm, string focal, string location, string type, string partner, MentionSource source = MentionSource.Coded, bool provisional = false) =>
        M(firm, focal, location, type, source: source) with { PartnerName = partner, Provisional = provisional };

    [Fact]
    public void The_combined_view_counts_one_relation_once_across_both_sources()
    {
        // Firm 1 names 天坛生物 (DX) for labour in two passages and in its partner list: one relation. The same partner
        // for research is a second relation; firm 2 naming it is a third; a passage with no partner name stays alone.
        Mention[] mentions = [Named(1, "YZ", "DX", "labour", "天坛生物", provisional: true), Named(1, "YZ", "DX", "labour", " 天坛生物 "),
            Named(1, "YZ", "DX", "labour", "天坛生物", MentionSource.PartnerList), Named(1, "YZ", "DX", "research", "天坛生物"),
            Named(2, "ZLS", "DX", "labour", "天坛生物"), M(1, "YZ", "DX", "labour")];
        var combined = Relations.Combine(mentions);
        Assert.Equal(4, combined.Count);
        // The kept mention of the first relation is the decided passage, not the provisional one or the list row.
        Assert.Same(mentions[1], combined[0]);
        var report = LinkageReport.Build(Input(mentions, SourceFilter.Both));
        Assert.Equal(4, report.Total.Total.Mentions);
        Assert.Equal(new Count(1, 1), report.ByType.Single(m => m.LinkageType == "labour").Cell("ZLS", "DX"));
        Assert.Equal(new Count(2, 1), report.ByType.Single(m => m.LinkageType == "labour").Cell("YZ", "DX"));
        // Side by side: 5 coded passages, 1 partner-list row, 4 relations combined.
        Assert.Equal([5, 1, 4], report.Sides!.Select(x => x.Total.Mentions));
        Assert.Equal(5, LinkageReport.Build(Input(mentions, SourceFilter.Coded)).Total.Total.Mentions);
    }

    static ReportInput Input(IReadOnlyList<Mention> mentions, SourceFilter sources, IReadOnlyList<FirmProfile>? firms = null) =>
        new(Parks.Select(p => new Label(p, p, p)).ToList(), Locations.Select(l => new Label(l, l, l)).ToList(),
            Types.Select(t => new Label(t, t, t)).ToList(), Activities.Select(a => new Label(a, a, a)).ToList(), mentions, firms ?? [],
            new Dictionary<TranscriptBasis, int>(), ClassificationRule.Default, sources);

    [Fact]
    public void The_three_park_dissimilarity_is_the_lowest_pair_so_an_identical_pair_is_not_averaged_away()
    {
        // ZLS and YZ: both R&D only → profiles (1,0,0,0,0): Duncan 0. DX: manufacturing only → 1 against each.
        // By hand: pairs DX-YZ 1, DX-ZLS 1, YZ-ZLS 0; the mean would be 0.667 (≥ 0.3, "complementary"); the rule gives 0.
        FirmProfile[] firms = [new(1, "ZLS", ["rd"]), new(2, "YZ", ["rd"]), new(3, "DX", ["manufacturing"])];
        var all = Indicators.For("all", Parks, Parks, [], firms, Types, Activities);
        Assert.Equal([new PairIndex("DX-YZ", 1), new PairIndex("DX-ZLS", 1), new PairIndex("YZ-ZLS", 0)], all.PairIndices);
        Assert.Equal(0, all.Dissimilarity);
        Assert.Equal("YZ-ZLS", all.LowestPair);
        var report = LinkageReport.Build(Input([], SourceFilter.Both, firms));
        Assert.Equal([1.0, 1.0, 0.0], report.Pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Dissimilarity));
        var reasons = Classifier.Classify(all, ClassificationRule.Default with { MinMentionsPerPark = 0, MinFirmsPerPark = 0 }).Reasons;
        Assert.Contains(reasons, r => Text(r).Contains("most similar pair, YZ-ZLS") && Text(r).Contains("DX-YZ 1.00"));
    }

    [Fact]
    public void A_linkage_type_without_within_or_cross_cluster_mentions_is_no_evidence_not_a_share_of_zero()
    {
        // Similar parks (0.20), no competitive mentions. Research: 5 within, 0 cross → share 0 (evidence, sparse).
        // Every other type: 0 within, 0 cross → no evidence. Before: all five read as 0 → "sparse in every type" →
        // competing. Now: research alone is sparse, so competing still holds on real evidence...
        var oneType = new IndicatorSet("YZ-ZLS", ["YZ", "ZLS"], 0.20,
            Types.Select((t, i) => new TypeShare(t, i == 0 ? 5 : 0, 0, 0)).ToList(), 1, 0, new Count(0, 0),
            new Dictionary<string, int> { ["YZ"] = 20, ["ZLS"] = 20 }, new Dictionary<string, int> { ["YZ"] = 5, ["ZLS"] = 5 });
        var result = Classifier.Classify(oneType, ClassificationRule.Default);
        Assert.Equal(Verdict.Competing, result.Verdict);
        Assert.True(oneType.Shares[1].NoEvidence);
        Assert.Contains(result.Reasons, r => Text(r).Contains("No evidence") && Text(r).Contains("supplier, customer, labour, knowledge"));
        // ...but with no evidence in any type there is nothing to call sparse: mixed, not competing.
        var none = oneType with { Shares = Types.Select(t => new TypeShare(t, 0, 0, 0)).ToList() };
        var nothing = Classifier.Classify(none, ClassificationRule.Default);
        Assert.Equal(Verdict.Mixed, nothing.Verdict);
        Assert.Contains(nothing.Reasons, r => r.Key == Classifier.NothingToCompare);
    }

    [Fact]
    public void Every_reason_comes_as_a_code_with_its_figures()
    {
        var result = Classifier.Classify(Evidence(0.45, [0.30, 0.25, 0.05, 0, 0.1], 8, 2), ClassificationRule.Default);
        Assert.All(result.Reasons, c => Assert.Contains(c.Key, Classifier.ReasonKeys));
        Assert.All(result.Reasons, c => Assert.DoesNotContain("{", Text(c)));
    }

    /// <summary>A reason's sentence as the English string table prints it (the key is the English text).</summary>
    static string Text(Reason r) => string.Format(System.Globalization.CultureInfo.InvariantCulture, r.Key, r.Args);
}
