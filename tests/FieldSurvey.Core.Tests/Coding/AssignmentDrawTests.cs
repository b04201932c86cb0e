using FieldSurvey.Core.Coding;

namespace FieldSurvey.Core.Tests.Coding;

public sealed class AssignmentDrawTests
{
    static readonly int[] Twelve = Enumerable.Range(1, 12).ToArray();

    [Fact]
    public void The_same_seed_draws_the_same_transcripts_for_double_coding()
    {
        var a = AssignmentDraw.Draw(Twelve, ["c1", "c2", "c3"], 0.2, new Random(42));
        var b = AssignmentDraw.Draw(Twelve, ["c1", "c2", "c3"], 0.2, new Random(42));
        Assert.Equal(a.Select(x => string.Join(",", x.CoderIds)), b.Select(x => string.Join(",", x.CoderIds)));
    }

    [Theory]
    [InlineData(0.2, 2)]   // 20 % of 12 = 2.4 → 2
    [InlineData(0.25, 3)]
    [InlineData(0.5, 6)]
    [InlineData(0.0, 0)]
    [InlineData(0.01, 1)]  // a share above zero draws at least one
    public void The_share_sets_how_many_transcripts_get_two_coders(double share, int expected)
    {
        var drawn = AssignmentDraw.Draw(Twelve, ["c1", "c2"], share, new Random(7));
        Assert.Equal(12, drawn.Count);
        Assert.Equal(expected, drawn.Count(d => d.CoderIds.Count == 2));
    }

    [Fact]
    public void First_coders_go_round_robin_and_a_second_coder_is_always_a_different_person()
    {
        var drawn = AssignmentDraw.Draw(Twelve, ["c1", "c2", "c3"], 0.5, new Random(1));
        Assert.Equal(["c1", "c2", "c3", "c1"], drawn.Take(4).Select(d => d.CoderIds[0]));
        Assert.All(drawn.Where(d => d.CoderIds.Count == 2), d => Assert.NotEqual(d.CoderIds[0], d.CoderIds[1]));
        Assert.All(drawn.GroupBy(d => d.CoderIds[0]), g => Assert.Equal(4, g.Count()));
    }

    [Fact]
    public void One_coder_gets_everything_and_nothing_is_double_coded()
    {
        var drawn = AssignmentDraw.Draw(Twelve, ["c1"], 0.5, new Random(1));
        Assert.All(drawn, d => Assert.Equal(["c1"], d.CoderIds));
    }
}
