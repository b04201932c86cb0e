using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Coding;

/// <summary>The co-occurrence page and its passage lists over passages coded through the annotator's handlers.</summary>
public sealed partial class CoOccurrencePageTests(CoOccurrencePageTests.Fixture app) : IClassFixture<CoOccurrencePageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    int Theme(string code, string en) => app.With(db =>
    {
        var term = new Term { Kind = TermKind.Theme, Code = code, NameEn = en, NameZh = en + "（中）" };
        db.Terms.Add(term);
        db.SaveChanges();
        return term.Id;
    });

    async Task CodeAsync(HttpClient client, int transcript, string quote, int? typeId, params int[] themes)
    {
        var text = app.With(db => db.Transcripts.Single(t => t.Id == transcript).Text);
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        var response = await client.PostJsonAsync(transcript, "Save", new { id = (int?)null, version = 0, start, end = start + quote.Length, quote, typeId, themeIds = themes });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    static string CellText(string html, string testId) =>
        CellPattern(testId).Match(html) is { Success: true } m ? m.Groups[1].Value.Trim() : throw new Xunit.Sdk.XunitException($"No cell {testId}");

    static Regex CellPattern(string testId) => new($"data-testid=\"{Regex.Escape(testId)}\"[^>]*>([^<]*)<");

    [Fact]
    public async Task A_linkage_type_and_a_theme_on_overlapping_passages_co_occur_once_and_the_cell_lists_that_stretch_with_its_quotes()
    {
        var talent = Theme("co-talent", "Talent pool");
        var rent = Theme("co-rent", "Cheap premises");
        var transcript = await app.TranscriptAsync("受访者：我们和北京大学合作研发，园区人才很多。另外，租金便宜。", AppFactory.Coder1);
        var coder = await app.SignedInAsync(AppFactory.Coder1);
        await CodeAsync(coder, transcript, "我们和北京大学合作研发", app.Term(TermKind.LinkageType, "research"));
        await CodeAsync(coder, transcript, "合作研发，园区人才很多", null, talent);   // overlaps the first: one stretch
        await CodeAsync(coder, transcript, "租金便宜", null, rent);                 // alone
        var park = app.With(db => db.Transcripts.Where(t => t.Id == transcript).Select(t => db.Interviews.Where(i => i.Id == t.InterviewId)
            .Select(i => db.Firms.Where(f => f.Id == i.FirmId).Select(f => f.Park!.Code).Single()).Single()).Single());

        var pi = await app.SignedInAsync(AppFactory.PI);
        var url = $"/Coding/Analysis/CoOccurrence?Park={park}&Source={transcript}";
        var page = WebUtility.HtmlDecode(await pi.GetStringAsync(url));
        Assert.Contains("overlap by at least one character", page);   // the rule is printed
        Assert.Equal("1", CellText(page, "co-research-co-talent"));
        Assert.Equal("0", CellText(page, "co-research-co-rent"));
        Assert.Equal("1", CellText(page, "co-co-rent-co-rent"));
        var shares = WebUtility.HtmlDecode(await pi.GetStringAsync(url + "&Measure=Passages"));
        Assert.Equal("50.0%", CellText(shares, "co-research-co-talent"));   // 1 of 2 stretches
        var firms = WebUtility.HtmlDecode(await pi.GetStringAsync(url + "&Measure=Firms"));
        Assert.Equal("100.0%", CellText(firms, "co-research-co-talent"));   // the one coded firm of the one park

        var link = Regex.Match(page, "href=\"([^\"]+)\" data-testid=\"co-research-co-talent\"").Groups[1].Value;
        var list = WebUtility.HtmlDecode(await pi.GetStringAsync(WebUtility.HtmlDecode(link)));
        Assert.Single(Regex.Matches(list, "data-testid=\"co-stretch\""));
        Assert.Contains("我们和北京大学合作研发", list);
        Assert.Contains("合作研发，园区人才很多", list);
        Assert.DoesNotContain("租金便宜", list);

        // Coder 2 is not assigned the transcript: blind coding hides its passages from the matrix and the list.
        var other = await app.SignedInAsync(AppFactory.Coder2);
        Assert.DoesNotContain("co-research-co-talent\"", await other.GetStringAsync(url));
        Assert.DoesNotContain("我们和北京大学合作研发", WebUtility.HtmlDecode(await other.GetStringAsync(WebUtility.HtmlDecode(link))));
        var refused = await (await app.SignedInAsync(AppFactory.Interviewer)).GetAsync(url);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.ToString());
    }
}
