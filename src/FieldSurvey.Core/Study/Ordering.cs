namespace FieldSurvey.Core.Study;

/// <summary>A list entry the PI orders by hand (parks, vocabulary entries).</summary>
public interface IOrdered
{
    int Id { get; }
    int SortOrder { get; set; }
}

public static class Ordering
{
    /// <summary>
    /// Moves entry <paramref name="id"/> one place up (<paramref name="by"/> &lt; 0) or down in
    /// <paramref name="items"/> (given in display order) and renumbers the list 1..n, touching only entries
    /// whose number changes. False when no entry has that id; moving past either end changes nothing.
    /// </summary>
    public static bool Move<T>(IReadOnlyList<T> items, int id, int by) where T : IOrdered
    {
        var list = items.ToList();
        var index = list.FindIndex(x => x.Id == id);
        if (index < 0) return false;
        var other = index + Math.Sign(by);
        if (other < 0 || other >= list.Count) return true;
        (list[index], list[other]) = (list[other], list[index]);
        for (var i = 0; i < list.Count; i++)
            if (list[i].SortOrder != i + 1) list[i].SortOrder = i + 1;
        return true;
    }
}
