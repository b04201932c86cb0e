using FieldSurvey.Core.Coding;

namespace FieldSurvey.Core.Tests.Coding;

public sealed class SegmentRulesTests
{
    const string Text = "受访者：我们和𠀀北京大学合作。Partner 😀 ok";

    [Theory]
    [InlineData(4, 7, "我们和", null)]
    [InlineData(4, 9, "我们和𠀀", null)]                         // the Extension B character is two UTF-16 units
    [InlineData(4, 8, "我们和\uD840", SegmentRules.SplitsCharacter)]  // ends inside the surrogate pair
    [InlineData(8, 11, "\uDC00北京", SegmentRules.SplitsCharacter)]   // starts inside it
    [InlineData(4, 7, "我们与", SegmentRules.QuoteMismatch)]
    [InlineData(5, 5, "", SegmentRules.BadOffsets)]
    [InlineData(-1, 3, "受访者", SegmentRules.BadOffsets)]
    public void A_span_must_lie_in_the_text_on_character_boundaries_and_match_its_quote(int start, int end, string quote, string? problem) =>
        Assert.Equal(problem, SegmentRules.CheckSpan(Text, start, end, quote));

    [Fact]
    public void An_emoji_is_kept_whole()
    {
        var start = Text.IndexOf("😀", StringComparison.Ordinal);
        Assert.Null(SegmentRules.CheckSpan(Text, start, start + 2, "😀"));
        Assert.Equal(SegmentRules.SplitsCharacter, SegmentRules.CheckSpan(Text, start, start + 1, "\uD83D"));
    }

    [Fact]
    public void Context_shows_the_text_either_side_without_splitting_a_surrogate_pair()
    {
        var start = Text.IndexOf("北京", StringComparison.Ordinal);
        var (before, quote, after) = SegmentRules.InContext(Text, start, start + 4, 1);
        Assert.Equal("…𠀀", before); // widened by one unit rather than cut the pair
        Assert.Equal("北京大学", quote);
        Assert.Equal("合…", after);
    }
}
