using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Coding;

/// <summary>The thematic codes' filter box in the coding panel, with a linkage type on the same passage.</summary>
public sealed class ThemePickerTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_coder_filters_the_theme_tree_adds_a_code_with_Enter_removes_one_with_the_cross_and_saves_it_with_a_linkage_type()
    {
        var (reasons, tax) = fixture.App.With(db =>
        {
            var top = new Term { Kind = TermKind.Theme, Code = "b-reasons", NameEn = "Reasons for location", NameZh = "选址原因", Color = "#C0392B" };
            db.Terms.Add(top);
            db.SaveChanges();
            var child = new Term { Kind = TermKind.Theme, Code = "b-tax", NameEn = "Tax breaks", NameZh = "税收优惠", ParentId = top.Id };
            db.Terms.Add(child);
            db.SaveChanges();
            return (top.Id, child.Id);
        });
        var (id, text) = fixture.App.With(db => db.Transcripts.Join(db.Interviews, t => t.InterviewId, i => i.Id, (t, i) => new { t, i.FirmId })
            .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new { x.t.Id, x.t.Text, f.NameEn })
            .Where(x => x.NameEn!.StartsWith("Baiotai")).AsEnumerable().Select(x => (x.Id, x.Text)).Single());
        const string quote = "我们和清华大学的实验室也有长期合作";
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1);
        var annotator = new AnnotatorPage(page);

        await BrowserFixture.Step(page, "theme-picker", async () =>
        {
            await annotator.OpenAsync(id);
            var start = text.IndexOf(quote, StringComparison.Ordinal);
            await annotator.SelectAsync(start, start + quote.Length);
            await page.Keyboard.PressAsync("r");                        // research, by its shortcut key
            var filter = page.Locator("[data-testid=theme-filter]");
            await filter.FillAsync("reas");
            await Assertions.Expect(page.Locator("[data-testid=theme-options] li:not(.d-none)")).ToHaveCountAsync(1);
            await filter.PressAsync("Enter");                           // adds the only match, does not save
            await Assertions.Expect(page.Locator("[data-testid=coding-panel]")).ToBeVisibleAsync();
            await filter.PressSequentiallyAsync("tax");                 // "t", "a", "x" are a search here, not shortcut keys
            await filter.PressAsync("Enter");
            var chips = page.Locator("[data-testid=theme-chosen] li");
            await Assertions.Expect(chips).ToHaveCountAsync(2);
            await page.Locator($"[data-theme-remove='{reasons}']").ClickAsync();
            await Assertions.Expect(chips).ToHaveCountAsync(1);
            await filter.PressAsync("Enter");                           // an empty box lets Enter save the segment
            await Assertions.Expect(page.Locator("[data-testid=segment-list] li", new() { HasText = "Tax breaks" })).ToHaveCountAsync(1);
        });

        var saved = fixture.App.With(db => db.Segments.Single(s => s.TranscriptId == id && s.Quote == quote && s.DeletedAtUtc == null));
        Assert.Equal(fixture.App.With(db => db.Terms.Single(t => t.Kind == TermKind.LinkageType && t.Code == "research").Id), saved.LinkageTypeId);
        Assert.Equal([tax], fixture.App.With(db => db.SegmentThemes.Where(x => x.SegmentId == saved.Id).Select(x => x.TermId).ToList()));

        await BrowserFixture.Step(page, "theme-picker-reload", async () =>
        {
            await annotator.OpenAsync(id);
            await Assertions.Expect(page.Locator($"[data-testid=segment-list] li[data-segment-id='{saved.Id}']")).ToContainTextAsync("Tax breaks");
            await page.Locator($"[data-testid=segment-list] li[data-segment-id='{saved.Id}'] [data-action=edit]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=theme-chosen] li")).ToHaveCountAsync(1);
        });
    }
}
