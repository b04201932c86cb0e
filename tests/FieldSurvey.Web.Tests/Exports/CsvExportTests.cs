using System.Text;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Exports.DataPackage;

namespace FieldSurvey.Web.Tests.Exports;

/// <summary>The one CSV writer in its two formats: what differs between a spreadsheet file and the data package, and what does not.</summary>
public sealed class CsvExportTests
{
    static readonly ReportTable Table = new("t", "Title, with comma",
        [new("name"), new("count", ColumnKind.Integer), new("share", ColumnKind.Share)],
        [["=HYPERLINK(\"http://x\")", 3, 0.25], ["+8613800000000", 4, double.NaN], ["-3.5", null, 1.0 / 3]]);

    [Fact]
    public void A_spreadsheet_file_has_a_BOM_CRLF_and_escapes_every_formula_like_text_even_a_plain_number()
    {
        var bytes = CsvExport.ToBytes(Table);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("name,count,share\r\n\"'=HYPERLINK(\"\"http://x\"\")\",3,0.25\r\n'+8613800000000,4,\r\n'-3.5,,0.333333\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Several_tables_in_one_file_each_start_with_their_title_and_end_with_an_empty_line()
    {
        var text = Encoding.UTF8.GetString(CsvExport.ToBytes([Table, Table])[3..]);
        Assert.StartsWith("\"Title, with comma\"\r\nname,count,share\r\n", text);
        Assert.Equal(2, text.Split("\"Title, with comma\"\r\n").Length - 1);
        Assert.EndsWith("0.333333\r\n\r\n", text);
    }

    [Fact]
    public void The_data_package_has_no_BOM_LF_line_ends_and_leaves_plain_numbers_as_numbers()
    {
        var package = new PackageTable("x.csv", "x");
        package.Add("value", ColumnType.Text, "v");
        package.Rows.AddRange([["-3.5"], ["=1+1"], ["+86 10"], [null]]);
        Assert.Equal("value\n-3.5\n'=1+1\n'+86 10\n\n", Encoding.UTF8.GetString(package.ToCsv()));
        Assert.Equal("value\n-3.5\n=1+1\n+86 10\n\n", Encoding.UTF8.GetString(package.ToCsv(escapeFormulas: false)));
    }
}
