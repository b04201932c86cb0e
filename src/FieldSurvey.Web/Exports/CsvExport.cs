using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FieldSurvey.Core.Exports;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// The two kinds of CSV the app writes, and the one place their differences are stated. Everything else is
/// the same for both: RFC 4180 quoting, invariant numbers, empty cells for null and NaN, a header row.
/// </summary>
/// <param name="ByteOrderMark">
/// Excel opens a UTF-8 file without a BOM in the ANSI code page and garbles Chinese; R's read.csv and Stata's
/// import delimited read the BOM into the first column's name, so the data package leaves it out.
/// </param>
/// <param name="NewLine">CRLF as RFC 4180 says for spreadsheets; the data package uses "\n", which R and Stata read as is.</param>
/// <param name="EscapeFormulas">
/// Text a spreadsheet would run as a formula gets a leading apostrophe (<see cref="SpreadsheetText"/>). Always on
/// for spreadsheets; the data package turns it off only when the PI asks for the exact text for R/Stata.
/// </param>
/// <param name="PlainNumbersAsIs">
/// The data package's cells are preformatted text, and R and Stata take a column's type from them, so "-3.5" must
/// stay the number it is (it is no formula). A spreadsheet file escapes it too: "+8613800000000" in a phone
/// column then stays the text that was typed instead of becoming 8.6138E+12.
/// </param>
public sealed record CsvFormat(bool ByteOrderMark, string NewLine, bool EscapeFormulas, bool PlainNumbersAsIs)
{
    public static readonly CsvFormat Spreadsheet = new(ByteOrderMark: true, NewLine: "\r\n", EscapeFormulas: true, PlainNumbersAsIs: false);

    public static CsvFormat DataPackage(bool escapeFormulas = true) =>
        new(ByteOrderMark: false, NewLine: "\n", escapeFormulas, PlainNumbersAsIs: true);
}

/// <summary>
/// The one CSV writer: every CSV the app serves is a <see cref="ReportTable"/> (or several, one after another)
/// written here, in one of the two <see cref="CsvFormat"/>s. Numbers are written invariantly; shares and indices
/// as fractions (0.25), never percent text.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static void Write(Stream stream, ReportTable table, CsvFormat? format = null) =>
        Write(stream, [table], titled: false, format ?? CsvFormat.Spreadsheet);

    public static byte[] ToBytes(ReportTable table, CsvFormat? format = null)
    {
        using var stream = new MemoryStream();
        Write(stream, table, format);
        return stream.ToArray();
    }

    /// <summary>Several tables in one file (agreement, progress): per table its title line, headers, rows, then an empty line.</summary>
    public static byte[] ToBytes(IEnumerable<ReportTable> tables)
    {
        using var stream = new MemoryStream();
        Write(stream, tables, titled: true, CsvFormat.Spreadsheet);
        return stream.ToArray();
    }

    static void Write(Stream stream, IEnumerable<ReportTable> tables, bool titled, CsvFormat format)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: format.ByteOrderMark), leaveOpen: true);
        using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = format.NewLine,
            // With NewLine set, CsvHelper quotes only fields holding that exact sequence: a transcript's bare "\n" would
            // then end the record. Any line break, quote, delimiter or edge space is quoted.
            ShouldQuote = a => !string.IsNullOrEmpty(a.Field) && (a.Field.AsSpan().IndexOfAny("\r\n\",") >= 0
                || a.Field[0] == ' ' || a.Field[^1] == ' '),
        });
        string Text(string? s) => s is null ? "" : format.EscapeFormulas && !(format.PlainNumbersAsIs && IsPlainNumber(s)) ? SpreadsheetText.Safe(s) : s;
        foreach (var table in tables)
        {
            if (titled)
            {
                csv.WriteField(Text(table.Title));
                csv.NextRecord();
            }
            foreach (var column in table.Columns) csv.WriteField(Text(column.Header));
            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < table.Columns.Count; i++)
                    csv.WriteField(Format(i < row.Length ? row[i] : null, table.Columns[i].Kind, Text));
                csv.NextRecord();
            }
            if (titled) csv.NextRecord();
        }
    }

    // A cell of the report model (Cell) carries its value beside links and badges; a CSV writes the value only.
    static string Format(object? value, ColumnKind kind, Func<string?, string> text) => Cell.ValueOf(value) switch
    {
        null => "",
        double d when double.IsNaN(d) || double.IsInfinity(d) => "",
        double d => d.ToString(kind == ColumnKind.Integer ? "0" : "0.######", CultureInfo.InvariantCulture),
        IFormattable f and not Enum => f.ToString(null, CultureInfo.InvariantCulture),
        _ => text(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    static bool IsPlainNumber(string s) => decimal.TryParse(s, PlainNumber, CultureInfo.InvariantCulture, out _);

    // No surrounding white space: a leading tab is one of the characters a spreadsheet is defended against.
    const NumberStyles PlainNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>A table's key in download links: its name in lower-case letters, digits and dashes.</summary>
    public static string Slug(string tableName) =>
        new string(tableName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    public static string FileName(string tableName) => Slug(tableName) + ".csv";
}
