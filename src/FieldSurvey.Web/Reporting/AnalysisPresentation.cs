using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Pages.Coding.Analysis;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Reporting;

/// <summary>What co-occurrence shows in a cell: stretches counted, their share of all stretches, or the firm share per park.</summary>
public enum CoMeasure { Count = 0, Passages = 1, Firms = 2 }

/// <summary>
/// The qualitative analysis (co-occurrence, framework matrix, memos) as tables in the reader's language, built once
/// for the page, the workbook and the PDF (docs/reports.md). Cells carry the query of the passages behind them.
/// </summary>
public static class AnalysisPresentation
{
    public static string MeasureLabel(CoMeasure m, IStringLocalizer t) => m switch
    {
        CoMeasure.Passages => t["Share of passages (stretches)"],
        CoMeasure.Firms => t["Share of firms, averaged over parks"],
        _ => t["Stretches (count)"],
    };

    /// <summary>Codes × codes; each cell's <see cref="Cell.Evidence"/> is the query of its passage list.</summary>
    public static ReportTable CoOccurrence(CoOccurrenceTable table, IReadOnlyList<AnalysisCode> codes, CoMeasure measure, bool chinese,
        IStringLocalizer t, IReadOnlyDictionary<string, string> filter)
    {
        var kind = measure == CoMeasure.Count ? ColumnKind.Integer : ColumnKind.Share;
        var columns = new List<Column> { new(t["Code"], Width: 30) };
        columns.AddRange(codes.Select(c => new Column(c.Name(chinese), kind, 12)));
        var rows = codes.Select(a => new object?[] { Label(a, chinese) }.Concat(codes.Select(b =>
        {
            var cell = table.Cell(a.Id, b.Id);
            object? value = measure switch
            {
                CoMeasure.Passages => cell.ShareOfStretches,
                CoMeasure.Firms => cell.FirmShare ?? double.NaN,
                _ => cell.Stretches,
            };
            var query = new Dictionary<string, string>(filter) { ["A"] = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["B"] = b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return (object?)new Cell(value, $"co-{a.Code}-{b.Code}", cell.Stretches > 0 ? query : null);
        })).ToArray()).ToList();
        return new ReportTable(t["Co-occurrence"] + " · " + MeasureLabel(measure, t), t["Code co-occurrence"] + " — " + MeasureLabel(measure, t),
            columns, rows, "co-occurrence-" + measure.ToString().ToLowerInvariant());
    }

    static string Label(AnalysisCode c, bool chinese) => new string(' ', c.Depth * 2) + c.Name(chinese) + $" [{c.Code}]";

    /// <summary>The whole co-occurrence section: the rule, the selection, and the three measures.</summary>
    public static ReportSection CoOccurrenceSection(CoOccurrenceTable table, IReadOnlyList<AnalysisCode> codes, bool chinese, IStringLocalizer t, string selection)
    {
        var blocks = new List<ReportBlock>
        {
            new TextBlock(t[Core.Coding.CoOccurrence.RuleText], TestId: "co-rule"),
            new TextBlock(t["Selection: {0}. Stretches: {1}.", selection, table.StretchCount], Note: true),
        };
        blocks.AddRange(Enum.GetValues<CoMeasure>().Select(m => new TableBlock(CoOccurrence(table, codes, m, chinese, t, new Dictionary<string, string>()))));
        return new ReportSection("co-occurrence", t["Code co-occurrence"], blocks);
    }
}
