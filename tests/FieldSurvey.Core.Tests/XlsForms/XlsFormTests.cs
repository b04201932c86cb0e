using System.Text.Json;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.XlsForms;

namespace FieldSurvey.Core.Tests.XlsForms;

/// <summary>Issue 26: the XLSForm mapping onto the guide model, its expressions, and the round trip of the default guide.</summary>
public sealed class XlsFormTests
{
    static string Repo()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "seed", "guide.json"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }

    static XlsTable Table(string name, params string[][] rows) => new(name, [.. rows.Select((r, i) => new XlsRow(i + 1, r))]);

    static readonly string[] SurveyHeader = ["type", "name", "label::English", "label::Chinese", "hint::en", "required", "relevant", "constraint", "constraint_message::English", "linkage_type"];

    static XlsTable Settings => Table("settings", ["form_title", "form_title::zh"], ["Linkages", "联系"]);

    [Fact]
    public void The_default_guides_export_imports_to_the_same_guide()
    {
        var guide = GuideParser.Parse(File.ReadAllText(Path.Combine(Repo(), "seed", "guide.json"))).Guide!;
        var result = XlsFormImporter.Import(XlsFormExporter.Export(guide, 1));
        Assert.Empty(result.Errors.Select(e => $"{e.Sheet} {e.Row} {e.Column}: {string.Format(System.Globalization.CultureInfo.InvariantCulture, e.Message, e.Args)}"));
        Assert.Empty(result.NotImported);
        Assert.Equal(JsonSerializer.Serialize(guide, GuideJson.Options), JsonSerializer.Serialize(result.Guide, GuideJson.Options));
        Assert.Equal(32, result.Guide!.Questions.Count());
    }

    [Fact]
    public void Labels_in_both_languages_groups_repeats_selects_relevant_and_constraints_map_onto_the_guide()
    {
        var survey = Table("survey", SurveyHeader,
            ["begin group", "profile", "Profile", "概况", "", "", "", "", ""],
            ["integer", "staff", "How many staff?", "员工人数？", "All sites", "yes", "", ". >= 0 and . <= 5000", "0 to 5000"],
            ["select_one yn", "export", "Do you export?", "是否出口？", "", "true()", "", "", ""],
            ["select_multiple market", "markets", "Which markets?", "哪些市场？", "", "", "selected(${export}, 'yes')", "", ""],
            ["decimal", "share", "Export share", "出口比例", "", "", "${export} = 'yes'", ". > 0", ""],
            ["note", "thanks", "Thank you", "谢谢", "", "", "", "", ""],
            ["end group", "", "", "", "", "", "", "", ""],
            ["begin_repeat", "partners", "Research partners", "研发伙伴", "", "", "", "", "", "research"],
            ["text", "partner_name", "Name", "名称", "", "", "", "", ""],
            ["end_repeat", "", "", "", "", "", "", "", ""]);
        var choices = Table("choices", ["list_name", "name", "label::English (en)", "label::Chinese (zh)"],
            ["yn", "yes", "Yes", "是"], ["yn", "no", "No", "否"], ["market", "eu", "Europe", "欧洲"], ["market", "us", "USA", "美国"]);
        var result = XlsFormImporter.Import([survey, choices, Table("settings", ["form_title", "form_title::Chinese", "form_id"], ["Linkages", "联系", "x"])]);
        Assert.Empty(result.Errors);
        var g = result.Guide!;
        Assert.Equal(("Linkages", "联系"), (g.TitleEn, g.TitleZh));
        Assert.Equal(["profile", "S2"], g.Sections.Select(s => s.Id));
        Assert.Equal(("Profile", "概况"), (g.Sections[0].TitleEn, g.Sections[0].TitleZh));
        var staff = g.Find("staff")!;
        Assert.Equal((QuestionType.Integer, "How many staff?", "员工人数？", "All sites", true, 0m, 5000m),
            (staff.Kind, staff.TextEn, staff.TextZh, staff.InstructionEn, staff.Required, staff.Min, staff.Max));
        Assert.Equal(["yes", "no"], g.Find("export")!.Options!.Select(o => o.Code));
        Assert.Equal("否", g.Find("export")!.Options![1].Zh);
        Assert.True(g.Find("export")!.Required);
        Assert.Equal(QuestionType.Multiple, g.Find("markets")!.Kind);
        Assert.Equal("export", g.Find("markets")!.ShowIf!.Question);
        Assert.Equal(["yes"], g.Find("markets")!.ShowIf!.In);
        Assert.Equal("export", g.Find("share")!.ShowIf!.Question);
        Assert.Null(g.Find("share")!.Min);   // . > 0 on decimals is not a minimum the guide can hold: listed below
        Assert.Equal(QuestionType.Partners, g.Find("partners")!.Kind);
        Assert.Null(g.Find("thanks"));
        Assert.Null(g.Find("partner_name"));
        Assert.Equal([(3, "constraint_message::en"), (6, "constraint"), (7, "type"), (10, "type")],
            result.NotImported.Select(n => (n.Row, n.Column!.Split(' ')[1].Trim('(', ')').Replace("English", "en"))));
        Assert.All(result.NotImported, n => Assert.Equal("survey", n.Sheet));
    }

    [Theory]
    [InlineData("${q} = 'a'", "q", "a")]
    [InlineData("${q}='a' or ${q} = 'b'", "q", "a b")]
    [InlineData("selected(${q}, 'a') or (selected(${q},'b') or 'c' = ${q})", "q", "a b c")]
    public void Relevant_expressions_on_one_choice_question_become_a_show_if(string expression, string question, string codes)
    {
        var showIf = XlsFormExpressions.Relevant(expression)!;
        Assert.Equal(question, showIf.Question);
        Assert.Equal(codes.Split(' '), showIf.In);
    }

    [Theory]
    [InlineData("${q} = 'a' and ${r} = 'b'")]
    [InlineData("${q} = 'a' or ${r} = 'b'")]
    [InlineData("${q} != 'a'")]
    [InlineData("${n} > 3")]
    [InlineData("not(selected(${q}, 'a'))")]
    [InlineData("${q} = 'a")]
    public void Relevant_expressions_the_guide_cannot_hold_are_refused(string expression) => Assert.Null(XlsFormExpressions.Relevant(expression));

    [Theory]
    [InlineData(". >= 0 and . <= 100", false, "0", "100")]
    [InlineData(". > 0", true, "1", "")]
    [InlineData("100 >= .", false, "", "100")]
    [InlineData(". >= 1.5", false, "1.5", "")]
    public void Constraints_that_are_ranges_become_min_and_max(string expression, bool whole, string min, string max)
    {
        var (lo, hi) = XlsFormExpressions.Constraint(expression, whole)!.Value;
        Assert.Equal(min, lo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Assert.Equal(max, hi?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }

    [Theory]
    [InlineData(". > 0", false)]
    [InlineData("regex(., '^[0-9]+$')", false)]
    [InlineData(". <= ${total}", true)]
    [InlineData(". >= 0 or . <= 5", true)]
    public void Other_constraints_are_refused(string expression, bool whole) => Assert.Null(XlsFormExpressions.Constraint(expression, whole));

    [Fact]
    public void A_malformed_form_names_each_bad_row_by_sheet_row_and_column_and_gives_no_guide()
    {
        var survey = Table("survey", SurveyHeader,
            ["integer", "a1", "Founded?", "成立？", "", "", "", "", ""],
            ["select_one missing", "a2", "Kind?", "类型？", "", "", "", "", ""],
            ["integer", "a3", "Staff?", "", "", "", "", "", ""],
            ["geopint", "a4", "Where?", "在哪？", "", "", "", "", ""],
            ["integer", "a1", "Again?", "再次？", "", "", "", "", ""],
            ["end group", "", "", "", "", "", "", "", ""]);
        var choices = Table("choices", ["list_name", "name", "label::en", "label::zh"], ["yn", "yes", "Yes", ""]);
        var result = XlsFormImporter.Import([survey, choices, Settings]);
        Assert.Null(result.Guide);
        Assert.Equal(
            [("choices", 2, "D (label::zh)"), ("survey", 3, "A (type)"), ("survey", 4, "D (label::Chinese)"), ("survey", 5, "A (type)"),
             ("survey", 6, "B (name)"), ("survey", 7, "A (type)")],
            result.Errors.Select(e => (e.Sheet, e.Row, e.Column)));
        Assert.Equal("The choice list {0} is not on the choices sheet.", result.Errors[1].Message);
    }

    [Fact]
    public void A_form_without_chinese_labels_or_titles_is_refused_at_the_header()
    {
        var result = XlsFormImporter.Import([Table("survey", ["type", "name", "label"], ["text", "a", "A?"]), Table("settings", ["form_title"], ["T"])]);
        Assert.Null(result.Guide);
        Assert.Contains(result.Errors, e => e is { Sheet: "settings", Row: 2 } && e.Message.Contains("Chinese", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e is { Sheet: "survey", Row: 1 } && e.Args.Contains("label::Chinese"));
        Assert.Equal("survey", XlsFormImporter.Import([Settings]).Errors.Single().Sheet);
    }

    [Fact]
    public void A_show_if_to_a_later_question_is_the_guides_own_check_placed_at_the_row()
    {
        var survey = Table("survey", SurveyHeader,
            ["text", "first", "First", "第一", "", "", "${second} = 'yes'", "", ""],
            ["select_one yn", "second", "Second", "第二", "", "", "", "", ""]);
        var choices = Table("choices", ["list_name", "name", "label::en", "label::zh"], ["yn", "yes", "Yes", "是"]);
        var error = XlsFormImporter.Import([survey, choices, Settings]).Errors.Single();
        Assert.Equal(("survey", 2), (error.Sheet, error.Row));
        Assert.Contains("showIf", error.Message);
    }

    [Fact]
    public void Column_letters_run_past_Z() => Assert.Equal(["A", "Z", "AA", "AZ", "BA"], new[] { 0, 25, 26, 51, 52 }.Select(XlsColumns.Letter));
}
