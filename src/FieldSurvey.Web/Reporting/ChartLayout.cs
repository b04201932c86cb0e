using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Reporting;

namespace FieldSurvey.Web.Reporting;

/// <summary>A node of the network chart, in a 0..1 × 0..1 box.</summary>
public sealed record ChartNode(string Code, string Label, double X, double Y, bool IsPark);

/// <summary>An edge: mentions between a park and another node, in both directions for two parks.</summary>
public sealed record ChartEdge(string From, string To, int Mentions, double Width);

/// <summary>
/// One interviewer's bar in one period of the productivity chart, in a 0..1 × 0..1 box (y from the top): the attempts
/// bar from <see cref="AttemptsTop"/> down to the axis, the completes bar inside it from <see cref="CompletesTop"/>.
/// </summary>
public sealed record PeriodBar(string InterviewerId, DateOnly Period, int Attempts, int Completes, double X, double Width,
    double AttemptsTop, double CompletesTop, string Colour);

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

    /// <summary>
    /// The productivity chart: one group per period that has calls (oldest first, not every calendar day, so a long
    /// period stays readable), in it one bar per interviewer in a fixed order and colour, attempts to the same scale
    /// for all (the tallest is the box's height) and completes drawn inside their attempts.
    /// </summary>
    public static (IReadOnlyList<DateOnly> Periods, IReadOnlyList<string> Interviewers, IReadOnlyList<PeriodBar> Bars, int Max)
        PeriodBars(IReadOnlyList<ProductivityRow> rows)
    {
        var periods = rows.Select(r => r.Period).Distinct().Order().ToList();
        var interviewers = rows.Select(r => r.InterviewerId).Distinct().Order(StringComparer.Ordinal).ToList();
        var max = Math.Max(1, rows.Select(r => r.Attempts).DefaultIfEmpty(0).Max());
        double slot = 1.0 / Math.Max(periods.Count, 1), bar = slot * 0.8 / Math.Max(interviewers.Count, 1);
        var bars = rows.Select(r =>
        {
            int p = periods.IndexOf(r.Period), i = interviewers.IndexOf(r.InterviewerId);
            return new PeriodBar(r.InterviewerId, r.Period, r.Attempts, r.Completes, p * slot + slot * 0.1 + i * bar, bar,
                1 - (double)r.Attempts / max, 1 - (double)r.Completes / max, ScopeColours[i % ScopeColours.Length]);
        }).ToList();
        return (periods, interviewers, bars, max);
    }

    /// <summary>Colours of the five scopes, within-cluster first.</summary>
    public static readonly string[] ScopeColours = ["#1b6ca8", "#e07b00", "#6a9f3a", "#8c6bb1", "#c0392b"];
}
