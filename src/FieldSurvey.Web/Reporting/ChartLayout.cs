using FieldSurvey.Core.Reporting;

namespace FieldSurvey.Web.Reporting;

/// <summary>A node of the network chart, in a 0..1 × 0..1 box.</summary>
public sealed record ChartNode(string Code, string Label, double X, double Y, bool IsPark);

/// <summary>An edge: mentions between a park and another node, in both directions for two parks.</summary>
public sealed record ChartEdge(string From, string To, int Mentions, double Width);

/// <summary>
/// Geometry of the network chart (three parks and the outside locations, edge widths by linkage count), shared
/// by the page's SVG and the PDF so both draw the same picture from the same matrix.
/// </summary>
public static class ChartLayout
{
    public const double MaxEdgeWidth = 0.06, MinEdgeWidth = 0.004;

    public static (IReadOnlyList<ChartNode> Nodes, IReadOnlyList<ChartEdge> Edges) Network(MatrixTable total, Func<string, string> label)
    {
        var parks = total.Parks;
        var outside = total.Locations.Where(l => !parks.Contains(l)).ToList();
        var nodes = new List<ChartNode>();
        for (var i = 0; i < parks.Count; i++)
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * i / Math.Max(parks.Count, 1);
            nodes.Add(new ChartNode(parks[i], label(parks[i]), 0.35 + 0.2 * Math.Cos(angle), 0.5 + 0.28 * Math.Sin(angle), true));
        }
        for (var i = 0; i < outside.Count; i++)
            nodes.Add(new ChartNode(outside[i], label(outside[i]), 0.85, 0.15 + 0.7 * i / Math.Max(outside.Count - 1, 1), false));
        var edges = new List<(string, string, int)>();
        for (var i = 0; i < parks.Count; i++)
        {
            for (var j = i + 1; j < parks.Count; j++)
                edges.Add((parks[i], parks[j], total.Cell(parks[i], parks[j]).Mentions + total.Cell(parks[j], parks[i]).Mentions));
            foreach (var o in outside) edges.Add((parks[i], o, total.Cell(parks[i], o).Mentions));
        }
        var max = Math.Max(1, edges.Select(e => e.Item3).DefaultIfEmpty(0).Max());
        return (nodes, edges.Where(e => e.Item3 > 0)
            .Select(e => new ChartEdge(e.Item1, e.Item2, e.Item3, MinEdgeWidth + (MaxEdgeWidth - MinEdgeWidth) * e.Item3 / max)).ToList());
    }

    /// <summary>Colours of the five scopes, within-cluster first.</summary>
    public static readonly string[] ScopeColours = ["#1b6ca8", "#e07b00", "#6a9f3a", "#8c6bb1", "#c0392b"];
}
