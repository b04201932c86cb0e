using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.Tests.Interviews;

public sealed class AnswerRulesTests
{
    static readonly GuideOption[] Options = [new("soe", "State-owned", "国有"), new("private", "Private", "民营")];
    static readonly GuideOption[] Parts = [new("ZLS", "ZLS", "中关村"), new("BJ", "Beijing", "北京"), new("ABROAD", "Abroad", "国外")];

    static GuideQuestion Q(string type, bool required = false, decimal? min = null, decimal? max = null, bool other = false) =>
        new("Q", type, "q", "问") { Required = required, Min = min, Max = max, Other = other };

    static string[] Codes(GuideQuestion q, string? value, BlankReason? blank = null, GuideOption[]? options = null) =>
        AnswerRules.Check(q, value, blank, options ?? Options).Select(p => p.Code).ToArray();

    [Theory]
    [InlineData("integer", "2001", new string[0])]
    [InlineData("integer", "1900", new[] { "out-of-range" })]
    [InlineData("integer", "20.5", new[] { "not-whole" })]
    [InlineData("integer", "二千", new[] { "not-a-number" })]
    [InlineData("decimal", "1990.5", new string[0])]
    [InlineData("decimal", "1990,5", new[] { "not-a-number" })]
    [InlineData("date", "2026-11-31", new[] { "invalid-date" })]
    [InlineData("date", "2026-11-30", new string[0])]
    [InlineData("text", "任何文字", new string[0])]
    public void Typed_answers_are_checked_against_their_type_and_range(string type, string value, string[] expected) =>
        Assert.Equal(expected, Codes(Q(type, min: 1949, max: 2026), value));

    [Theory]
    [InlineData("3", new string[0])]
    [InlineData("0", new[] { "scale-range" })]
    [InlineData("6", new[] { "scale-range" })]
    [InlineData("2.5", new[] { "scale-range" })]
    public void A_scale_takes_whole_values_from_one_to_five(string value, string[] expected) =>
        Assert.Equal(expected, Codes(Q("scale", min: 1, max: 5), value));

    [Fact]
    public void A_required_blank_needs_a_reason()
    {
        Assert.Equal(["required"], Codes(Q("text", required: true), "  "));
        Assert.Empty(Codes(Q("text", required: true), null, BlankReason.Refused));
        Assert.Empty(Codes(Q("text"), null));
    }

    [Theory]
    [InlineData("soe", new string[0])]
    [InlineData("foreign", new[] { "unknown-option" })]
    [InlineData("other:医院", new string[0])]
    [InlineData("other:", new[] { "other-text-missing" })]
    [InlineData("other", new[] { "other-text-missing" })]
    public void Single_answers_hold_a_known_code_or_an_other_text(string value, string[] expected) =>
        Assert.Equal(expected, Codes(Q("single", other: true), value));

    [Fact]
    public void Other_is_refused_where_the_question_has_none() =>
        Assert.Equal(["other-not-allowed"], Codes(Q("single"), "other:x"));

    [Theory]
    [InlineData("[\"soe\",\"private\"]", new string[0])]
    [InlineData("[\"soe\",\"other:行业协会\"]", new string[0])]
    [InlineData("[\"soe\",\"soe\"]", new[] { "duplicate-option" })]
    [InlineData("[\"nope\"]", new[] { "unknown-option" })]
    [InlineData("soe", new[] { "invalid-format" })]
    public void Multiple_answers_are_a_JSON_array_of_known_codes(string value, string[] expected) =>
        Assert.Equal(expected, Codes(Q("multiple", other: true), value));

    [Fact]
    public void A_split_that_adds_up_to_90_says_so()
    {
        var problem = Assert.Single(AnswerRules.Check(Q("split"), """{"ZLS":50,"BJ":40}""", null, Parts));
        Assert.Equal("split-sum", problem.Code);
        Assert.Equal("Adds up to 90, must be 100.", string.Format(problem.Message, problem.Args));
    }

    [Theory]
    [InlineData("""{"ZLS":50,"BJ":40,"ABROAD":10}""", new string[0])]
    [InlineData("""{"ZLS":33.3,"BJ":33.3,"ABROAD":33.4}""", new string[0])]
    [InlineData("""{"ZLS":110,"BJ":-10}""", new[] { "split-part-range" })]
    [InlineData("""{"MARS":100}""", new[] { "unknown-part" })]
    [InlineData("""[1,2]""", new[] { "invalid-format" })]
    public void A_split_must_add_up_to_100_over_known_parts(string value, string[] expected) =>
        Assert.Equal(expected, Codes(Q("split"), value, options: Parts));

    [Fact]
    public void Partner_rows_need_a_name_and_a_plausible_year()
    {
        Assert.Empty(PartnerRules.Check(new("北京大学", 1, 2, 2015), 2026));
        Assert.Equal(["partner-name", "since-year"], PartnerRules.Check(new(" ", null, null, 2030), 2026).Select(p => p.Code));
    }
}
