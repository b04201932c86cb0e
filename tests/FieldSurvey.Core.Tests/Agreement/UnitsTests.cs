using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Agreement;

public sealed class UnitsTests
{
    static CodedSpan Span(int id, int start, int end, string? type = "research", string? location = "ZLS", string? kind = "firm", string? nature = "collaborative") =>
        new(id, start, end, type, location, kind, nature);

    [Theory]
    [InlineData(0, 10, 0, 20, OverlapMeasure.ShorterSpan, 1.0)]
    [InlineData(0, 10, 0, 20, OverlapMeasure.Jaccard, 0.5)]
    [InlineData(0, 10, 5, 15, OverlapMeasure.ShorterSpan, 0.5)]
    [InlineData(0, 10, 5, 15, OverlapMeasure.Jaccard, 5.0 / 15)]
    [InlineData(0, 10, 10, 20, OverlapMeasure.ShorterSpan, 0.0)]
    public void Overlap_is_measured_by_the_chosen_rule(int s1, int e1, int s2, int e2, OverlapMeasure measure, double expected) =>
        Assert.Equal(expected, Units.Overlap(Span(1, s1, e1), Span(2, s2, e2), measure), 10);

    [Fact]
    public void Overlapping_spans_become_one_unit_and_the_rest_are_not_coded_by_the_other()
    {
        var units = Units.Match([Span(1, 0, 10), Span(2, 50, 60, type: "labour")], [Span(3, 0, 20), Span(4, 100, 110)], MatchRule.Default);
        Assert.Equal(3, units.Count);
        Assert.True(units[0].IsMatched);
        Assert.Equal(["labour", Units.NotCoded], units[1].Values(TermKind.LinkageType));
        Assert.Equal([Units.NotCoded, "research"], units[2].Values(TermKind.LinkageType));
        Assert.False(units[0].Disagrees);
        Assert.True(units[1].Disagrees);
    }

    [Fact]
    public void Spans_below_the_minimum_overlap_stay_apart()
    {
        Assert.Single(Units.Match([Span(1, 0, 10)], [Span(2, 5, 15)], new MatchRule(OverlapMeasure.ShorterSpan, 0.5)));
        Assert.Equal(2, Units.Match([Span(1, 0, 10)], [Span(2, 5, 15)], new MatchRule(OverlapMeasure.Jaccard, 0.5)).Count);
    }

    [Fact]
    public void Matching_is_one_to_one_and_takes_the_best_overlap_first()
    {
        // B's span 2 overlaps A's 1 (10 of 10) better than A's 3 (5 of 10); A's 3 is left "not coded" by B.
        var units = Units.Match([Span(1, 0, 10), Span(3, 15, 25)], [Span(2, 0, 20)], new MatchRule(OverlapMeasure.ShorterSpan, 0.4));
        Assert.Equal(2, units.Count);
        Assert.Equal((1, 2), (units[0].A!.SegmentId, units[0].B!.SegmentId));
        Assert.Null(units[1].B);
    }

    [Fact]
    public void A_blank_dimension_is_missing_for_its_value_and_for_the_presence_of_each_code()
    {
        var unit = Units.Match([Span(1, 0, 10, nature: null)], [Span(2, 0, 10)], MatchRule.Default).Single();
        Assert.Equal([null, "collaborative"], unit.Values(TermKind.Nature));
        Assert.Equal([null, Units.Yes], unit.Presence(TermKind.Nature, "collaborative"));
        Assert.Equal([null, Units.No], unit.Presence(TermKind.Nature, "competitive"));
        Assert.True(unit.Disagrees);
    }

    [Fact]
    public void A_minimum_overlap_outside_zero_to_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Units.Match([], [], new MatchRule(OverlapMeasure.Jaccard, 0)));

    [Fact]
    public void A_theme_on_one_coders_segment_only_makes_a_disagreement_even_when_every_dimension_agrees()
    {
        static CodedSpan With(int id, params string[] themes) => Span(id, 0, 10) with { Themes = themes.ToHashSet(StringComparer.Ordinal) };
        var differ = Units.Match([With(1, "tax")], [With(2, "tax", "talent")], MatchRule.Default).Single();
        Assert.True(differ.ThemesDisagree);
        Assert.True(differ.Disagrees);
        var same = Units.Match([With(3, "talent", "tax")], [With(4, "tax", "talent")], MatchRule.Default).Single();
        Assert.False(same.ThemesDisagree);
        Assert.False(same.Disagrees);
    }
}
