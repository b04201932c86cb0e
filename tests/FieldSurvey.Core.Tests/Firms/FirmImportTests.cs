using System.Text;
using FieldSurvey.Core.Firms;

namespace FieldSurvey.Core.Tests.Firms;

public sealed class FirmImportTests
{
    static readonly ImportPark[] Parks =
    [
        new(1, "ZLS", "Zhongguancun Life Science Park (ZLS Park)", "中关村生命科学园"),
        new(2, "YZ", "Beijing Economic & Technology Developing Area (Yizhuang Park)", "北京经济技术开发区（亦庄）"),
        new(3, "DX", "Beijing Bioengineering & Pharmaceutical Industry Base (Daxing Park)", "北京生物工程与医药产业基地（大兴）"),
    ];
    static readonly ImportSubsector[] Subsectors = [new("biopharma", "Biopharmaceuticals", "生物制药"), new("tcm", "Traditional Chinese medicine", "中药")];

    static readonly string[] Header = ["企业名称", "英文名称", "园区", "成立年份", "子行业", "联系人", "电话", "邮箱"];

    static ImportResult Check(params string[][] rows) =>
        FirmImport.Validate(rows, FirmImport.GuessMapping(Header), Parks, Subsectors, currentYear: 2026);

    [Fact]
    public void Chinese_and_English_headers_are_recognised()
    {
        var zh = FirmImport.GuessMapping(Header);
        Assert.Equal(0, zh[ImportField.NameZh]);
        Assert.Equal(1, zh[ImportField.NameEn]);
        Assert.Equal(2, zh[ImportField.Park]);
        Assert.Equal(6, zh[ImportField.Phone]);
        var en = FirmImport.GuessMapping(["Name ZH", "name_en", "Park", "Founded", "Phone", "E-mail", "名称"]);
        Assert.Equal(0, en[ImportField.NameZh]);
        Assert.Equal(1, en[ImportField.NameEn]);
        Assert.Equal(3, en[ImportField.FoundedYear]);
        Assert.Equal(5, en[ImportField.Email]);
    }

    [Fact]
    public void Parks_are_found_by_code_English_or_Chinese_name_or_short_name()
    {
        Assert.Equal(2, FirmImport.FindPark(Parks, "yz")?.Id);
        Assert.Equal(2, FirmImport.FindPark(Parks, "北京经济技术开发区（亦庄）")?.Id);
        Assert.Equal(2, FirmImport.FindPark(Parks, "亦庄")?.Id);
        Assert.Equal(3, FirmImport.FindPark(Parks, "Daxing Park")?.Id);
        Assert.Equal(1, FirmImport.FindPark(Parks, "Zhongguancun Life Science Park (ZLS Park)")?.Id);
        Assert.Null(FirmImport.FindPark(Parks, "Shanghai"));
    }

    [Fact]
    public void A_valid_row_becomes_a_firm_with_its_contact()
    {
        var result = Check(["百奥泰康生物科技有限公司", "Baiotai Kang", "中关村生命科学园", "2004年", "生物制药", "王丽", "+86 10 8070 1001; 138 0000 1004", "wangli@example.org"]);
        Assert.True(result.IsValid);
        var firm = Assert.Single(result.Firms);
        Assert.Equal((2, "百奥泰康生物科技有限公司", 1, 2004, "biopharma"), (firm.RowNumber, firm.NameZh, firm.ParkId, firm.FoundedYear, firm.Subsector));
        Assert.Equal(["+86 10 8070 1001", "138 0000 1004"], firm.Phones);
    }

    [Fact]
    public void Every_bad_row_is_named_by_its_spreadsheet_row_number_and_what_is_wrong()
    {
        var result = Check(
            ["甲公司", "", "ZLS", "", "", "", "", ""],                   // row 2: fine
            ["", "", "ZLS", "", "", "", "", ""],                         // row 3: no name
            ["丙公司", "", "Shanghai", "", "", "", "", ""],              // row 4: unknown park
            ["", "", "", "", "", "", "", ""],                            // row 5: blank, skipped
            ["丁公司", "", "DX", "1700", "", "", "", ""],                // row 6: bad year
            ["戊公司", "", "YZ", "", "", "张三", "call me", ""],         // row 7: bad phone
            ["己公司", "", "YZ", "", "茶叶", "", "", ""]);               // row 8: unknown subsector
        Assert.False(result.IsValid);
        Assert.Equal([(3, FirmRules.MissingName), (4, "Unknown park."), (6, FirmRules.BadYear),
                      (7, "Bad phone number."), (8, "Unknown subsector.")],
            result.Problems.Select(p => (p.RowNumber, p.Code)));
        Assert.Equal("Shanghai", result.Problems[1].Value);
    }

    [Fact]
    public void A_phone_or_e_mail_without_a_contact_name_is_kept_as_the_firms_switchboard()
    {
        var result = Check(
            ["庚公司", "", "YZ", "", "", "", "010 1234 5678", ""],
            ["辛公司", "", "DX", "", "", "", "", "info@example.org"],
            ["壬公司", "", "ZLS", "", "", "", "", ""]);
        Assert.True(result.IsValid);
        var (phone, mail, none) = (result.Firms[0].ToContact()!, result.Firms[1].ToContact()!, result.Firms[2].ToContact());
        Assert.Equal(("", "010 1234 5678", true), (phone.Name, Assert.Single(phone.Phones), phone.IsSwitchboard));
        Assert.Equal(("", "info@example.org", true), (mail.Name, mail.Email, mail.IsSwitchboard));
        Assert.Null(none);
        Assert.Equal([true, true, false], result.Firms.Select(f => f.IsSwitchboard));
    }

    [Fact]
    public void A_contact_title_alone_without_a_name_or_number_is_a_problem_of_its_row()
    {
        string[] header = ["企业名称", "园区", "职务", "电话"];
        var result = FirmImport.Validate([["甲公司", "ZLS", "总经理", ""], ["乙公司", "ZLS", "总经理", "010 1234 5678"]],
            FirmImport.GuessMapping(header), Parks, Subsectors, 2026);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, ImportField.ContactName), (problem.RowNumber, problem.Field));
        Assert.Equal(("", "总经理"), (result.Firms.Single().ToContact()!.Name, result.Firms.Single().ToContact()!.Title));
    }

    [Fact]
    public void A_file_without_a_name_or_park_column_is_refused_before_any_row_is_read()
    {
        var result = FirmImport.Validate([["x"]], new Dictionary<ImportField, int> { [ImportField.Address] = 0 }, Parks, Subsectors, 2026);
        Assert.Equal(2, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal(1, p.RowNumber));
    }

    [Theory]
    [InlineData("+86 10 8070 1001", true)]
    [InlineData("010-80701001", true)]
    [InlineData("(010) 8070 1001 转 23", true)]
    [InlineData("１３８００００１００４", true)]   // full-width digits
    [InlineData("12345", false)]
    [InlineData("phone", false)]
    [InlineData("10+1234567", false)]
    public void Phone_numbers_are_checked_for_shape_and_length(string phone, bool valid) =>
        Assert.Equal(valid, Phones.IsValid(phone));

    [Fact]
    public void The_same_number_written_three_ways_normalises_to_the_same_digits()
    {
        Assert.Equal("1080701001", Phones.Normalize("+86 10 8070 1001"));
        Assert.Equal("1080701001", Phones.Normalize("010-8070-1001"));
        Assert.Equal("1080701001", Phones.Normalize("0086 (10) 80701001"));
        Assert.Equal("13800001004", Phones.Normalize("+86 138 0000 1004"));
    }

    [Fact]
    public void UTF8_with_or_without_BOM_and_GB18030_files_decode_to_the_same_Chinese_text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "企业名称,园区\n百奥泰康,中关村生命科学园\n";
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        Assert.Equal((text, "UTF-8"), UploadedText.Decode(bom));
        Assert.Equal((text, "UTF-8"), UploadedText.Decode(Encoding.UTF8.GetBytes(text)));
        Assert.Equal((text, "GB18030"), UploadedText.Decode(Encoding.GetEncoding("GB18030").GetBytes(text)));
    }
}
