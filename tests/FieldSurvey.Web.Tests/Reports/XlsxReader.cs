using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FieldSurvey.Tests.Reports;

/// <summary>A cell read back: its text (or number as text), number format code and whether it holds a formula.</summary>
public sealed record XlsxCell(string Text, string? Format, bool IsFormula)
{
    public double Number => double.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A sheet read back: rows of cells by zero-based column, frozen header, auto-filter.</summary>
public sealed record XlsxSheet(List<Dictionary<int, XlsxCell>> Rows, bool HeaderFrozen, string? AutoFilter)
{
    public string Text(int row, int column) => Rows[row].TryGetValue(column, out var c) ? c.Text : "";
    public int Column(string header) => Rows[0].First(c => c.Value.Text == header).Key;
    public IEnumerable<XlsxCell> Cells => Rows.SelectMany(r => r.Values);
}

/// <summary>
/// Reads workbooks with the Open XML SDK. ClosedXML 0.95.4 cannot be used for this: it was built against
/// Open XML SDK 2.x, whose enums became structs in 3.x, and its XLWorkbook type initializer throws
/// InvalidProgramException beside DocumentFormat.OpenXml 3.3.0 (the version the app writes with).
/// </summary>
public static class XlsxReader
{
    /// <summary>Schema errors the Open XML SDK finds in the workbook (none for a file Excel opens without repair).</summary>
    public static List<string> Validate(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static Dictionary<string, XlsxSheet> Read(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var stylesheet = wb.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var codes = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value) ?? [];
        var result = new Dictionary<string, XlsxSheet>();
        foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
        {
            var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
            var rows = new List<Dictionary<int, XlsxCell>>();
            foreach (var row in ws.Descendants<Row>())
            {
                var cells = new Dictionary<int, XlsxCell>();
                var column = -1;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
                    if (cell.CellValue is null && cell.InlineString is null) continue;
                    var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                        : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text)]
                        : cell.CellValue?.Text ?? "";
                    string? format = null;
                    if (cell.StyleIndex?.Value is { } s && s < formats.Count && formats[(int)s].NumberFormatId?.Value is { } id)
                        format = codes.TryGetValue(id, out var code) ? code : id.ToString();
                    cells[column] = new XlsxCell(text, format, cell.CellFormula is not null);
                }
                rows.Add(cells);
            }
            var frozen = ws.Descendants<Pane>().Any(p => p.State?.Value == PaneStateValues.Frozen && p.VerticalSplit?.Value == 1);
            result[sheet.Name!.Value!] = new XlsxSheet(rows, frozen, ws.Elements<AutoFilter>().FirstOrDefault()?.Reference?.Value);
        }
        return result;
    }

    static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) n = n * 26 + (c - 'A' + 1);
        return n - 1;
    }
}
