using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Exchange;

namespace FieldSurvey.Core.Tests.Coding;

public sealed class ThemesTests
{
    // 1 Reasons ─ 2 Policy ─ 3 Tax ; 4 Drawbacks (retired) ; 5 whose parent 99 is missing
    static readonly ThemeNode[] Tree =
    [
        new(3, 2, "tax", "Tax", true, 1), new(1, null, "reasons", "Reasons", true, 2), new(2, 1, "policy", "Policy", true, 1),
        new(4, null, "drawbacks", "Drawbacks", false, 1), new(5, 99, "orphan", "Orphan", true, 3),
    ];

    [Fact]
    public void The_tree_is_walked_parents_first_siblings_by_sort_order_with_depths_and_paths_and_an_orphan_at_the_top()
    {
        var walked = Themes.Walk(Tree);
        Assert.Equal(["drawbacks", "reasons", "policy", "tax", "orphan"], walked.Select(p => p.Node.Code));
        Assert.Equal([0, 0, 1, 2, 0], walked.Select(p => p.Depth));
        Assert.Equal([1, 2, 3], walked.Single(p => p.Node.Code == "tax").Path);
    }

    [Theory]
    [InlineData(1, 3, Themes.MovesUnderItself)]   // under its grandchild
    [InlineData(1, 1, Themes.MovesUnderItself)]   // under itself
    [InlineData(3, 4, Themes.ParentNotTheme)]     // under a retired code
    [InlineData(3, 42, Themes.ParentNotTheme)]    // under a code that does not exist
    [InlineData(3, 1, null)]
    [InlineData(2, null, null)]
    public void A_move_is_refused_under_itself_its_sub_codes_or_a_retired_code(int id, int? parent, string? problem) =>
        Assert.Equal(problem, Themes.MoveProblem(id, parent, Tree));

    [Fact]
    public void A_merge_into_the_codes_own_subtree_is_refused_elsewhere_allowed()
    {
        Assert.Equal(Themes.MergesIntoOwnSubCode, Themes.MergeProblem(1, 3, Tree));
        Assert.Null(Themes.MergeProblem(3, 1, Tree));
        Assert.Null(Themes.MergeProblem(2, 4, Tree));
    }

    [Theory]
    [InlineData("#c0392b", "#C0392B")]
    [InlineData("C0392B", "#C0392B")]
    [InlineData("#abc", "#AABBCC")]
    [InlineData(" #00ff00 ", "#00FF00")]
    [InlineData("red", null)]
    [InlineData("#12345", null)]
    [InlineData("", null)]
    public void Colours_are_normalised_to_upper_case_RRGGBB(string input, string? expected) =>
        Assert.Equal(expected, Themes.NormaliseColour(input));

    [Fact]
    public void A_theme_description_carries_every_note_and_a_foreign_description_is_all_definition()
    {
        var notes = new ThemeNotes("政策支持", "Support from the park.\nAlso tax.", "园区的支持。", "Subsidies", "Rent", "补贴很多");
        var written = ThemeDescription.Write(notes);
        Assert.Equal("Support from the park. Also tax.\nChinese name: 政策支持\nDefinition (Chinese): 园区的支持。\nInclude: Subsidies\nExclude: Rent\nExample: 补贴很多", written);
        Assert.Equal(notes with { DefinitionEn = "Support from the park. Also tax." }, ThemeDescription.Read(written));
        Assert.Equal(new ThemeNotes(null, "A MAXQDA memo\nover two lines", null, null, null, null), ThemeDescription.Read("A MAXQDA memo\r\nover two lines"));
        Assert.Null(ThemeDescription.Write(new ThemeNotes(null, null, null, null, null, null)));
    }
}
