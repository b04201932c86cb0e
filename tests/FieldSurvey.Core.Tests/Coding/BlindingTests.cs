using FieldSurvey.Core.Coding;

namespace FieldSurvey.Core.Tests.Coding;

public sealed class BlindingTests
{
    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, true)]
    public void A_coder_sees_the_other_coders_segments_only_when_both_have_finished(bool aDone, bool bDone, bool sees)
    {
        AssignmentState[] assignments = [new("a", aDone), new("b", bDone)];
        Assert.Equal(sees, Blinding.CanSeeSegment("a", false, "b", assignments));
        Assert.True(Blinding.CanSeeSegment("a", false, "a", assignments));
    }

    [Fact]
    public void A_coder_not_assigned_sees_nothing_and_a_PI_sees_everything()
    {
        AssignmentState[] assignments = [new("a", true), new("b", true)];
        Assert.False(Blinding.CanSeeSegment("c", false, "a", assignments));
        Assert.True(Blinding.CanSeeSegment("pi", true, "a", assignments));
    }
}
