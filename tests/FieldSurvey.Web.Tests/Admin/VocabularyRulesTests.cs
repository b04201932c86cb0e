using System.Net;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Admin;

/// <summary>The vocabulary page keeps codes and shortcut keys unique across the four coding dimensions (VocabularyRules).</summary>
public sealed class VocabularyRulesTests(VocabularyRulesTests.Fixture fixture) : IClassFixture<VocabularyRulesTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static Dictionary<string, string> NewEntry(string code, string? shortcut) => new()
    {
        ["Input.Code"] = code, ["Input.NameEn"] = "Rule test " + code, ["Input.NameZh"] = "规则测试" + code, ["Input.Shortcut"] = shortcut ?? "",
    };

    bool Saved(string code) => fixture.With(db => db.Terms.Any(t => t.NameEn == "Rule test " + code));

    // The seed gives the linkage type "research" the key r; the annotator matches keys without regard to case.
    [Theory]
    [InlineData("rule-key", "R", "Input.Shortcut", "Another coding entry already uses this shortcut key.")]
    [InlineData("research", null, "Input.Code", "An entry of another coding dimension already has this code.")]
    [InlineData("investor", null, "Input.Code", "Another entry already has this code.")]
    public async Task A_clashing_code_or_key_is_refused_at_its_field_and_nothing_is_saved(string code, string? shortcut, string field, string message)
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var response = await pi.PostFormAsync("/Admin/Vocabulary/Edit?kind=PartnerKind", NewEntry(code, shortcut), formPage: "/Admin/Vocabulary/Edit?kind=PartnerKind");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-valmsg-for=\"{field}\" data-valmsg-replace=\"true\">{message}", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(Saved(code));
    }

    [Fact]
    public async Task The_message_reads_in_Chinese_and_a_key_no_coding_entry_uses_is_saved()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        pi.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("zh-CN"));
        var refused = await pi.PostFormAsync("/Admin/Vocabulary/Edit?kind=Nature", NewEntry("rule-plus", "+"), formPage: "/Admin/Vocabulary/Edit?kind=Nature");
        Assert.Contains("另一个编码条目已使用此快捷键。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var saved = await pi.PostFormAsync("/Admin/Vocabulary/Edit?kind=Nature", NewEntry("rule-q", "q"), formPage: "/Admin/Vocabulary/Edit?kind=Nature");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(Saved("rule-q"));
    }
}
