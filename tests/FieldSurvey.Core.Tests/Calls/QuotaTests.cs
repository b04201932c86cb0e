using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

public sealed class QuotaTests
{
    const int Zls = 1, Yz = 2;
    static readonly Disposition Fresh = Dispositions.Get(Dispositions.NotAttempted);

    // ZLS: 3 completes (2 biopharma, 1 devices), 1 refusal; YZ: 1 complete.
    static readonly QuotaFirm[] Firms =
    [
        new(1, Zls, "biopharma", true), new(2, Zls, "biopharma", true), new(3, Zls, "devices", true),
        new(4, Zls, "biopharma", false), new(5, Yz, "biopharma", true), new(6, Yz, null, false),
    ];

    [Fact]
    public void A_park_cell_counts_every_complete_of_the_park_and_a_subsector_cell_only_its_subsector()
    {
        var p = Quotas.Progress([new QuotaCell(10, Zls, null, 3), new QuotaCell(11, Zls, "biopharma", 4), new QuotaCell(12, Yz, null, 2)], Firms);
        Assert.Equal([3, 2, 1], p.Select(x => x.Completes));
        Assert.Equal([true, false, false], p.Select(x => x.Full));
        Assert.Equal([0, 2, 1], p.Select(x => x.Remaining));
        Assert.Equal(0.5, p[1].Share);   // 2 of 4
    }

    [Fact]
    public void The_subsector_cell_closes_a_case_before_the_park_cell_and_a_cell_with_room_closes_nothing()
    {
        var p = Quotas.Progress([new QuotaCell(10, Zls, null, 3), new QuotaCell(11, Zls, "biopharma", 2), new QuotaCell(12, Yz, null, 5)], Firms);
        Assert.Equal(11, Quotas.FullCellFor(p, Zls, "biopharma")!.Cell.Id);
        Assert.Equal(10, Quotas.FullCellFor(p, Zls, "devices")!.Cell.Id);
        Assert.Null(Quotas.FullCellFor(p, Yz, "biopharma"));
    }

    [Fact]
    public void A_target_of_zero_is_full_from_the_start()
    {
        var p = Quotas.Progress([new QuotaCell(1, Yz, "tcm", 0)], Firms);
        Assert.True(p[0].Full);
        Assert.Equal(1, p[0].Share);
    }

    [Fact]
    public void Firms_of_a_full_cell_leave_the_call_list_but_booked_callbacks_stay_and_are_named()
    {
        var cell = new QuotaProgress(new QuotaCell(10, Zls, null, 1), 1);
        var now = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
        CallListEntry E(int id, CallListReason r) => new(id, r, r == CallListReason.Fresh ? null : now, 0, Fresh);
        var list = new[] { E(1, CallListReason.CallbackDue), E(2, CallListReason.Fresh), E(3, CallListReason.RetryDue),
            E(4, CallListReason.CallbackLater), E(5, CallListReason.Fresh) };
        var (kept, booked) = Quotas.Apply(list, new Dictionary<int, QuotaProgress> { [1] = cell, [2] = cell, [3] = cell, [4] = cell });
        Assert.Equal([1, 4, 5], kept.Select(e => e.FirmId));
        Assert.Equal([1, 4], booked.Keys.Order());
    }
}
