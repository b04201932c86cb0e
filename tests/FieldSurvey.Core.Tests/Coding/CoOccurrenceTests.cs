using FieldSurvey.Core.Coding;

namespace FieldSurvey.Core.Tests.Coding;

/// <summary>
/// A fixture worked by hand. Codes: 1 research (a linkage type), 10 talent policy and 11 location reasons (themes).
/// Transcript 1, firm 1, ZLS: coder c1 codes [0,10) {1,10} and [5,15) {11}, which overlap (stretch S1 {1,10,11}); [20,30) {1}
/// (S2) and [30,40) {11}, which only touches it (S3); coder c2 codes [0,10) {1,11} (S4: coders are kept apart).
/// Transcript 2, firm 2, ZLS: [0,5) {10} (S5). Transcript 3, firm 3, YZ: [0,8) {1,10} and [2,4) {10} inside it (S6).
/// Six stretches; ZLS has two coded firms, YZ one.
/// </summary>
public sealed class CoOccurrenceTests
{
    static readonly CodedPassage[] Fixture =
    [
        new(1, 1, "c1", 1, "ZLS", 0, 10, [1, 10]),
        new(2, 1, "c1", 1, "ZLS", 5, 15, [11]),
        new(3, 1, "c1", 1, "ZLS", 20, 30, [1]),
        new(4, 1, "c1", 1, "ZLS", 30, 40, [11]),
        new(5, 1, "c2", 1, "ZLS", 0, 10, [1, 11]),
        new(6, 2, "c1", 2, "ZLS", 0, 5, [10]),
        new(7, 3, "c1", 3, "YZ", 0, 8, [1, 10]),
        new(8, 3, "c1", 3, "YZ", 2, 4, [10]),
    ];

    [Theory]
    [InlineData(1, 1, 4, 2, 4 / 6.0)]     // S1, S2, S4 of firm 1 and S6 of firm 3
    [InlineData(10, 10, 3, 3, 3 / 6.0)]
    [InlineData(11, 11, 3, 1, 3 / 6.0)]
    [InlineData(1, 10, 2, 2, 2 / 6.0)]
    [InlineData(1, 11, 2, 1, 2 / 6.0)]
    [InlineData(10, 11, 1, 1, 1 / 6.0)]
    public void Overlapping_passages_of_one_coder_count_once_per_stretch_and_the_share_is_of_all_stretches(int a, int b, int stretches, int firms, double share)
    {
        var table = CoOccurrence.Build(Fixture, [1, 10, 11]);
        Assert.Equal(6, table.StretchCount);
        var cell = table.Cell(a, b);
        Assert.Equal(stretches, cell.Stretches);
        Assert.Equal(firms, cell.Firms);
        Assert.Equal(share, cell.ShareOfStretches, 10);
        Assert.Equal(cell, table.Cell(b, a));
    }

    [Theory]
    [InlineData(1, 10, 0.5, 1.0, 0.75)]     // ZLS: firm 1 of 2; YZ: firm 3 of 1
    [InlineData(10, 11, 0.5, 0.0, 0.25)]
    [InlineData(1, 11, 0.5, 0.0, 0.25)]     // firm 1 twice (S1 and S4) is still one firm
    [InlineData(10, 10, 1.0, 1.0, 1.0)]
    public void The_firm_share_is_taken_in_each_park_and_averaged_so_each_park_weighs_the_same(int a, int b, double zls, double yz, double mean)
    {
        var cell = CoOccurrence.Build(Fixture, [1, 10, 11]).Cell(a, b);
        Assert.Equal(zls, cell.FirmShareByPark["ZLS"], 10);
        Assert.Equal(yz, cell.FirmShareByPark["YZ"], 10);
        Assert.Equal(mean, cell.FirmShare!.Value, 10);
    }

    [Fact]
    public void A_chain_of_overlaps_is_one_stretch_and_touching_passages_are_two()
    {
        var stretches = CoOccurrence.Stretches(Fixture);
        Assert.Equal(6, stretches.Count);
        var first = stretches[0];
        Assert.Equal([1, 2], first.SegmentIds);
        Assert.Equal((0, 15), (first.Start, first.End));
        Assert.Equal(new HashSet<int> { 1, 10, 11 }, first.Codes);

        var chain = CoOccurrence.Stretches([new(1, 9, "c", 1, "DX", 0, 10, [1]), new(2, 9, "c", 1, "DX", 8, 20, [2]), new(3, 9, "c", 1, "DX", 18, 30, [3])]);
        Assert.Equal((0, 30), (Assert.Single(chain).Start, chain[0].End));
        Assert.Equal([8], CoOccurrence.With(stretches, 10, 10).Where(s => s.Park == "YZ").SelectMany(s => s.SegmentIds).Except([7]));
    }

    [Fact]
    public void An_empty_selection_gives_zeros_and_no_firm_share()
    {
        var cell = CoOccurrence.Build([], [1, 10]).Cell(1, 10);
        Assert.Equal((0, 0, 0.0), (cell.Stretches, cell.Firms, cell.ShareOfStretches));
        Assert.Null(cell.FirmShare);
    }
}
