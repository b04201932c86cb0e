using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using SpreadsheetText = FieldSurvey.Core.Exports.SpreadsheetText;
using FieldSurvey.Core.XlsForms;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// An XLSForm workbook's cells in and out (Open XML SDK); the mapping onto the guide is Core's
/// (<see cref="XlsFormImporter"/>, <see cref="XlsFormExporter"/>). Cells are placed by their reference, so an empty
/// cell keeps the columns after it in place and an error names the column the PI sees in Excel.
/// </summary>
public static class XlsFormWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook's sheets as text, or null when the file is not an .xlsx workbook.</summary>
    public static IReadOnlyList<XlsTable>? Read(Stream stream)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook.Sheets is null) return null;
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var tables = new List<XlsTable>();
            foreach (var sheet in workbook.Workbook.Sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue;
                var rows = new List<XlsRow>();
                foreach (var row in part.Worksheet.Descendants<Row>())
                {
                    var cells = new List<string>();
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                        while (cells.Count < column) cells.Add("");
                        cells.Add(Text(cell, strings));
                    }
                    rows.Add(new XlsRow((int)(row.RowIndex?.Value ?? (uint)rows.Count + 1), cells));
                }
                tables.Add(new XlsTable(sheet.Name?.Value ?? "", rows));
            }
            return tables;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            return null;
        }
    }

    static string Text(Cell cell, List<string> strings)
    {
        var value = cell.CellValue?.Text ?? "";
        var text = cell.DataType?.Value switch
        {
            _ when cell.DataType?.Value == CellValues.SharedString => int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "",
            _ when cell.DataType?.Value == CellValues.InlineString => cell.InlineString?.InnerText ?? "",
            _ when cell.DataType?.Value == CellValues.Boolean => value == "1" ? "true" : "false",
            _ => value,
        };
        // Undo the formula guard this app writes (SpreadsheetText.Safe), so an export re-imports unchanged.
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
    }

    static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    /// <summary>Writes the sheets with OpenXmlWriter, text as inline strings, each guarded against formulas.</summary>
    public static void Write(IReadOnlyList<XlsTable> tables, Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheets = new List<(string Id, string Name)>();
        foreach (var table in tables)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            sheets.Add((workbook.GetIdOfPart(part), table.Name));
            using var w = OpenXmlWriter.Create(part);
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetData());
            foreach (var row in table.Rows)
            {
                w.WriteStartElement(new Row { RowIndex = (uint)row.Number });
                for (var i = 0; i < row.Cells.Count; i++)
                {
                    if (string.IsNullOrEmpty(row.Cells[i])) continue;
                    w.WriteElement(new Cell(new InlineString(new Text(SpreadsheetText.Safe(row.Cells[i])) { Space = SpaceProcessingModeValues.Preserve }))
                        { CellReference = XlsColumns.Letter(i) + row.Number.ToString(CultureInfo.InvariantCulture), DataType = CellValues.InlineString });
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(sheets.Select((s, i) => new Sheet { Id = s.Id, Name = s.Name, SheetId = (uint)i + 1 })));
    }
}
