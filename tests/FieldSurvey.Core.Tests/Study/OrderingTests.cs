using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Study;

public sealed class OrderingTests
{
    sealed class Item(int id, int order) : IOrdered
    {
        public int Id { get; } = id;
        public int SortOrder { get; set; } = order;
    }

    static List<Item> Items() => [new(10, 1), new(20, 2), new(30, 3)];

    [Fact]
    public void Moving_down_swaps_with_the_next_entry_and_renumbers()
    {
        var items = Items();
        Assert.True(Ordering.Move(items, 10, +1));
        Assert.Equal([20, 10, 30], items.OrderBy(i => i.SortOrder).Select(i => i.Id));
    }

    [Fact]
    public void Moving_the_first_entry_up_changes_nothing()
    {
        var items = Items();
        Assert.True(Ordering.Move(items, 10, -1));
        Assert.Equal([1, 2, 3], items.Select(i => i.SortOrder));
    }

    [Fact]
    public void An_unknown_id_is_reported() => Assert.False(Ordering.Move(Items(), 99, 1));
}
