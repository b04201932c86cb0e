using FieldSurvey.Core.Firms;

namespace FieldSurvey.Core.Tests.Firms;

public sealed class FirmRulesTests
{
    [Theory]
    [InlineData("https://www.example.com", true)]
    [InlineData("http://example.com.cn/about?x=1", true)]
    [InlineData("www.baiotai.com", true)]
    [InlineData("example.com/zh", true)]
    [InlineData("百奥泰康.中国", true)]
    [InlineData("ftp://example.com", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("www example com", false)]
    [InlineData("Baiotai Kang", false)]
    [InlineData("010 8070 1001", false)]
    [InlineData("localhost", false)]
    [InlineData("https://", false)]
    public void A_website_is_an_http_address_or_a_bare_host_with_a_dot(string website, bool valid) =>
        Assert.Equal(valid, FirmRules.IsWebsite(website));

    [Theory]
    [InlineData(1799, false)]
    [InlineData(1800, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    public void A_founded_year_runs_from_1800_to_the_current_year(int year, bool valid) =>
        Assert.Equal(valid, !FirmRules.Check("甲", null, year, null, currentYear: 2026).Any());

    [Theory]
    [InlineData("甲公司", null, true)]
    [InlineData(null, "Firm A", true)]
    [InlineData(" ", " ", false)]
    [InlineData(null, null, false)]
    public void A_firm_needs_its_Chinese_or_its_English_name(string? zh, string? en, bool valid) =>
        Assert.Equal(valid ? [] : [new FirmProblem(FirmField.Name, FirmRules.MissingName)], FirmRules.Check(zh, en, null, null, 2026));

    [Fact]
    public void Each_broken_rule_names_its_field()
    {
        var problems = FirmRules.Check(new string('甲', 301), null, 2100, "not a site", 2026).ToList();
        Assert.Equal([FirmField.Name, FirmField.FoundedYear, FirmField.Website], problems.Select(p => p.Field));
        Assert.Equal([FirmRules.NameTooLong, FirmRules.BadYear, FirmRules.BadWebsite], problems.Select(p => p.Code));
    }

    [Theory]
    [InlineData("2003", 2003)]
    [InlineData("2003年", 2003)]
    [InlineData("二〇〇三", null)]
    [InlineData("-2003", null)]
    public void A_year_is_read_as_frames_write_it(string text, int? year) => Assert.Equal(year, FirmRules.ParseYear(text));

    [Fact]
    public void A_firm_with_only_an_English_name_stores_it_in_the_required_Chinese_column() =>
        Assert.Equal(("Firm A", "甲"), (FirmRules.StoredNameZh(null, " Firm A "), FirmRules.StoredNameZh("甲", "Firm A")));
}
