using FieldSurvey.Core.Synthetic;

namespace FieldSurvey.Core.Tests.Synthetic;

public sealed class SyntheticStudyTests
{
    static readonly SyntheticVocabulary Vocabulary = new(["DX", "YZ", "ZLS"], ["research", "supplier", "customer", "labour", "knowledge"],
        ["ZLS", "YZ", "DX", "BJ", "CN", "ABROAD"], ["firm", "university"], ["collaborative", "competitive", "neutral"],
        ["biopharma", "devices"], ["rd", "manufacturing"]);

    static (IReadOnlyList<SyntheticFirm>, List<SyntheticInterview>) Make(int seed)
    {
        var study = new SyntheticStudy(Vocabulary, seed);
        var plan = SyntheticPlan.For(SyntheticSize.Small);
        var firms = study.Firms(plan);
        return (firms, study.Interviews(plan, firms).ToList());
    }

    [Fact]
    public void The_same_seed_gives_the_same_study()
    {
        var (firmsA, interviewsA) = Make(7);
        var (firmsB, interviewsB) = Make(7);
        Assert.Equal(firmsA, firmsB);
        Assert.Equal(interviewsA.Select(i => i.Transcript), interviewsB.Select(i => i.Transcript));
        Assert.NotEqual(interviewsA.Select(i => i.Transcript), Make(8).Item2.Select(i => i.Transcript));
    }

    [Fact]
    public void Every_segment_quote_is_the_transcript_text_at_its_offsets()
    {
        foreach (var interview in Make(1).Item2)
        foreach (var s in interview.Segments)
            Assert.Equal(s.Quote, interview.Transcript[s.Start..s.End]);
    }

    [Fact]
    public void The_two_coders_disagree_on_some_passages_but_not_most()
    {
        var segments = Make(3).Item2.SelectMany(i => i.Segments.Select(s => (i.FirmIndex, s))).ToList();
        var planted = segments.Where(x => x.s.Coder == 1).ToList();
        var matched = planted.Count(p => segments.Any(o => o.s.Coder == 0 && o.FirmIndex == p.FirmIndex && o.s.Start == p.s.Start && o.s.Codes == p.s.Codes));
        Assert.InRange(matched / (double)planted.Count, 0.6, 0.97);
        Assert.Contains(interviewsHaveChinese(), c => c);

        IEnumerable<bool> interviewsHaveChinese() => Make(3).Item2.Select(i => i.Transcript.Any(ch => ch >= '\u4e00' && ch <= '\u9fff'));
    }
}
