using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Coding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Coding;

/// <summary>
/// The annotator's codebook is kept per version of what is not segments (<see cref="CodebookCache"/>): a coder's saves
/// keep it, and every kind of change to a code (new, renamed, retired, merged, a theme moved under another) shows on the
/// next page, through SaveChanges as the vocabulary pages save and through ExecuteUpdate with its bump.
/// </summary>
public sealed class CodebookCacheTests(CodebookCacheTests.Fixture fixture) : IClassFixture<CodebookCacheTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Text = "受访者：我们和北大合作研发。\nRespondent: We compete with the Yizhuang firms for staff.";

    CodebookCache Cache => fixture.Services.GetRequiredService<CodebookCache>();

    int Theme(string code, string en, int? parent = null) => fixture.With(db =>
    {
        var term = new Term { Kind = TermKind.Theme, Code = code, NameEn = en, NameZh = en + "（中）", ParentId = parent };
        db.Terms.Add(term);
        db.SaveChanges();
        return term.Id;
    });

    static Task<string> PageAsync(HttpClient coder, int transcriptId) => coder.GetStringAsync($"/Coding/Annotate?transcriptId={transcriptId}");

    [Fact]
    public async Task A_second_page_and_a_coders_save_read_no_codebook_again_and_a_new_code_shows_on_the_next_page()
    {
        var id = await fixture.TranscriptAsync(Text, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        await PageAsync(coder, id);
        var reads = Cache.Reads;
        await PageAsync(coder, id);
        Assert.Equal(reads, Cache.Reads);

        // A coder's save bumps the data version, but only segments changed: the kept codebook stays.
        var research = fixture.Term(TermKind.LinkageType, "research");
        var quote = "我们和北大合作研发";
        var start = TranscriptTextStart(id, quote);
        var saved = await coder.PostJsonAsync(id, "Save", new { id = (int?)null, version = 0, start, end = start + quote.Length, quote, typeId = research });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        await PageAsync(coder, id);
        Assert.Equal(reads, Cache.Reads);

        var theme = Theme("cache-new", "Talent competition");
        var page = await PageAsync(coder, id);
        Assert.Contains($"data-theme-id=\"{theme}\"", page);
        Assert.Contains("talent competition（中）", page);   // the option's search text: code and both names, lower case
        Assert.Equal(reads + 1, Cache.Reads);
    }

    [Fact]
    public async Task A_renamed_retired_merged_or_moved_code_shows_so_on_the_next_page()
    {
        var id = await fixture.TranscriptAsync(Text, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var parent = Theme("cache-parent", "Reasons for location");
        var child = Theme("cache-child", "Cheap premises");
        var retired = Theme("cache-retire", "Old theme");
        var merged = Theme("cache-merge", "Duplicate theme");
        var page = await PageAsync(coder, id);
        Assert.Contains($"data-theme-id=\"{retired}\"", page);
        Assert.Contains($"data-theme-id=\"{merged}\"", page);
        Assert.Contains("padding-left:0rem\"", Options(page, child));
        Assert.Contains("cheap premises（中）", page);

        // Renamed, retired and moved through SaveChanges, as the vocabulary pages save.
        await fixture.WithAsync(async db =>
        {
            var terms = await db.Terms.Where(t => t.Id == child || t.Id == retired).ToDictionaryAsync(t => t.Id);
            terms[child].NameZh = "廉价场地";
            terms[child].ParentId = parent;
            terms[retired].RetiredAt = TestClock.Start;
            return await db.SaveChangesAsync();
        });
        page = await PageAsync(coder, id);
        Assert.Contains("廉价场地", page);
        Assert.DoesNotContain("cheap premises（中）", page);
        Assert.Contains("padding-left:0.9rem\"", Options(page, child));
        Assert.DoesNotContain($"data-theme-id=\"{retired}\"", page);

        // Merged through ExecuteUpdate, which bumps the version in its transaction (BumpDataVersionAsync).
        await fixture.WithAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Terms.Where(t => t.Id == merged).ExecuteUpdateAsync(s => s.SetProperty(t => t.MergedIntoId, parent));
            await db.BumpDataVersionAsync();
            await tx.CommitAsync();
            return 0;
        });
        Assert.DoesNotContain($"data-theme-id=\"{merged}\"", await PageAsync(coder, id));
    }

    int TranscriptTextStart(int transcriptId, string quote) =>
        fixture.With(db => db.Transcripts.Single(t => t.Id == transcriptId).Text).IndexOf(quote, StringComparison.Ordinal);

    // The theme option's list item: its indent (the tree depth) and its button.
    static string Options(string page, int themeId)
    {
        var at = page.IndexOf($"data-theme-id=\"{themeId}\"", StringComparison.Ordinal);
        Assert.True(at > 0, $"theme {themeId} is not on the page");
        var li = page.LastIndexOf("<li ", at, StringComparison.Ordinal);
        return page[li..at];
    }
}
