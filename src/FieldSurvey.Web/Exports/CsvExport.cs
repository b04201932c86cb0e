using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FieldSurvey.Core.Exports;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// One <see cref="ReportTable"/> as CSV: UTF-8 with a byte-order mark (so Excel opens Chinese text correctly),
/// text escaped against formula injection, shares as fractions (0.25), empty cells for NaN.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static void Write(Stream stream, ReportTable table)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var column in table.Columns) csv.WriteField(SpreadsheetText.Safe(column.Header));
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < table.Columns.Count; i++) csv.WriteField(Format(i < row.Length ? row[i] : null, table.Columns[i].Kind));
            csv.NextRecord();
        }
    }

    static string Format(object? cell, ColumnKind kind) => Cell.ValueOf(cell) switch
    {
        null => "",
        double d when double.IsNaN(d) || double.IsInfinity(d) => "",
        double d => d.ToString(kind == ColumnKind.Integer ? "0" : "0.######", CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        var other => SpreadsheetText.Safe(Convert.ToString(other, CultureInfo.InvariantCulture)),
    };

    /// <summary>A table's key in download links: its name in lower-case letters, digits and dashes.</summary>
    public static string Slug(string tableName) =>
        new string(tableName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    public static string FileName(string tableName) => Slug(tableName) + ".csv";
}
