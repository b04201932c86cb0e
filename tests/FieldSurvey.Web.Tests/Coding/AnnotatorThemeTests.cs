using System.Net;
using System.Text.Json;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Coding;

/// <summary>Thematic codes through the annotator's JSON endpoints: saved beside the linkage dimensions, read back, validated.</summary>
public sealed class AnnotatorThemeTests(AnnotatorThemeTests.Fixture fixture) : IClassFixture<AnnotatorThemeTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Text = "受访者：我们选择这个园区是因为税收优惠。\nRespondent: The park also gave us a lab at half rent.\n受访者：我们和北大合作研发。";

    /// <summary>A thematic code seeded straight into the codebook; retired when asked.</summary>
    int Theme(string code, string en, int? parent = null, bool retired = false) => fixture.With(db =>
    {
        var term = new Term
        {
            Kind = TermKind.Theme, Code = code, NameEn = en, NameZh = en + "（中）", ParentId = parent, Color = "#2A9D8F",
            RetiredAt = retired ? TestClock.Start : null,
        };
        db.Terms.Add(term);
        db.SaveChanges();
        return term.Id;
    });

    async Task<HttpResponseMessage> SaveAsync(HttpClient client, int transcriptId, string quote, int? typeId, int[] themeIds, int? id = null, int version = 0)
    {
        var text = fixture.With(db => db.Transcripts.Single(t => t.Id == transcriptId).Text);
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        return await client.PostJsonAsync(transcriptId, "Save", new { id, version, start, end = start + quote.Length, quote, typeId, themeIds });
    }

    static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    static int[] ThemesOf(JsonElement segment) => segment.GetProperty("themeIds").EnumerateArray().Select(x => x.GetInt32()).ToArray();

    [Fact]
    public async Task A_passage_saved_with_a_thematic_code_and_a_linkage_type_reads_both_back_and_an_edit_changes_only_its_themes()
    {
        var reasons = Theme("a-reasons", "Reasons for location");
        var tax = Theme("a-tax", "Tax breaks", reasons);
        var rent = Theme("a-rent", "Cheap premises", reasons);
        var id = await fixture.TranscriptAsync(Text, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var research = fixture.Term(TermKind.LinkageType, "research");

        var saved = await JsonOf(await SaveAsync(coder, id, "我们选择这个园区是因为税收优惠", research, [tax, reasons]));
        Assert.Equal(research, saved.GetProperty("typeId").GetInt32());
        Assert.Equal([tax, reasons], ThemesOf(saved));

        // Themes alone are a passage too (no linkage type), and the page's Data endpoint returns both kinds.
        var themeOnly = await JsonOf(await SaveAsync(coder, id, "The park also gave us a lab at half rent", null, [rent]));
        var data = await coder.DataAsync(id);
        var byId = data.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetInt32());
        Assert.Equal([tax, reasons], ThemesOf(byId[saved.GetProperty("id").GetInt32()]));
        Assert.Equal(research, byId[saved.GetProperty("id").GetInt32()].GetProperty("typeId").GetInt32());
        Assert.Equal([rent], ThemesOf(byId[themeOnly.GetProperty("id").GetInt32()]));
        Assert.Equal(JsonValueKind.Null, byId[themeOnly.GetProperty("id").GetInt32()].GetProperty("typeId").ValueKind);

        // Editing swaps tax for rent: one row removed, one added, the version moves on.
        var segmentId = saved.GetProperty("id").GetInt32();
        var edited = await JsonOf(await SaveAsync(coder, id, "我们选择这个园区是因为税收优惠", research, [reasons, rent], segmentId, saved.GetProperty("version").GetInt32()));
        Assert.Equal(saved.GetProperty("version").GetInt32() + 1, edited.GetProperty("version").GetInt32());
        var stored = fixture.With(db => db.SegmentThemes.Where(x => x.SegmentId == segmentId).Select(x => x.TermId).OrderBy(x => x).ToList());
        Assert.Equal(new[] { reasons, rent }.Order(), stored);
    }

    [Fact]
    public async Task A_forged_retired_or_linkage_id_sent_as_a_theme_is_refused_with_a_message_and_nothing_is_saved()
    {
        var active = Theme("f-active", "Policy support");
        var retired = Theme("f-retired", "Old theme", retired: true);
        var id = await fixture.TranscriptAsync(Text, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var research = fixture.Term(TermKind.LinkageType, "research");
        const string quote = "我们和北大合作研发";

        foreach (var themes in new[] { new[] { active, 999_999 }, [retired], [research], [active, active] })
        {
            var response = await SaveAsync(coder, id, quote, research, themes);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
            Assert.Contains("thematic code", error);
        }
        var nothing = await SaveAsync(coder, id, quote, null, []);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("linkage type or a thematic code", await nothing.Content.ReadAsStringAsync());
        Assert.Equal(0, fixture.With(db => db.Segments.Count(s => s.TranscriptId == id)));
        Assert.Equal(0, fixture.With(db => db.SegmentThemes.Count(x => x.TermId == active || x.TermId == retired)));
    }

    [Fact]
    public async Task A_stale_edit_of_a_passage_s_themes_is_refused_and_keeps_the_newer_themes()
    {
        var a = Theme("s-a", "Talent pool");
        var b = Theme("s-b", "Market access");
        var id = await fixture.TranscriptAsync(Text, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        const string quote = "我们和北大合作研发";
        var first = await JsonOf(await SaveAsync(coder, id, quote, null, [a]));
        var segmentId = first.GetProperty("id").GetInt32();
        var loaded = first.GetProperty("version").GetInt32();
        await JsonOf(await SaveAsync(coder, id, quote, null, [a, b], segmentId, loaded));

        var stale = await SaveAsync(coder, id, quote, null, [b], segmentId, loaded);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(new[] { a, b }.Order(), fixture.With(db => db.SegmentThemes.Where(x => x.SegmentId == segmentId).Select(x => x.TermId).OrderBy(x => x).ToList()));
    }

    [Fact]
    public async Task The_coding_panel_offers_active_thematic_codes_in_tree_order_with_a_filter_box_and_not_retired_ones()
    {
        var parent = Theme("p-top", "Drawbacks of the park");
        Theme("p-child", "Traffic congestion", parent);
        Theme("p-gone", "Retired drawback", retired: true);
        var id = await fixture.TranscriptAsync(Text, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var html = WebUtility.HtmlDecode(await coder.GetStringAsync($"/Coding/Annotate?transcriptId={id}"));
        Assert.Contains("data-theme-filter", html);
        Assert.Contains("js/coding/themes.js", html);
        var top = html.IndexOf("data-label=\"Drawbacks of the park\"", StringComparison.Ordinal);
        var child = html.IndexOf("data-label=\"Traffic congestion\"", StringComparison.Ordinal);
        Assert.True(top > 0 && child > top, "the sub-code follows its parent");
        Assert.DoesNotContain("Retired drawback", html);
        Assert.Contains($"/Coding/Memos/Edit?about=Transcript:{id}", html);   // a memo on this transcript is one click away
        var memoForm = WebUtility.HtmlDecode(await coder.GetStringAsync($"/Coding/Memos/Edit?about=Transcript:{id}"));
        Assert.Contains($"<option value=\"Transcript:{id}\" selected", memoForm);
    }
}
