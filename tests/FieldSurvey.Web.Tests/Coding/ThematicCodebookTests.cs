using System.Net;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Coding;

/// <summary>The thematic codebook through the PI's pages: create, nest, move, merge, retire, count, publish.</summary>
public sealed class ThematicCodebookTests(ThematicCodebookTests.Fixture app) : IClassFixture<ThematicCodebookTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static Dictionary<string, string> Theme(string code, string en, string zh, int? parent = null, string? colour = null, int? id = null, int version = 0) => new()
    {
        ["Input.Code"] = code, ["Input.NameEn"] = en, ["Input.NameZh"] = zh, ["Input.ParentId"] = parent?.ToString() ?? "",
        ["Input.Color"] = colour ?? "", ["Input.DefinitionEn"] = $"Definition of {en}.", ["Input.Id"] = id?.ToString() ?? "",
        ["Input.Version"] = version.ToString(),
    };

    async Task<int> CreateAsync(HttpClient pi, string code, string en, string zh, int? parent = null, string? colour = null)
    {
        var response = await pi.PostFormAsync("/Admin/Vocabulary/Edit?kind=Theme", Theme(code, en, zh, parent, colour));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return app.With(db => db.Terms.Single(t => t.Kind == TermKind.Theme && t.Code == code).Id);
    }

    [Fact]
    public async Task Thematic_codes_nest_to_any_depth_refuse_a_move_under_their_own_sub_code_and_show_in_the_tree_with_counts_and_in_a_published_version()
    {
        var pi = await app.SignedInAsync(AppFactory.PI);
        var top = await CreateAsync(pi, "t-reasons", "Reasons for location", "选址原因", colour: "#c0392b");
        var mid = await CreateAsync(pi, "t-policy", "Policy support", "政策支持", top);
        var deep = await CreateAsync(pi, "t-tax", "Tax breaks", "税收优惠", mid);
        Assert.Equal("#C0392B", app.With(db => db.Terms.Single(t => t.Id == top).Color));

        // Moving the top code under its grandchild would cut the tree loose: refused at the field, nothing saved.
        var version = app.With(db => db.Terms.Single(t => t.Id == top).Version);
        var refused = await pi.PostFormAsync("/Admin/Vocabulary/Edit?kind=Theme", Theme("t-reasons", "Reasons for location", "选址原因", deep, "#c0392b", top, version),
            formPage: $"/Admin/Vocabulary/Edit?kind=Theme&id={top}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("A code cannot be moved under itself or one of its own sub-codes.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Null(app.With(db => db.Terms.Single(t => t.Id == top).ParentId));
        var badColour = await pi.PostFormAsync("/Admin/Vocabulary/Edit?kind=Theme", Theme("t-bad", "Bad", "坏", colour: "red"));
        Assert.Contains("Write the colour as #RRGGBB.", WebUtility.HtmlDecode(await badColour.Content.ReadAsStringAsync()));

        // One passage carries the deep code, a second the middle one: own counts 1 and 1, the top code 2 with its sub-codes.
        var transcript = await app.TranscriptAsync("答：税收优惠和政策支持是我们来亦庄的原因。");
        await app.WithAsync(async db =>
        {
            foreach (var (term, quote) in new[] { (deep, "税收优惠"), (mid, "政策支持") })
            {
                var s = new Segment { TranscriptId = transcript, IsConsensus = true, Start = 2, End = 6, Quote = quote, CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start };
                db.Segments.Add(s);
                await db.SaveChangesAsync();
                db.SegmentThemes.Add(new SegmentTheme { SegmentId = s.Id, TermId = term });
            }
            return await db.SaveChangesAsync();
        });
        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync(AppFactory.Coder1)).GetStringAsync("/Coding/Codebook"));
        var row = page[page.IndexOf("data-theme=\"t-reasons\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("<td class=\"text-end\" data-testid=\"theme-count\">0</td>", row);
        Assert.Contains("<td class=\"text-end\">2</td>", row);
        Assert.True(page.IndexOf("t-reasons", StringComparison.Ordinal) < page.IndexOf("t-policy", StringComparison.Ordinal)
                    && page.IndexOf("t-policy", StringComparison.Ordinal) < page.IndexOf("t-tax", StringComparison.Ordinal));

        var publish = await pi.PostFormAsync("/Admin/Codebook?handler=Publish", [], formPage: "/Admin/Codebook");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var entries = Codebook.Read(app.With(db => db.CodebookVersions.OrderByDescending(v => v.Number).First().SnapshotJson));
        Assert.Equal("t-policy", entries.Single(e => e.Code == "t-tax").Parent);
        Assert.Equal("#C0392B", entries.Single(e => e.Code == "t-reasons").Color);
    }

    [Fact]
    public async Task Merging_a_thematic_code_moves_its_passages_sub_codes_and_memos_to_the_target_and_a_retired_code_stays_in_the_tree()
    {
        var pi = await app.SignedInAsync(AppFactory.PI);
        var target = await CreateAsync(pi, "m-cost", "Costs", "成本");
        var source = await CreateAsync(pi, "m-rent", "Rent", "房租");
        var child = await CreateAsync(pi, "m-rent-office", "Office rent", "办公室租金", source);
        var transcript = await app.TranscriptAsync("答：房租很贵，成本很高。");
        var (both, only) = await app.WithAsync(async db =>
        {
            var a = new Segment { TranscriptId = transcript, IsConsensus = true, Start = 2, End = 4, Quote = "房租", CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start };
            var b = new Segment { TranscriptId = transcript, IsConsensus = true, Start = 7, End = 9, Quote = "成本", CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start };
            db.Segments.AddRange(a, b);
            await db.SaveChangesAsync();
            db.SegmentThemes.AddRange(new SegmentTheme { SegmentId = a.Id, TermId = source }, new SegmentTheme { SegmentId = b.Id, TermId = source },
                new SegmentTheme { SegmentId = b.Id, TermId = target });
            db.Memos.Add(new Memo { Target = MemoTarget.Code, TermId = source, Title = "Rent", Text = "Rent is the first complaint.", CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start });
            await db.SaveChangesAsync();
            return (b.Id, a.Id);
        });

        var version = app.With(db => db.Terms.Single(t => t.Id == source).Version);
        var intoChild = await pi.PostFormAsync($"/Admin/Codebook/Merge?id={source}", new() { ["Input.TargetId"] = child.ToString(), ["Input.Version"] = version.ToString() });
        Assert.Contains("merged into one of its own sub-codes", WebUtility.HtmlDecode(await intoChild.Content.ReadAsStringAsync()));
        var merged = await pi.PostFormAsync($"/Admin/Codebook/Merge?id={source}", new() { ["Input.TargetId"] = target.ToString(), ["Input.Version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        app.With(db =>
        {
            Assert.Equal([target], db.SegmentThemes.Where(x => x.SegmentId == only).Select(x => x.TermId).ToList());
            Assert.Equal([target], db.SegmentThemes.Where(x => x.SegmentId == both).Select(x => x.TermId).ToList());   // not doubled
            Assert.Equal(target, db.Terms.Single(t => t.Id == child).ParentId);
            Assert.Equal(target, db.Memos.Single(m => m.Title == "Rent").TermId);
            Assert.Equal(target, db.Terms.Single(t => t.Id == source).MergedIntoId);
            return 0;
        });
        var codebook = WebUtility.HtmlDecode(await pi.GetStringAsync("/Admin/Codebook"));
        Assert.Contains("data-theme=\"m-rent\"", codebook);
        Assert.Contains("merged into m-cost", codebook);
    }
}
