using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using System.IO.Compression;
using FieldSurvey.Core.Exports;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// Writes <see cref="ReportTable"/>s as worksheets with DocumentFormat.OpenXml's streaming OpenXmlWriter:
/// header row bold and frozen, auto-filter on, explicit column widths, 0.0% for shares and 0.000 for indices.
/// Streaming because ClosedXML holds every cell in memory, which at 200,000 passages is too slow and too big;
/// inline strings because a shared-string table would need the whole passage list in memory too.
/// Every text cell goes through <see cref="SpreadsheetText.Safe"/>.
/// </summary>
/// <remarks>
/// The package (the zip, its content types and relationships) is written here with a <see cref="ZipArchive"/> in create
/// mode, so each sheet is compressed as it is written. The SDK's own package (System.IO.Packaging) opens its zip for
/// update, and .NET's zip then keeps every part uncompressed in memory until the end (dotnet/runtime#1544,
/// dotnet/Open-XML-SDK#807): ~117 MB of XML for the large synthetic study's workbook. The parts' XML is still the SDK's: OpenXmlWriter for
/// the sheets, the SDK's elements for the workbook and the stylesheet.
/// </remarks>
public sealed class XlsxWriter : IDisposable
{
    // Style indexes of the stylesheet below.
    const uint Header = 1, ShareStyle = 2, IndexStyle = 3, IntegerStyle = 4, WrapStyle = 5;

    const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;
    const string PackageRelationships = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    readonly ZipArchive zip;
    readonly List<string> sheets = [];
    readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);

    public XlsxWriter(Stream stream)
    {
        zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteText("[Content_Types].xml", ContentTypes);
        WriteText("_rels/.rels", PackageRelationships);
        using (var part = Part("xl/styles.xml")) Styles().Save(part);
    }

    // One part of the package, compressed as it is written; only one can be open at a time.
    Stream Part(string path) => zip.CreateEntry(path, CompressionLevel.Optimal).Open();

    void WriteText(string path, string text)
    {
        using var part = Part(path);
        part.Write(Encoding.UTF8.GetBytes(text));
    }

    public void AddTable(ReportTable table, bool filter = true)
    {
        sheets.Add(SheetName(table.Name));
        using var part = Part($"xl/worksheets/sheet{sheets.Count}.xml");
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteStartElement(new SheetViews());
        w.WriteStartElement(new SheetView { WorkbookViewId = 0 });
        w.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement(new Columns());
        for (var i = 0; i < table.Columns.Count; i++)
            w.WriteElement(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = table.Columns[i].Width, CustomWidth = true });
        w.WriteEndElement();
        w.WriteStartElement(new SheetData());
        var rowNumber = 1;
        WriteRow(w, rowNumber, table.Columns.Select(c => (object?)c.Header).ToArray(), table.Columns, header: true);
        foreach (var row in table.Rows) WriteRow(w, ++rowNumber, row, table.Columns, header: false);
        w.WriteEndElement();
        if (filter && table.Columns.Count > 0)
            w.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(table.Columns.Count - 1)}{Math.Max(rowNumber, 1)}" });
        w.WriteEndElement();
    }

    // Elements are reused and attributes passed explicitly: building a Cell/InlineString/Text object tree per
    // cell is most of the cost at 200,000 rows. Cell references are optional in SpreadsheetML and left out.
    static readonly DocumentFormat.OpenXml.Spreadsheet.Cell CellElement = new();
    static readonly InlineString InlineElement = new();
    static readonly Text TextElement = new();
    static readonly CellValue ValueElement = new();
    static readonly OpenXmlAttribute InlineType = new("t", "", "inlineStr");
    static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    static readonly OpenXmlAttribute[][] NumberStyles =
        [[new("s", "", IntegerStyle.ToString(CultureInfo.InvariantCulture))], [new("s", "", ShareStyle.ToString(CultureInfo.InvariantCulture))],
         [new("s", "", IndexStyle.ToString(CultureInfo.InvariantCulture))]];
    static readonly OpenXmlAttribute[] TextPlain = [InlineType];
    static readonly OpenXmlAttribute[] TextHeader = [InlineType, new("s", "", Header.ToString(CultureInfo.InvariantCulture))];
    static readonly OpenXmlAttribute[] TextWrap = [InlineType, new("s", "", WrapStyle.ToString(CultureInfo.InvariantCulture))];

    static void WriteRow(OpenXmlWriter w, int number, object?[] values, IReadOnlyList<Core.Exports.Column> columns, bool header)
    {
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", number.ToString(CultureInfo.InvariantCulture))]);
        for (var i = 0; i < values.Length && i < columns.Count; i++)
        {
            var value = Core.Exports.Cell.ValueOf(values[i]);
            if (value is null || value is double d && (double.IsNaN(d) || double.IsInfinity(d)))
            {
                // An empty cell keeps the following cells in their columns (there are no cell references).
                w.WriteStartElement(CellElement);
                w.WriteEndElement();
                continue;
            }
            var kind = header ? ColumnKind.Text : columns[i].Kind;
            if (value is int or long or double && kind != ColumnKind.Text)
            {
                w.WriteStartElement(CellElement, kind switch { ColumnKind.Share => NumberStyles[1], ColumnKind.Index => NumberStyles[2], _ => NumberStyles[0] });
                w.WriteStartElement(ValueElement);
                w.WriteString(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            else
            {
                var text = Clean(SpreadsheetText.Safe(Convert.ToString(value, CultureInfo.InvariantCulture)));
                w.WriteStartElement(CellElement, header ? TextHeader : text.Contains('\n') ? TextWrap : TextPlain);
                w.WriteStartElement(InlineElement);
                w.WriteStartElement(TextElement, Preserve);
                w.WriteString(text);
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
            }
        }
        w.WriteEndElement();
    }

    // XML 1.0 cannot carry most control characters; a pasted transcript may contain them.
    static string Clean(string text)
    {
        foreach (var ch in text)
            if (ch < 0x20 && ch is not ('\t' or '\n' or '\r'))
                return new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray());
        return text;
    }

    static string ColumnName(int index)
    {
        var name = new StringBuilder();
        for (index++; index > 0; index = (index - 1) / 26) name.Insert(0, (char)('A' + (index - 1) % 26));
        return name.ToString();
    }

    string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray());
        clean = clean.Length > 31 ? clean[..31] : clean;
        var unique = clean;
        for (var i = 2; !names.Add(unique); i++) unique = (clean.Length > 28 ? clean[..28] : clean) + " " + i.ToString(CultureInfo.InvariantCulture);
        return unique;
    }

    static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = ColumnFormats.Share }, new NumberingFormat { NumberFormatId = 165, FormatCode = ColumnFormats.Index }) { Count = 2 },
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 6 });

    public void Dispose()
    {
        // Relationship ids: rId1 is the stylesheet, rId2… the sheets in order.
        var list = new Sheets();
        for (var i = 0; i < sheets.Count; i++) list.Append(new Sheet { Id = $"rId{i + 2}", SheetId = (uint)i + 1, Name = sheets[i] });
        using (var part = Part("xl/workbook.xml")) new Workbook(list).Save(part);
        var rels = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        rels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId1" Type="{Relationships}/styles" Target="styles.xml"/>""");
        for (var i = 0; i < sheets.Count; i++)
            rels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i + 2}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""");
        WriteText("xl/_rels/workbook.xml.rels", rels.Append("</Relationships>").ToString());
        zip.Dispose();
    }
}
