using FieldSurvey.Core.Firms;

namespace FieldSurvey.Core.Tests.Firms;

public sealed class DuplicatesTests
{
    static readonly FirmKey[] Frame =
    [
        new(1, "百奥泰康生物科技有限公司", "Baiotai Kang Biotech Co.", ["+86 10 8070 1001"]),
        new(2, "华清诊断试剂有限公司", "Huaqing Diagnostics Ltd.", ["+86 10 8070 1002"]),
    ];

    [Fact]
    public void The_same_Chinese_name_with_different_spacing_is_a_duplicate() =>
        Assert.Equal([1], Duplicates.Find(new FirmKey(0, "百奥泰康 生物科技有限公司", null, []), Frame));

    [Fact]
    public void The_same_English_name_in_other_case_is_a_duplicate() =>
        Assert.Equal([2], Duplicates.Find(new FirmKey(0, "新公司", "HUAQING diagnostics ltd", []), Frame));

    [Fact]
    public void The_same_phone_written_differently_is_a_duplicate() =>
        Assert.Equal([1], Duplicates.Find(new FirmKey(0, "新公司", null, ["010-8070-1001"]), Frame));

    [Fact]
    public void A_firm_is_not_its_own_duplicate_and_a_new_name_and_number_match_nothing()
    {
        Assert.Empty(Duplicates.Find(Frame[0], Frame));
        Assert.Empty(Duplicates.Find(new FirmKey(0, "燕园基因", "Yanyuan Gene", ["010 6125 9999"]), Frame));
    }
}
