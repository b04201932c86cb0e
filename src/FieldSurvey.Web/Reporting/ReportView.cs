using FieldSurvey.Core.Exports;

namespace FieldSurvey.Web.Reporting;

/// <summary>Which renderings show a block. The presentation decides this, never a renderer.</summary>
[Flags]
public enum Outputs
{
    Page = 1,
    Workbook = 2,
    Pdf = 4,
    Csv = 8,
    /// <summary>The downloadable data: workbook sheets and CSV files (e.g. 200,000 passages, too many for a page).</summary>
    Files = Workbook | Csv,
    All = Page | Workbook | Pdf | Csv,
}

/// <summary>
/// The report as a reader sees it, in one language: ordered sections of paragraphs, tables and charts, every word
/// already taken from the string table. Built once by <see cref="ReportPresentation"/> from Core's <c>Report</c>;
/// the page (Pages/Reports/Index), the workbook, the PDF and the CSV files render it and decide nothing about content.
/// </summary>
public sealed record ReportView(string Language, bool Chinese, string Title, string Subtitle, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>The tables a rendering shows, in report order.</summary>
    public IEnumerable<ReportTable> Tables(Outputs output) =>
        Sections.SelectMany(s => s.Blocks).OfType<TableBlock>().Where(b => b.In.HasFlag(output)).Select(b => b.Table);

    /// <summary>A CSV file by its id (the <c>table</c> query value of a download link).</summary>
    public ReportTable? Csv(string id) => Tables(Outputs.Csv).FirstOrDefault(t => t.Id == id);
}

/// <summary>One section: an id (page anchor), a heading and its blocks in order.</summary>
public sealed record ReportSection(string Id, string Heading, IReadOnlyList<ReportBlock> Blocks)
{
    public IEnumerable<ReportBlock> For(Outputs output) => Blocks.Where(b => b.In.HasFlag(output));
}

public abstract record ReportBlock(Outputs In);

/// <summary>A paragraph; <see cref="Note"/> prints it small (a definition or a caveat under a table).</summary>
public sealed record TextBlock(string Text, bool Note = false, string? TestId = null, Outputs In = Outputs.All) : ReportBlock(In);

/// <summary>
/// A table. Page and PDF show at most <see cref="Preview"/> rows and then <see cref="PreviewNote"/>; the files hold them all.
/// </summary>
public sealed record TableBlock(ReportTable Table, Outputs In = Outputs.All, int? Preview = null, string? PreviewNote = null) : ReportBlock(In);

/// <summary>Scope shares per park as stacked bars: each row's shares in the order of <see cref="Legend"/>.</summary>
public sealed record ScopeChart(string Title, IReadOnlyList<string> Legend, IReadOnlyList<(string Park, double[] Shares, int Total)> Rows)
    : ReportBlock(Outputs.Page | Outputs.Pdf);

/// <summary>The network of linkages (parks and outside locations; edge width by mentions).</summary>
public sealed record NetworkChart(string Title, IReadOnlyList<ChartNode> Nodes, IReadOnlyList<ChartEdge> Edges)
    : ReportBlock(Outputs.Page | Outputs.Pdf);
