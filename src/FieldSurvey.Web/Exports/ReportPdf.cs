using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Reporting;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// Renders a <see cref="ReportView"/> as a PDF (A4): a title page, then every section the view gives the PDF, in
/// order; "Page n of m" (from the string table, in the view's language) on every page; fonts embedded. Wide tables
/// are cut into column groups that repeat the first column, so every figure fits the page.
/// </summary>
public sealed class ReportPdf
{
    public const string ContentType = "application/pdf";
    const double Margin = 50, Width = 595 - 2 * Margin, Bottom = 842 - 60;
    /// <summary>Columns per printed table, the first one included: narrower ones would cut figures.</summary>
    const int MaxColumns = 9;

    readonly PdfDocument document = new();
    readonly PdfText text = new();
    readonly ReportView view;
    readonly Func<int, int, string> pageLabel;
    XGraphics g = null!;
    double y;

    ReportPdf(ReportView view, Func<int, int, string> pageLabel) => (this.view, this.pageLabel) = (view, pageLabel);

    /// <param name="pageLabel">"Page {0} of {1}" in the view's language.</param>
    public static void Write(Stream stream, ReportView view, Func<int, int, string> pageLabel)
    {
        ReportFontResolver.Install();
        var pdf = new ReportPdf(view, pageLabel);
        pdf.Compose();
        pdf.document.Save(stream, closeStream: false);
    }

    void Compose()
    {
        document.Info.Title = $"{view.Title} – {view.Subtitle}";
        NewPage();
        y = 200;
        Paragraph(view.Title, 20, bold: true);
        Paragraph(view.Subtitle, 14);
        foreach (var section in view.Sections)
        {
            var blocks = section.For(Outputs.Pdf).ToList();
            if (blocks.Count == 0) continue;
            if (section == view.Sections[0]) y += 20; else Heading(section.Heading);
            foreach (var block in blocks)
                switch (block)
                {
                    case TextBlock p: Paragraph(p.Text, p.Note ? 8 : 9.5); break;
                    case TableBlock tb: Table(tb); break;
                    case ScopeChart c: ScopeBars(c); break;
                    case NetworkChart n: Network(n); break;
                }
        }
        Footers();
    }

    void NewPage()
    {
        g?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(595);
        page.Height = XUnit.FromPoint(842);
        g = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    void Ensure(double height)
    {
        if (y + height > Bottom) NewPage();
    }

    void Heading(string title)
    {
        Ensure(60);
        y += 8;
        Paragraph(title, 14, bold: true);
        y += 2;
    }

    void Paragraph(string content, double size, bool bold = false, double indent = 0)
    {
        foreach (var line in text.Wrap(g, content, size, bold, Width - indent))
        {
            Ensure(size * 1.4);
            text.DrawLine(g, line, Margin + indent, y, size, bold, XBrushes.Black);
            y += size * 1.4;
        }
        y += size * 0.3;
    }

    void Table(TableBlock block)
    {
        var table = block.Table;
        var rows = (block.Preview is { } n ? table.Rows.Take(n + 1) : table.Rows).ToList();
        var cut = block.Preview is { } limit && rows.Count > limit;
        if (cut) rows.RemoveAt(rows.Count - 1);
        if (rows.Count == 0) return;
        Ensure(40);
        Paragraph(table.Title, 9.5, bold: true);
        var columns = table.Columns;
        for (var from = 1; from < Math.Max(columns.Count, 2); from += MaxColumns - 1)
        {
            int[] group = [0, .. Enumerable.Range(from, Math.Min(MaxColumns - 1, columns.Count - from))];
            Grid(group.Select(c => columns[c].Header).ToList(),
                rows.Select(r => group.Select(c => ColumnFormats.Display(c < r.Length ? r[c] : null, columns[c].Kind)).ToArray()).ToList(),
                group.Select(c => columns[c].Width).ToList());
        }
        if (cut && block.PreviewNote is { } note) Paragraph(note, 8);
    }

    void Grid(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, IReadOnlyList<double> widths)
    {
        const double size = 7, line = 9;
        var scale = Width / widths.Sum();
        var xs = new double[widths.Count];
        for (var c = 1; c < widths.Count; c++) xs[c] = xs[c - 1] + widths[c - 1] * scale;
        void Row(IReadOnlyList<string> cells, bool bold)
        {
            var wrapped = cells.Select((cell, c) => text.Wrap(g, cell, size, bold, widths[c] * scale - 4)).ToList();
            var height = Math.Max(1, wrapped.Max(w => w.Count)) * line + 3;
            Ensure(height);
            if (bold) g.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 238, 242)), Margin, y, Width, height);
            for (var c = 0; c < wrapped.Count; c++)
                for (var l = 0; l < wrapped[c].Count; l++)
                    text.DrawLine(g, wrapped[c][l], Margin + xs[c] + 2, y + 1.5 + l * line, size, bold, XBrushes.Black);
            y += height;
            g.DrawLine(new XPen(XColor.FromArgb(210, 210, 210), 0.5), Margin, y, Margin + Width, y);
        }
        Row(headers, true);
        foreach (var row in rows)
        {
            if (y + 2 * line > Bottom) { NewPage(); Row(headers, true); }
            Row(row, false);
        }
        y += 8;
    }

    void ScopeBars(ScopeChart chart)
    {
        Paragraph(chart.Title, 9.5, bold: true);
        var rows = chart.Rows;
        Ensure(40 + 22 * rows.Count);
        const double barHeight = 14, labelWidth = 40;
        foreach (var row in rows)
        {
            text.DrawLine(g, text.Wrap(g, row.Park, 9, true, labelWidth)[0], Margin, y + 2, 9, true, XBrushes.Black);
            var x = Margin + labelWidth;
            var barWidth = Width - labelWidth - 50;
            for (var s = 0; s < row.Shares.Length; s++)
            {
                var share = row.Shares[s];
                if (double.IsNaN(share) || share <= 0) continue;
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(ToArgb(ChartLayout.ScopeColours[s]))), x, y, barWidth * share, barHeight);
                x += barWidth * share;
            }
            text.DrawLine(g, [($"n={row.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}", false)], Margin + Width - 45, y + 2, 8, false, XBrushes.Black);
            y += barHeight + 8;
        }
        var lx = Margin;
        for (var s = 0; s < chart.Legend.Count; s++)
        {
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(ToArgb(ChartLayout.ScopeColours[s]))), lx, y, 8, 8);
            var name = chart.Legend[s];
            text.DrawLine(g, [(name, false)], lx + 11, y - 0.5, 7.5, false, XBrushes.Black);
            lx += 20 + text.Width(g, name, 7.5);
        }
        y += 20;
    }

    void Network(NetworkChart chart)
    {
        const double height = 260;
        Ensure(height + 30);
        Paragraph(chart.Title, 9.5, bold: true);
        var (nodes, edges) = (chart.Nodes, chart.Edges);
        var byCode = nodes.ToDictionary(n => n.Code);
        XPoint At(ChartNode n) => new(Margin + n.X * Width, y + n.Y * height);
        foreach (var e in edges)
        {
            var pen = new XPen(XColor.FromArgb(byCode[e.To].IsPark ? 200 : 120, 27, 108, 168), Math.Max(0.5, e.Width * height));
            var (a, b) = (At(byCode[e.From]), At(byCode[e.To]));
            g.DrawLine(pen, a, b);
            text.DrawLine(g, [(e.Mentions.ToString(System.Globalization.CultureInfo.InvariantCulture), false)], (a.X + b.X) / 2 + 3, (a.Y + b.Y) / 2 - 10, 7.5, true, XBrushes.DimGray);
        }
        foreach (var n in nodes)
        {
            var p = At(n);
            var radius = n.IsPark ? 20 : 14;
            g.DrawEllipse(new XPen(XColors.DimGray, 0.8), n.IsPark ? XBrushes.LightSteelBlue : XBrushes.WhiteSmoke, p.X - radius, p.Y - radius, radius * 2, radius * 2);
            var w = text.Width(g, n.Label, 8, true);
            text.DrawLine(g, text.Wrap(g, n.Label, 8, true, 200)[0], p.X - w / 2, p.Y - 5, 8, true, XBrushes.Black);
        }
        y += height + 10;
    }

    static int ToArgb(string hex) => unchecked((int)0xFF000000 | Convert.ToInt32(hex.TrimStart('#'), 16));

    void Footers()
    {
        g.Dispose();
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var label = pageLabel(i + 1, count);
            var w = text.Width(footer, label, 8);
            text.DrawLine(footer, text.Wrap(footer, label, 8, false, 1000)[0], 595 - Margin - w, 842 - 40, 8, false, XBrushes.DimGray);
            text.DrawLine(footer, text.Wrap(footer, view.Title, 8, false, 300)[0], Margin, 842 - 40, 8, false, XBrushes.DimGray);
        }
    }
}
