using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.Tests.Interviews;

public sealed class GuideParserTests
{
    static string SeedGuide() => File.ReadAllText(Path.Combine(FindRepo(), "seed", "guide.json"));

    static string FindRepo()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "seed", "guide.json"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }

    static string Guide(string questions) =>
        $$"""{"titleEn":"G","titleZh":"提纲","sections":[{"id":"A","titleEn":"A","titleZh":"甲","questions":[{{questions}}]}]}""";

    [Fact]
    public void The_default_guide_parses_without_problems()
    {
        var result = GuideParser.Parse(SeedGuide());
        Assert.Empty(result.Problems);
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G"], result.Guide!.Sections.Select(s => s.Id));
        Assert.Equal("research", result.Guide.Find("B1")!.LinkageType);
        Assert.Equal(QuestionType.Split, result.Guide.Find("C3")!.Kind);
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_line()
    {
        var result = GuideParser.Parse("{\n  \"titleEn\": \"G\",\n  \"sections\": [ oops ]\n}");
        var problem = Assert.Single(result.Problems);
        Assert.Contains("line", problem.Message);
        Assert.Equal(3L, problem.Args[0]);
    }

    [Theory]
    [InlineData("""{"id":"Q1","type":"text","textEn":"a","textZh":"甲"},{"id":"Q1","type":"text","textEn":"b","textZh":"乙"}""", "used twice")]
    [InlineData("""{"id":"Q1","type":"colour","textEn":"a","textZh":"甲"}""", "unknown type")]
    [InlineData("""{"id":"Q1","type":"single","textEn":"a","textZh":"甲"}""", "neither options nor optionsFrom")]
    [InlineData("""{"id":"Q1","type":"single","optionsFrom":"Colours","textEn":"a","textZh":"甲"}""", "not a vocabulary")]
    [InlineData("""{"id":"Q1","type":"text","textEn":"a","textZh":"甲","showIf":{"question":"Q2","in":["x"]}},{"id":"Q2","type":"single","textEn":"b","textZh":"乙","options":[{"code":"x","en":"X","zh":"叉"}]}""", "not an earlier question")]
    [InlineData("""{"id":"Q1","type":"partners","textEn":"a","textZh":"甲"}""", "linkageType")]
    [InlineData("""{"id":"Q1","type":"split","textEn":"a","textZh":"甲"}""", "partsFrom")]
    [InlineData("""{"id":"Q1","type":"text","textEn":"a"}""", "textZh")]
    [InlineData("""{"id":"Q1","type":"integer","min":10,"max":1,"textEn":"a","textZh":"甲"}""", "min is greater")]
    public void Guide_mistakes_are_named_with_the_question(string questions, string expected)
    {
        var result = GuideParser.Parse(Guide(questions));
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => string.Format(p.Message, p.Args).Contains(expected));
        Assert.Contains(result.Problems, p => p.Where.Contains("questions["));
    }

    [Fact]
    public void Additional_optional_fields_are_allowed()
    {
        var result = GuideParser.Parse(Guide("""{"id":"Q1","type":"text","textEn":"a","textZh":"甲","placeholder":"x"}"""));
        Assert.True(result.Ok);
    }

    [Fact]
    public void Show_if_follows_the_controlling_answer_and_collapses_chains()
    {
        var guide = GuideParser.Parse(Guide("""
            {"id":"Q1","type":"single","textEn":"a","textZh":"甲","options":[{"code":"yes","en":"Yes","zh":"是"},{"code":"no","en":"No","zh":"否"}]},
            {"id":"Q2","type":"multiple","textEn":"b","textZh":"乙","showIf":{"question":"Q1","in":["yes"]},"options":[{"code":"x","en":"X","zh":"叉"},{"code":"y","en":"Y","zh":"歪"}]},
            {"id":"Q3","type":"text","textEn":"c","textZh":"丙","showIf":{"question":"Q2","in":["y"]}}
            """)).Guide!;
        var answers = new Dictionary<string, string?> { ["Q1"] = "yes", ["Q2"] = "[\"y\"]" };
        string? Of(string id) => answers.GetValueOrDefault(id);
        Assert.True(guide.IsShown(guide.Find("Q3")!, Of));
        answers["Q1"] = "no";
        Assert.False(guide.IsShown(guide.Find("Q2")!, Of));
        Assert.False(guide.IsShown(guide.Find("Q3")!, Of)); // Q2 still says y, but Q2 is skipped
        Assert.True(guide.IsShown(guide.Find("Q1")!, Of));
    }
}
