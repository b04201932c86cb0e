using System.Net;
using System.Text;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Interviews;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Coding;

public sealed class AnnotatorHttpTests(AnnotatorHttpTests.Fixture fixture) : IClassFixture<AnnotatorHttpTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Bilingual = "访谈员：请介绍一下研发合作。\n受访者：我们和中关村的中科启明合作做早期筛选，已经三年了。\nRespondent: We also license compounds to a Daxing manufacturer.\n受访者：原料来自河北。";

    [Fact]
    public async Task Revising_a_transcript_with_a_paragraph_before_coded_passages_keeps_them_on_their_text()
    {
        var id = await fixture.TranscriptAsync(Bilingual, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        await coder.CodeAsync(fixture, id, "我们和中关村的中科启明合作做早期筛选");
        await coder.CodeAsync(fixture, id, "We also license compounds to a Daxing manufacturer");

        await fixture.WithAsync(async db =>
        {
            var transcript = await db.Transcripts.SingleAsync(t => t.Id == id);
            await db.ReviseAsync(transcript, "（补充）访谈开始前，受访者介绍了公司历史。A new opening paragraph.\n" + transcript.Text, null, TestClock.Start);
            return await db.SaveChangesAsync();
        });

        var (text, segments) = fixture.With(db => (db.Transcripts.Single(t => t.Id == id).Text,
            db.Segments.Where(s => s.TranscriptId == id).ToList()));
        Assert.StartsWith("（补充）", text);
        Assert.Equal(2, segments.Count);
        Assert.All(segments, s => Assert.Equal(s.Quote, text[s.Start..s.End]));
        Assert.All(segments, s => Assert.Equal(AnchorState.Moved, s.Anchor));

        var data = await coder.DataAsync(id);
        Assert.Equal(text.Length, data.GetProperty("length").GetInt32());
        foreach (var s in data.GetProperty("segments").EnumerateArray())
            Assert.Equal(s.GetProperty("quote").GetString(), text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]);
        Assert.Contains("（补充）访谈开始前", WebUtility.HtmlDecode(await coder.GetStringAsync($"/Coding/Annotate?transcriptId={id}")));
    }

    [Fact]
    public async Task On_a_double_coded_transcript_neither_coder_sees_the_other_until_both_have_finished()
    {
        var id = await fixture.TranscriptAsync(Bilingual, AppFactory.Coder1, AppFactory.Coder2);
        var first = await fixture.SignedInAsync(AppFactory.Coder1);
        var second = await fixture.SignedInAsync(AppFactory.Coder2);
        var segmentId = await first.CodeAsync(fixture, id, "原料来自河北", memo: "秘密备注 blind-memo-1", partner: "Hebei Secret Supplier");

        // The page HTML never carries segments (they travel as JSON); JSON, search and CSV must all follow the rule.
        async Task<bool> SecondSeesFirstAsync()
        {
            var html = WebUtility.HtmlDecode(await second.GetStringAsync($"/Coding/Annotate?transcriptId={id}"));
            Assert.DoesNotContain("blind-memo-1", html);
            Assert.DoesNotContain("Hebei Secret Supplier", html);
            var json = (await second.DataAsync(id)).GetRawText();
            var search = WebUtility.HtmlDecode(await second.GetStringAsync("/Coding/Search?Filter.Q=" + Uri.EscapeDataString("河北")));
            var csv = await second.GetStringAsync("/Coding/Search?handler=Csv&Filter.Q=" + Uri.EscapeDataString("河北"));
            var seen = new[] { json, search, csv }.Select(x => x.Contains("blind-memo-1") && x.Contains("Hebei Secret Supplier")).ToList();
            Assert.True(seen.All(x => x) || seen.All(x => !x), $"JSON, search and CSV must agree: {string.Join(",", seen)}");
            return seen[0];
        }

        Assert.False(await SecondSeesFirstAsync());
        await first.CompleteAsync(id);
        Assert.False(await SecondSeesFirstAsync());
        await second.CompleteAsync(id);
        Assert.True(await SecondSeesFirstAsync());
        var theirs = (await second.DataAsync(id)).GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == segmentId);
        Assert.False(theirs.GetProperty("own").GetBoolean());
    }

    [Fact]
    public async Task A_quote_that_does_not_match_the_text_at_its_offsets_is_refused_with_a_clear_message()
    {
        var id = await fixture.TranscriptAsync(Bilingual, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var text = fixture.With(db => db.Transcripts.Single(t => t.Id == id).Text);
        var start = text.IndexOf("中科启明", StringComparison.Ordinal);
        var response = await coder.PostJsonAsync(id, "Save", new
        {
            start, end = start + 4, quote = "中科启航", typeId = fixture.Term(TermKind.LinkageType, "research"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not match the transcript", await response.Content.ReadAsStringAsync());
        var outside = await coder.PostJsonAsync(id, "Save", new { start = text.Length - 2, end = text.Length + 3, quote = "河北。xx", typeId = fixture.Term(TermKind.LinkageType, "research") });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.False(fixture.With(db => db.Segments.Any(s => s.TranscriptId == id)));
    }

    [Fact]
    public async Task A_coder_cannot_change_or_delete_another_coders_segment_by_its_id()
    {
        var id = await fixture.TranscriptAsync(Bilingual, AppFactory.Coder1, AppFactory.Coder2);
        var first = await fixture.SignedInAsync(AppFactory.Coder1);
        var second = await fixture.SignedInAsync(AppFactory.Coder2);
        var segmentId = await first.CodeAsync(fixture, id, "已经三年了");
        var before = fixture.With(db => db.Segments.Single(s => s.Id == segmentId));
        var text = fixture.With(db => db.Transcripts.Single(t => t.Id == id).Text);
        var start = text.IndexOf("原料来自河北", StringComparison.Ordinal);

        var update = await second.PostJsonAsync(id, "Save", new
        {
            id = segmentId, version = before.Version, start, end = start + 6, quote = "原料来自河北", typeId = fixture.Term(TermKind.LinkageType, "supplier"),
        });
        var delete = await second.PostJsonAsync(id, "Delete", new { id = segmentId });
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var after = fixture.With(db => db.Segments.Single(s => s.Id == segmentId));
        Assert.Equal((before.Start, before.LinkageTypeId, before.Version, (DateTimeOffset?)null), (after.Start, after.LinkageTypeId, after.Version, after.DeletedAtUtc));
    }

    [Fact]
    public async Task A_coder_cannot_open_a_transcript_not_assigned_to_them()
    {
        var id = await fixture.TranscriptAsync(Bilingual, AppFactory.Coder1);
        var second = await fixture.SignedInAsync(AppFactory.Coder2);
        Assert.Equal(HttpStatusCode.Forbidden, (await second.GetAsync($"/Coding/Annotate?handler=Data&transcriptId={id}")).StatusCode);
        var page = await second.GetAsync($"/Coding/Annotate?transcriptId={id}");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_stale_update_is_refused_with_409_and_delete_can_be_undone()
    {
        var id = await fixture.TranscriptAsync(Bilingual, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var segmentId = await coder.CodeAsync(fixture, id, "原料来自河北");
        var s = fixture.With(db => db.Segments.Single(x => x.Id == segmentId));
        object Edit(string memo) => new { id = segmentId, version = s.Version, start = s.Start, end = s.End, quote = s.Quote, typeId = s.LinkageTypeId, memo };
        Assert.Equal(HttpStatusCode.OK, (await coder.PostJsonAsync(id, "Save", Edit("first"))).StatusCode);
        var stale = await coder.PostJsonAsync(id, "Save", Edit("second"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed elsewhere", await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await coder.PostJsonAsync(id, "Delete", new { id = segmentId })).StatusCode);
        Assert.Empty((await coder.DataAsync(id)).GetProperty("segments").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await coder.PostJsonAsync(id, "Restore", new { id = segmentId })).StatusCode);
        Assert.Single((await coder.DataAsync(id)).GetProperty("segments").EnumerateArray());
    }

    [Fact]
    public async Task Merging_a_code_moves_its_segments_to_the_target_and_keeps_the_source_as_merged()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var neutral = fixture.Term(TermKind.Nature, "neutral");
        var competitive = fixture.Term(TermKind.Nature, "competitive");
        var before = fixture.With(db => db.Segments.Where(s => s.NatureId == neutral).Select(s => s.Id).ToList());
        var total = fixture.With(db => db.Segments.Count());
        Assert.NotEmpty(before);
        var version = fixture.With(db => db.Terms.Single(t => t.Id == neutral).Version);
        var response = await pi.PostFormAsync($"/Admin/Codebook/Merge?id={neutral}", new()
        {
            ["Input.TargetId"] = competitive.ToString(), ["Input.Version"] = version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(total, fixture.With(db => db.Segments.Count()));
        Assert.All(fixture.With(db => db.Segments.Where(s => before.Contains(s.Id)).ToList()), s => Assert.Equal(competitive, s.NatureId));
        Assert.Equal(competitive, fixture.With(db => db.Terms.Single(t => t.Id == neutral).MergedIntoId));
        var audited = fixture.With(db => db.AuditEntries.Count(a => a.Entity == "Segment" && a.Action == "Modified" && a.Reason!.Contains("Merged")));
        Assert.Equal(before.Count, audited);
    }

    [Fact]
    public async Task The_CSV_export_is_UTF8_with_BOM_and_escapes_formula_text()
    {
        var id = await fixture.TranscriptAsync(Bilingual, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        await coder.CodeAsync(fixture, id, "我们和中关村的中科启明", memo: "=HYPERLINK(\"http://x\")", partner: "+86 中科启明");
        var bytes = await coder.GetByteArrayAsync("/Coding/Search?handler=Csv&Filter.Q=" + Uri.EscapeDataString("HYPERLINK"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains("'+86 中科启明", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.Contains("我们和中关村的中科启明", csv);
    }

    [Fact]
    public async Task Search_finds_passages_by_part_of_a_Chinese_word_and_by_English_in_any_case()
    {
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var chinese = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding/Search?Filter.Q=" + Uri.EscapeDataString("医学")));
        Assert.Contains("另外，<mark class=\"kwic\">我们和北京大学医学部", chinese); // the text before the quote is shown as context
        Assert.Contains("合作开展临床前研究", chinese);
        var english = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding/Search?Filter.Q=" + Uri.EscapeDataString("ZHONGKE qiming")));
        Assert.Contains("Our most important research partner is Zhongke Qiming", english);
        var none = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding/Search?Filter.Q=" + Uri.EscapeDataString("不存在的词语")));
        Assert.Contains("0 passages found", none);
    }
}
