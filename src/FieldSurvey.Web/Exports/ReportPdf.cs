using System.Globalization;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Pages.Reports;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// The report as a PDF (A4): title page, method and rule, matrices, charts, indicators, the classification
/// with its reasons and the PI's judgement, and evidence quotes; "Page n of m" on every page; fonts embedded.
/// </summary>
public sealed class ReportPdf
{
    public const string ContentType = "application/pdf";
    const double Margin = 50, Width = 595 - 2 * Margin, Bottom = 842 - 60;

    readonly PdfDocument document = new();
    readonly PdfText text = new();
    readonly LoadedReport r;
    readonly bool chinese;
    XGraphics g = null!;
    double y;

    readonly Func<string, string> say;

    ReportPdf(LoadedReport report, bool chinese, Func<string, string>? say) => (r, this.chinese, this.say) = (report, chinese, say ?? (s => s));

    /// <summary>The English or the Chinese wording, by the language the PI chose for the download.</summary>
    string Say(string en, string zh) => chinese ? zh : en;

    /// <param name="chinese">Headings, labels and the rule in Chinese (the reasons and quotes stay as recorded).</param>
    /// <param name="say">The string table in the PDF's language, for the sections that take their words from it (issue 19).</param>
    public static void Write(Stream stream, LoadedReport report, bool chinese = false, Func<string, string>? say = null)
    {
        ReportFontResolver.Install();
        var pdf = new ReportPdf(report, chinese, say);
        pdf.Compose();
        pdf.document.Save(stream, closeStream: false);
    }

    static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    static string P(double d) => double.IsNaN(d) ? "–" : d.ToString("0.0%", CultureInfo.InvariantCulture);
    static string I(double d) => double.IsNaN(d) ? "–" : d.ToString("0.000", CultureInfo.InvariantCulture);

    void Compose()
    {
        document.Info.Title = $"{r.TitleEn} – linkage report";
        var rep = r.Report;
        NewPage();
        y = 200;
        Paragraph(r.TitleEn, 22, bold: true);
        Paragraph(r.TitleZh, 20);
        Paragraph("Linkage report: competing or collaborating clusters? 集群间联系报告", 14);
        y += 20;
        Paragraph(Say("Generated ", "生成于 ") + $"{r.GeneratedAtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC", 10);
        Paragraph(r.Filter.Describe(), 10);
        Paragraph(Say($"Total mentions counted: {N(rep.Total.Total.Mentions)} from {N(rep.Total.Total.Firms)} firms.", $"计入的提及共 {N(rep.Total.Total.Mentions)} 条，来自 {N(rep.Total.Total.Firms)} 家企业。"), 10);
        foreach (var p in rep.Input.Parks) Paragraph($"{p.Code}: {p.NameEn} {p.NameZh}", 10);

        NewPage();
        Heading(Say("Method and rule", "方法和规则"));
        Paragraph(Say(CountingRule.Text, CountingRuleZh), 9);
        Paragraph(string.Join(Say("; ", "；"), ReportFormat.Bases.Select(b => $"{Say(ReportTables.BasisName(b), BasisZh(b))}: {N(rep.TranscriptsWith(b))}")), 9);
        Paragraph(Say($"Provisional passages counted (units not yet decided): {N(rep.ProvisionalMentions)}; quotes below marked [provisional].",
            $"计入的暂定段落（尚未裁定的单元）：{N(rep.ProvisionalMentions)} 条；下文引文中标为［暂定］。"), 9);
        Paragraph(Say("Interviews counted: " + r.Filter.InterviewsText + ".",
            r.Filter.Interviews == InterviewFilter.Approved ? "计入的访谈：仅已批准（及已锁定）的访谈。" : "计入的访谈：除草稿外的全部访谈（包括尚未批准的已提交和已退回访谈）。"), 9);
        Paragraph(Say("Sources: both sources count one relation (same firm, same partner, same linkage type) once; each source on its own: ",
            "来源：两种来源合并时，同一关系（同一企业、同一合作方、同一联系类型）只计一次；各来源分别为：") +
            string.Join("; ", (rep.Sides ?? []).Select(x => $"{Say(x.Kind.ToString(), SideZh(x.Kind))} {N(x.Total.Mentions)}")), 9);
        Paragraph(Say("Classification rule: " + rep.Rule.Describe(), "分类规则：" + RuleZh(rep.Rule)), 9);
        Paragraph(Say("Thresholds: ", "阈值：") + rep.Rule.ToJson(), 8);

        Heading(Say("Linkage matrices", "联系矩阵"));
        Paragraph(Say("Cells: mentions (distinct firms) and row share.", "单元格：提及数（去重企业数）和行内占比。"), 8);
        foreach (var m in new[] { rep.Total }.Concat(rep.ByType)) Matrix(m);

        Heading(Say("Scope shares per park", "各园区的范围占比"));
        ScopeBars();
        Heading(Say("Network of linkages", "联系网络"));
        Network();

        Heading(Say("Indicators", "指标"));
        var acts = rep.Input.Activities;
        Table([Say("Park", "园区"), .. acts.Select(a => a.Code)], rep.ParkCodes.Select(p => new[] { p }.Concat(rep.Profiles[p].Select(P)).ToArray()).ToList());
        Paragraph(Say("Duncan's dissimilarity: ", "Duncan 相异度：") + string.Join("; ", rep.Pairs.Select(p => $"{p.Key} {I(p.Dissimilarity)}"))
            + Say("; all (lowest pair) ", "；全部（最低的一对）") + $"{I(rep.Configuration.Dissimilarity)}", 9);
        Paragraph(Say(Indicators.LowestPairRule, "三个园区的相异度取各对园区 Duncan 指数中的最低值（最相似的一对），而非平均值；各对指数均列出。"), 8);
        var types = rep.Input.LinkageTypes;
        Paragraph(Say("Cross-cluster share per linkage type (cross ÷ (within + cross); firms reporting cross in brackets):", "各联系类型的跨集群占比（跨集群 ÷（集群内 + 跨集群）；括号内为报告跨集群联系的企业数）："), 9);
        Table([Say("Scope", "范围"), .. types.Select(t => t.Code), Say("Collab.", "协作性"), Say("Compet.", "竞争性"), Say("Labour", "劳动力")],
            new[] { rep.Configuration }.Concat(rep.Pairs).Concat(rep.ParkIndicators).Select(s => new[] { s.Key }
                .Concat(s.Shares.Select(t => t.NoEvidence ? Say(ReportTables.NoEvidenceText, "无证据") : $"{P(t.Share)} ({N(t.CrossFirms)})"))
                .Concat([N(s.Collaborative), N(s.Competitive), $"{N(s.Labour.Mentions)} ({N(s.Labour.Firms)})"]).ToArray()).ToList());

        Heading(Say("Classification", "分类"));
        foreach (var c in rep.Classifications)
        {
            Paragraph(Say($"{c.Key}: suggested {c.Verdict}", $"{c.Key}：建议为{VerdictZh(c.Verdict)}"), 11, bold: true);
            foreach (var reason in c.Reasons) Paragraph("• " + reason, 9, indent: 10);
            var j = r.Judgements.GetValueOrDefault(c.Key);
            Paragraph(j is null ? Say("Final judgement: not yet recorded.", "最终判断：尚未记录。")
                : Say("Final judgement: ", "最终判断：") + $"{(chinese ? VerdictZh(j.Verdict) : j.Verdict)} ({r.UserNames.GetValueOrDefault(j.DecidedById)}, {j.DecidedAtUtc.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}): {j.Rationale}", 9, indent: 10);
        }

        Uncertainty();

        if (rep.Disagreements.Count > 0)
        {
            Heading(Say("Disagreements between coded passages and partner lists", "已编码段落与合作方列表之间的分歧"));
            Table([Say("Firm", "企业"), Say("Type", "类型"), Say("Location", "所在地"), Say("Coded", "编码"), Say("Partner list", "合作方列表")], rep.Disagreements.Take(40)
                .Select(d => new[] { r.FirmDisplay(d.FirmId), d.LinkageType, d.PartnerLocation, N(d.Coded), N(d.PartnerList) }).ToList(), first: 0.45);
        }

        Heading(Say("Evidence quotes", "依据引文"));
        var quotes = rep.Counted.Where(m => m.Source == MentionSource.Coded)
            .OrderBy(m => m.Scope == Scope.CrossCluster ? 0 : 1).ThenBy(m => m.LinkageType, StringComparer.Ordinal).Take(24);
        foreach (var m in quotes)
        {
            Paragraph($"{r.FirmDisplay(m.FirmId)} · {m.FocalPark} → {m.PartnerLocation} · {m.LinkageType} · {m.Nature ?? "–"} · {m.Coder}"
                + (m.Provisional ? Say(" [provisional]", " ［暂定］") : ""), 8, bold: true);
            Paragraph($"“{m.Text}”", 9, indent: 10);
        }
        Footers();
    }

    // Issue 19: the same tables as the workbook's, every word from the string table.
    void Uncertainty()
    {
        Heading(say(UncertaintyTables.SectionTitle));
        foreach (var note in UncertaintyTables.Notes(r, say)) Paragraph(note, 8);
        foreach (var table in UncertaintyTables.All(r, say))
        {
            Paragraph(table.Title, 10, bold: true);
            Table(table.Columns.Select(c => c.Header).ToList(), UncertaintyTables.Text(table), first: 0.14);
        }
    }

    static string VerdictZh(Verdict v) => v switch
    {
        Verdict.Collaborating => "协作型", Verdict.Competing => "竞争型", Verdict.Mixed => "混合型", _ => "证据不足",
    };

    const string CountingRuleZh = "计入哪些已编码段落（逐个单元）：PI 已裁定的单元按其裁定计入（被否决的单元不计）；尚未裁定的单元暂按计数编码员（最先分配的编码员）的编码片段计入，并标为暂定；只有一位编码员编码的转录稿计该编码员的编码片段。没有裁定记录的共识编码片段（导入的）单独计入。每份转录稿的依据为：裁定完成、部分裁定、未裁定、单人编码或未编码。";

    static string BasisZh(TranscriptBasis b) => b switch
    {
        TranscriptBasis.Complete => "裁定完成", TranscriptBasis.Partial => "部分裁定", TranscriptBasis.None => "未裁定",
        TranscriptBasis.SingleCoder => "单人编码", _ => "未编码",
    };

    static string SideZh(SideKind k) => k switch { SideKind.Coded => "已编码段落", SideKind.PartnerList => "合作方列表", _ => "合并（同一关系计一次）" };

    static string RuleZh(ClassificationRule rule)
    {
        var a = FieldSurvey.Web.Pages.Reports.ReportFormat.RuleArgs(rule);
        return $"任一园区的提及少于 {a[0]} 条或受访企业少于 {a[1]} 家时为证据不足。相异度（Duncan）≥ {a[2]}、至少 {a[4]} 种联系类型的跨集群占比 ≥ {a[3]}，且协作性提及多于竞争性提及时为协作型。" +
            $"相异度 < {a[2]}，且竞争性提及多于协作性提及或每种有证据的联系类型的跨集群占比均 < {a[5]}（没有集群内或跨集群提及的类型为无证据，而非占比为 0；任何类型都没有证据时此条件不成立）时为竞争型。其余为混合型。三个园区的相异度取各对中的最低值。";
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

    void Matrix(MatrixTable m)
    {
        var type = r.Type(m.LinkageType);
        Ensure(30 + 14 * (m.Parks.Count + 1));
        Paragraph($"{type.NameEn} {type.NameZh}", 10, bold: true);
        var rows = m.Parks.Select((p, i) => new[] { p }
            .Concat(m.Locations.Select((_, c) => $"{N(m.Cells[i, c].Mentions)} ({N(m.Cells[i, c].Firms)}) {P(m.RowShare(i, c))}"))
            .Append($"{N(m.RowTotals[i].Mentions)} ({N(m.RowTotals[i].Firms)})").ToArray()).ToList();
        Table([Say("Park", "园区"), .. m.Locations, Say("Total", "合计")], rows);
    }

    void Table(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, double first = 0.12)
    {
        const double size = 7.5, rowHeight = 12;
        var firstWidth = Width * first;
        var other = (Width - firstWidth) / Math.Max(headers.Count - 1, 1);
        double X(int c) => Margin + (c == 0 ? 0 : firstWidth + other * (c - 1));
        double ColWidth(int c) => c == 0 ? firstWidth : other;
        void Row(IReadOnlyList<string> cells, bool bold)
        {
            Ensure(rowHeight);
            if (bold) g.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 238, 242)), Margin, y, Width, rowHeight);
            for (var c = 0; c < cells.Count && c < headers.Count; c++)
            {
                var line = text.Wrap(g, cells[c], size, bold, ColWidth(c) - 4)[0];
                text.DrawLine(g, line, X(c) + 2, y + 1.5, size, bold, XBrushes.Black);
            }
            y += rowHeight;
            g.DrawLine(new XPen(XColor.FromArgb(210, 210, 210), 0.5), Margin, y, Margin + Width, y);
        }
        Row(headers, true);
        foreach (var row in rows)
        {
            if (y + rowHeight > Bottom) { NewPage(); Row(headers, true); }
            Row(row, false);
        }
        y += 8;
    }

    void ScopeBars()
    {
        var rows = r.Report.Scopes;
        Ensure(40 + 22 * rows.Count);
        const double barHeight = 14, labelWidth = 40;
        foreach (var row in rows)
        {
            text.DrawLine(g, text.Wrap(g, row.Park, 9, true, labelWidth)[0], Margin, y + 2, 9, true, XBrushes.Black);
            var x = Margin + labelWidth;
            var barWidth = Width - labelWidth - 50;
            for (var s = 0; s < ScopeShares.All.Count; s++)
            {
                var share = row.Share(ScopeShares.All[s]);
                if (double.IsNaN(share) || share <= 0) continue;
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(ToArgb(ChartLayout.ScopeColours[s]))), x, y, barWidth * share, barHeight);
                x += barWidth * share;
            }
            text.DrawLine(g, [($"n={N(row.Total)}", false)], Margin + Width - 45, y + 2, 8, false, XBrushes.Black);
            y += barHeight + 8;
        }
        var lx = Margin;
        for (var s = 0; s < ScopeShares.All.Count; s++)
        {
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(ToArgb(ChartLayout.ScopeColours[s]))), lx, y, 8, 8);
            var name = ReportTables.ScopeName(ScopeShares.All[s]);
            text.DrawLine(g, [(name, false)], lx + 11, y - 0.5, 7.5, false, XBrushes.Black);
            lx += 20 + text.Width(g, name, 7.5);
        }
        y += 20;
    }

    void Network()
    {
        const double height = 260;
        Ensure(height + 10);
        var (nodes, edges) = ChartLayout.Network(r.Report.Total, code => code);
        var byCode = nodes.ToDictionary(n => n.Code);
        XPoint At(ChartNode n) => new(Margin + n.X * Width, y + n.Y * height);
        foreach (var e in edges)
        {
            var pen = new XPen(XColor.FromArgb(byCode[e.To].IsPark ? 200 : 120, 27, 108, 168), Math.Max(0.5, e.Width * height));
            var (a, b) = (At(byCode[e.From]), At(byCode[e.To]));
            g.DrawLine(pen, a, b);
            text.DrawLine(g, [(N(e.Mentions), false)], (a.X + b.X) / 2 + 3, (a.Y + b.Y) / 2 - 10, 7.5, true, XBrushes.DimGray);
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
            var label = Say($"Page {N(i + 1)} of {N(count)}", $"第 {N(i + 1)} 页，共 {N(count)} 页");
            var w = text.Width(footer, label, 8);
            text.DrawLine(footer, text.Wrap(footer, label, 8, false, 1000)[0], 595 - Margin - w, 842 - 40, 8, false, XBrushes.DimGray);
            text.DrawLine(footer, [(r.TitleEn, false)], Margin, 842 - 40, 8, false, XBrushes.DimGray);
        }
    }
}
