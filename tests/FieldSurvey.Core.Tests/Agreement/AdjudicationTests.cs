using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Agreement;

public sealed class AdjudicationTests
{
    const string Text = "我们有几位生产主管是从大兴的天坛生物跳槽过来的。大兴那边的企业也在抢我们的技术工人。";
    static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    static Segment Coded(int id, string coder, int start, int end, int type, int nature) => new()
    {
        Id = id, TranscriptId = 7, CoderId = coder, Start = start, End = end, Quote = Text[start..end],
        LinkageTypeId = type, PartnerLocationId = 30, PartnerKindId = 40, NatureId = nature, PartnerName = "天坛生物",
    };

    static readonly Segment A = Coded(1, "c1", 0, 24, type: 10, nature: 20);
    static readonly Segment B = Coded(2, "c2", 5, 40, type: 10, nature: 21);

    [Fact]
    public void Accepting_a_coder_copies_their_span_and_codes_into_a_new_consensus_segment()
    {
        var result = Adjudication.Decide(Text, A, B, new Decision(DecisionKind.AcceptB, Note: "nature: competitive"), Now);
        var s = result.Consensus!;
        Assert.True(s.IsConsensus);
        Assert.Null(s.CoderId);
        Assert.Equal((5, 40, 21), (s.Start, s.End, s.NatureId));
        Assert.Equal(Text[5..40], s.Quote);
        Assert.Equal("nature: competitive", s.Memo);
        Assert.Equal(7, s.TranscriptId);
        Assert.Equal(20, A.NatureId); // originals untouched
    }

    [Fact]
    public void Merging_takes_the_union_span_and_each_dimension_from_the_chosen_coder()
    {
        var take = new Dictionary<TermKind, Side> { [TermKind.Nature] = Side.B };
        var s = Adjudication.Decide(Text, A, B, new Decision(DecisionKind.Merge, SpanChoice.Union, take), Now).Consensus!;
        Assert.Equal((0, 40), (s.Start, s.End));
        Assert.Equal(Text[..40], s.Quote);
        Assert.Equal((10, 21), (s.LinkageTypeId, s.NatureId));
    }

    [Fact]
    public void A_new_version_needs_a_linkage_type_and_uses_the_chosen_codes()
    {
        Assert.Contains(Adjudication.NeedsType, Adjudication.Decide(Text, A, null, new Decision(DecisionKind.New), Now).Problems);
        var s = Adjudication.Decide(Text, A, null, new Decision(DecisionKind.New, SpanChoice.A, LinkageTypeId: 11, NatureId: 22, PartnerName: " 天坛 "), Now).Consensus!;
        Assert.Equal((11, 22, null, "天坛"), (s.LinkageTypeId, s.NatureId, s.PartnerKindId, s.PartnerName));
    }

    // Coder A gave themes 100 and 101, coder B 101 and 102: the one both gave (101) survives every choice but "B's" and "A's"
    // pick one side whole; "both" is the union, "neither" keeps only what both gave.
    [Theory]
    [InlineData(DecisionKind.AcceptA, ThemeChoice.B, new[] { 100, 101 })]
    [InlineData(DecisionKind.AcceptB, ThemeChoice.A, new[] { 101, 102 })]
    [InlineData(DecisionKind.Merge, ThemeChoice.A, new[] { 100, 101 })]
    [InlineData(DecisionKind.Merge, ThemeChoice.B, new[] { 101, 102 })]
    [InlineData(DecisionKind.Merge, ThemeChoice.Both, new[] { 100, 101, 102 })]
    [InlineData(DecisionKind.Merge, ThemeChoice.Neither, new[] { 101 })]
    [InlineData(DecisionKind.Reject, ThemeChoice.Both, new int[0])]
    public void The_consensus_carries_the_thematic_codes_the_decision_keeps(DecisionKind kind, ThemeChoice themes, int[] expected)
    {
        var result = Adjudication.Decide(Text, A, B, new Decision(kind, Themes: themes), Now, themesA: [101, 100], themesB: [102, 101]);
        Assert.True(result.Ok);
        Assert.Equal(expected, result.Themes);
    }

    [Fact]
    public void A_new_version_carries_the_thematic_codes_the_PI_chose_and_a_missing_side_gives_none()
    {
        var chosen = Adjudication.Decide(Text, A, B, new Decision(DecisionKind.New, LinkageTypeId: 11, ThemeIds: [105, 103, 105]), Now, [100], [101]);
        Assert.Equal([103, 105], chosen.Themes);
        var onlyA = Adjudication.Decide(Text, A, null, new Decision(DecisionKind.Merge, SpanChoice.A, Themes: ThemeChoice.B), Now, [100], [101]);
        Assert.Empty(onlyA.Themes);
    }

    [Fact]
    public void Accepting_a_coder_who_did_not_code_the_passage_is_refused()
    {
        var result = Adjudication.Decide(Text, A, null, new Decision(DecisionKind.AcceptB), Now);
        Assert.False(result.Ok);
        Assert.Equal([Adjudication.NoSideB], result.Problems);
    }

    [Fact]
    public void Rejecting_produces_no_segment()
    {
        var result = Adjudication.Decide(Text, A, B, new Decision(DecisionKind.Reject), Now);
        Assert.True(result.Ok);
        Assert.Null(result.Consensus);
    }

    [Fact]
    public void A_span_beyond_the_current_text_is_refused() =>
        Assert.Equal([Adjudication.SpanOutside], Adjudication.Decide(Text[..10], A, null, new Decision(DecisionKind.AcceptA), Now).Problems);

    [Fact]
    public void Changing_a_decision_rewrites_the_consensus_segment_in_place()
    {
        var first = Adjudication.Decide(Text, A, B, new Decision(DecisionKind.AcceptA), Now).Consensus!;
        first.Id = 99;
        first.DeletedAtUtc = Now;
        Adjudication.CopyInto(first, Adjudication.Decide(Text, A, B, new Decision(DecisionKind.AcceptB), Now).Consensus!);
        Assert.Equal((99, 5, 21, (DateTimeOffset?)null), (first.Id, first.Start, first.NatureId, first.DeletedAtUtc));
    }
}
