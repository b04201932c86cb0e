using System.Globalization;
using System.Text;
using CsvHelper;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Exports;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// Writes plain tables to one CSV file (UTF-8 with BOM so Excel reads Chinese): per table a title line, the
/// headers, the rows, then an empty line. Text goes through <see cref="SpreadsheetText.Safe"/>; numbers are
/// written invariantly; undefined figures are empty cells.
/// </summary>
public static class TableCsv
{
    public static byte[] Write(IEnumerable<AgreementTable> tables)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var table in tables)
            {
                csv.WriteField(SpreadsheetText.Safe(table.Title));
                csv.NextRecord();
                foreach (var header in table.Headers) csv.WriteField(SpreadsheetText.Safe(header));
                csv.NextRecord();
                foreach (var row in table.Rows)
                {
                    foreach (var cell in row)
                        csv.WriteField(cell switch
                        {
                            null => "",
                            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
                            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                            _ => SpreadsheetText.Safe(cell.ToString()),
                        });
                    csv.NextRecord();
                }
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }
}
