using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;

namespace FieldSurvey.Core.Tests.Reporting;

/// <summary>
/// Issue 19, remaining parts: which park each relation question asks about is the guide's data (aboutPark), E3 as a
/// knowledge indicator, the answers behind each survey figure, and "survey answers" as a source.
/// </summary>
public sealed class SurveyGuideTests
{
    static Guide Parse(string questions) => GuideParser.Parse(
        $$"""{"titleEn":"G","titleZh":"提纲","sections":[{"id":"F","titleEn":"F","titleZh":"丙","questions":[{{questions}}]}]}""").Guide!;

    static string Relation(string id, string? park) =>
        $$"""{"id":"{{id}}","type":"single",{{(park is null ? "" : $"\"aboutPark\":\"{park}\",")}}"textEn":"?","textZh":"？","options":[{"code":"partners","en":"P","zh":"伙"},{"code":"competitors","en":"C","zh":"竞"}]}""";

    static string SeedGuide()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "seed", "guide.json"))) dir = Path.GetDirectoryName(dir)!;
        return File.ReadAllText(Path.Combine(dir, "seed", "guide.json"));
    }

    [Fact]
    public void The_default_guide_states_which_park_each_F_question_asks_about()
    {
        var guide = GuideParser.Parse(SeedGuide()).Guide!;
        Assert.Equal(new Dictionary<string, string> { ["F1"] = "ZLS", ["F2"] = "YZ", ["F3"] = "DX" }, SurveyQuestions.Relations([guide]));
    }

    [Fact]
    public void Relation_questions_are_read_from_aboutPark_not_from_their_ids_and_a_later_version_wins()
    {
        // Version 1 asks F1 about YZ; version 2 moves F1 to DX and adds a question with another id; F9 has no aboutPark.
        var v1 = Parse(Relation("F1", "YZ") + "," + Relation("F9", null));
        var v2 = Parse(Relation("F1", "DX") + "," + Relation("Q7", "ZLS"));
        Assert.Equal(new Dictionary<string, string> { ["F1"] = "DX", ["Q7"] = "ZLS" }, SurveyQuestions.Relations([v1, v2]));
        Assert.Empty(SurveyQuestions.Relations([Parse(Relation("F1", null))]));
    }

    [Fact]
    public void The_relation_indicator_follows_the_guides_map()
    {
        // A ZLS firm answers F1 "competitors". With F1 about YZ it is about pair YZ-ZLS; with F1 about ZLS (its own
        // park) it is not counted; with F1 about DX it belongs to DX-ZLS.
        SurveyAnswer[] answers = [new(1, "ZLS", "F1", "competitors")];
        RelationIndicator For(string about, string[] set) =>
            SurveyIndicators.For("x", set, answers, new Dictionary<string, string> { ["F1"] = about }).Relations;
        Assert.Equal(new RelationIndicator(1, 0, 1, 0, 0), For("YZ", ["ZLS", "YZ"]));
        Assert.Equal(new RelationIndicator(0, 0, 0, 0, 0), For("ZLS", ["ZLS", "YZ"]));
        Assert.Equal(new RelationIndicator(0, 0, 0, 0, 0), For("DX", ["ZLS", "YZ"]));
        Assert.Equal(new RelationIndicator(1, 0, 1, 0, 0), For("DX", ["ZLS", "DX"]));
        // No map, no relation figures: nothing is assumed from the question id.
        Assert.Equal(0, SurveyIndicators.For("x", ["ZLS", "YZ"], answers, new Dictionary<string, string>()).Relations.Answers);
    }

    [Fact]
    public void AboutPark_is_refused_on_a_question_that_is_not_a_single_choice()
    {
        var result = GuideParser.Parse("""{"titleEn":"G","titleZh":"提纲","sections":[{"id":"F","titleEn":"F","titleZh":"丙","questions":[{"id":"F1","type":"text","aboutPark":"YZ","textEn":"?","textZh":"？"}]}]}""");
        Assert.Contains(result.Problems, p => p.Message.Contains("aboutPark is only for single questions", StringComparison.Ordinal));
    }

    // E3 for pair YZ-ZLS: firm 1 weekly, firm 2 yearly, firm 3 monthly, firm 4 never, firm 5 an unknown code (left out),
    // firm 9 (DX) weekly, outside the pair. Regular (monthly or more): 2 of 4 = 50 %; Wilson(2, 4) = 15.0 % – 85.0 %
    // (Newcombe 1998's method 3: (2·4·0.5 + z²) / (2(4 + z²)) ± z·√(z² + 4·4·0.25) / (2(4 + z²)) = 0.5 ± 0.3498).
    static readonly SurveyAnswer[] Contact =
    [
        new(1, "ZLS", "E3", "weekly"), new(2, "ZLS", "E3", "yearly"), new(3, "YZ", "E3", "monthly"), new(4, "YZ", "E3", "never"),
        new(5, "YZ", "E3", "daily"), new(9, "DX", "E3", "weekly"),
    ];

    [Fact]
    public void E3_counts_the_firms_that_talk_to_the_other_parks_monthly_or_more_with_Wilsons_interval()
    {
        var pair = SurveyIndicators.For("YZ-ZLS", ["ZLS", "YZ"], Contact, new Dictionary<string, string>());
        Assert.Equal(new ContactIndicator(4, 1, 1, 1, 1), pair.Contact);
        Assert.Equal(0.5, pair.Contact.Share, 10);
        Assert.Equal(0.1500, pair.Contact.Interval.Low, 4);
        Assert.Equal(0.8500, pair.Contact.Interval.High, 4);
        Assert.Equal(5, SurveyIndicators.For("all", ["ZLS", "YZ", "DX"], Contact, new Dictionary<string, string>()).Contact.Firms);
    }

    [Fact]
    public void E3_is_the_survey_reading_of_the_knowledge_row_of_the_triangulation()
    {
        // 50 % of firms in regular contact ≥ the collaborating share 0.2: towards collaborating; no mentions: nothing else.
        var input = new ReportInput([new("ZLS", "Z", "中"), new("YZ", "Y", "亦"), new("DX", "D", "大")], [], [new("knowledge", "K", "知")], [],
            [], [], new Dictionary<TranscriptBasis, int>(), ClassificationRule.Default) { Answers = Contact };
        var knowledge = LinkageReport.Build(input).Triangulation.Single(t => t.Key == "YZ-ZLS" && t.Indicator == Triangulation.Knowledge);
        Assert.Equal(new SourceReading(0.5, 4, 4, Lean.TowardsCollaborating), knowledge.Survey);
        Assert.Equal(Lean.NoEvidence, knowledge.Coded.Lean);
    }

    [Fact]
    public void The_answers_behind_a_survey_figure_are_the_ones_it_counts()
    {
        var answers = UncertaintyTests.Answers;
        var relations = UncertaintyTests.Relations;
        string[] pair = ["ZLS", "YZ"];
        // C3 with the employee weights of the firms that answered C3; DX firm 9 is outside the pair.
        Assert.Equal([(1, "C3"), (1, "A2"), (2, "C3"), (2, "A2"), (3, "C3")],
            SurveyIndicators.Behind(SurveyFigure.Inputs, pair, answers, relations).Select(a => (a.FirmId, a.QuestionId)));
        Assert.Equal([(1, "D2"), (1, "D3"), (2, "D2"), (2, "D3"), (3, "D2"), (3, "D3")],
            SurveyIndicators.Behind(SurveyFigure.Mobility, pair, answers, relations).Select(a => (a.FirmId, a.QuestionId)));
        // Relations: firm 2's F3 asks about DX, outside the pair: three answers, as RelationIndicator counts.
        var behind = SurveyIndicators.Behind(SurveyFigure.Relations, pair, answers, relations);
        Assert.Equal([(1, "F2"), (2, "F2"), (3, "F1")], behind.Select(a => (a.FirmId, a.QuestionId)));
        Assert.Equal(SurveyIndicators.For("YZ-ZLS", pair, answers, relations).Relations.Answers, behind.Count);
    }

    [Fact]
    public void With_survey_answers_as_the_source_no_mention_is_counted_and_the_survey_figures_stay()
    {
        var mentions = new[] { new Mention(1, "ZLS", "YZ", "YZ", Core.Study.Scope.CrossCluster, "knowledge", null, MentionSource.Coded, 1, "q") };
        var input = new ReportInput([new("ZLS", "Z", "中"), new("YZ", "Y", "亦"), new("DX", "D", "大")], [], [new("knowledge", "K", "知")], [],
            mentions, [], new Dictionary<TranscriptBasis, int>(), ClassificationRule.Default, SourceFilter.Survey) { Answers = Contact };
        var report = LinkageReport.Build(input);
        Assert.Empty(report.Counted);
        Assert.Equal(4, report.Survey.Single(s => s.Key == "YZ-ZLS").Contact.Firms);
        // The triangulation still reads each source on its own.
        Assert.Equal(Lean.TowardsCollaborating, report.Triangulation.Single(t => t.Key == "YZ-ZLS" && t.Indicator == "knowledge").Coded.Lean);
    }
}
