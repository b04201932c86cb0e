using FieldSurvey.Core.Exports;

namespace FieldSurvey.Core.Tests.Exports;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+86 10 1234", "'+86 10 1234")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("中关村 = ZLS", "中关村 = ZLS")]
    [InlineData("", "")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_escaped(string input, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Safe(input));
}
