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
        // Sheet names hold at most 31 characters: a short name per measure, the full label in the title.
        var name = measure switch { CoMeasure.Passages => t["Co-occurrence by passages"], CoMeasure.Firms => t["Co-occurrence by firms"], _ => t["Co-occurrence counts"] };
        return new ReportTable(name, t["Code co-occurrence"] + " — " + MeasureLabel(measure, t),
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

    /// <summary>The framework matrix as one table: park, firm, then per column its passages and its summary.</summary>
    public static ReportTable Framework(IReadOnlyList<FrameworkRow> rows, IReadOnlyList<AnalysisCode> columns, bool chinese, IStringLocalizer t)
    {
        var header = new List<Column> { new(t["Park"], Width: 8), new(t["Firm"], Width: 28) };
        foreach (var c in columns) header.AddRange([new Column(c.Name(chinese) + " · " + t["Passages"], Width: 40), new Column(c.Name(chinese) + " · " + t["Summary"], Width: 40)]);
        return new ReportTable(t["Framework matrix"], t["Framework matrix"], header,
            rows.Select(r => new object?[] { r.Park, chinese || r.FirmEn is null ? r.FirmZh : r.FirmEn }
                .Concat(r.Cells.SelectMany(c => new object?[] { string.Join("\n", c.Quotes), c.Summary })).ToArray()).ToList(), "framework-matrix");
    }

    /// <summary>The memos a reader may read, with the passages they are linked to.</summary>
    public static ReportTable Memos(IEnumerable<(string Title, string About, string? Author, string Updated, string Text, string Passages)> memos, IStringLocalizer t) =>
        new(t["Memos"], t["Memos"], [new(t["Title"], Width: 30), new(t["About"], Width: 14), new(t["Author"], Width: 16), new(t["Updated"], Width: 18),
            new(t["Text"], Width: 60), new(t["Passages"], Width: 50)],
            memos.Select(m => new object?[] { m.Title, m.About, m.Author, m.Updated, m.Text, m.Passages }).ToList(), "memos");

    /// <summary>The download: README (rules), co-occurrence, framework matrix, memos; the workbook and the PDF render it.</summary>
    public static ReportView View(CoOccurrenceTable co, IReadOnlyList<AnalysisCode> coCodes, IReadOnlyList<FrameworkRow> framework,
        IReadOnlyList<AnalysisCode> columns, ReportTable memos, bool chinese, IStringLocalizer t, string selection, string generated)
    {
        var readme = new ReportTable("README", t["Qualitative analysis"], [new(t["Note"], Width: 120)],
            new List<object?[]> { new object?[] { t["Selection: {0}. Stretches: {1}.", selection, co.StretchCount].Value }, new object?[] { t[Core.Coding.CoOccurrence.RuleText].Value },
                new object?[] { t["Rows are firms grouped by park; each cell shows the firm's coded passages for the column and the analyst's summary."].Value },
                new object?[] { generated } }, "readme");
        return new ReportView(chinese ? "zh-Hans" : "en", chinese, t["Qualitative analysis"], generated,
        [
            new ReportSection("readme", "README", [new TableBlock(readme, Outputs.Workbook), new TextBlock(t["Selection: {0}. Stretches: {1}.", selection, co.StretchCount], In: Outputs.Pdf)]),
            CoOccurrenceSection(co, coCodes, chinese, t, selection),
            new ReportSection("framework", t["Framework matrix"], [new TableBlock(Framework(framework, columns, chinese, t))]),
            new ReportSection("memos", t["Memos"], [new TableBlock(memos)]),
        ]);
    }
}
