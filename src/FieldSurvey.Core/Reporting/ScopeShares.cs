using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Reporting;

/// <summary>A park's mentions by scope (within-cluster ... international), with shares of the park's total.</summary>
public sealed record ScopeRow(string Park, IReadOnlyDictionary<Scope, int> Mentions, int Total)
{
    public double Share(Scope scope) => Total == 0 ? double.NaN : (double)Mentions[scope] / Total;
}

public static class ScopeShares
{
    public static readonly IReadOnlyList<Scope> All = Enum.GetValues<Scope>();

    public static IReadOnlyList<ScopeRow> Build(IEnumerable<Mention> mentions, IReadOnlyList<string> parks)
    {
        var counts = parks.ToDictionary(p => p, _ => All.ToDictionary(s => s, _ => 0));
        foreach (var m in mentions)
            if (counts.TryGetValue(m.FocalPark, out var row)) row[m.Scope]++;
        return parks.Select(p => new ScopeRow(p, counts[p], counts[p].Values.Sum())).ToList();
    }
}
