using System.Net;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Coding;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Coding;

/// <summary>
/// Issue 21: the segment search and the interviews list grow with the study and are shown a page at a time
/// (100 passages, 50 interviews), each page link keeping the filters; the search's CSV still has every hit.
/// </summary>
public sealed partial class PagedListsTests(PagedListsTests.Fixture fixture) : IClassFixture<PagedListsTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [GeneratedRegex("Rows (\\d+)–(\\d+) of (\\d+)")]
    private static partial Regex RowsOf();

    [GeneratedRegex("rel=\"next\" href=\"([^\"]*)\"")]
    private static partial Regex NextLink();

    static (int First, int Last, int Total) Rows(string page) =>
        RowsOf().Match(page) is { Success: true } m ? (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value))
            : throw new Xunit.Sdk.XunitException("no pager on the page");

    /// <summary>120 passages <paramref name="word"/> (two characters, one per test) at offsets 0, 3, 6, … of one transcript coded by Coder 1.</summary>
    const int Passages = 120;

    async Task<int> SeedPassagesAsync(string word)
    {
        var text = string.Concat(Enumerable.Repeat(word + "。", Passages));
        var transcript = await fixture.TranscriptAsync(text, AppFactory.Coder1);
        var type = fixture.Term(TermKind.LinkageType, "research");
        await fixture.WithAsync(async db =>
        {
            var coder = await db.Users.Where(u => u.Email == AppFactory.Coder1).Select(u => u.Id).SingleAsync();
            for (var i = 0; i < Passages; i++)
                db.Segments.Add(new Segment
                {
                    TranscriptId = transcript, CoderId = coder, Start = 3 * i, End = 3 * i + 2, Quote = word, LinkageTypeId = type,
                    CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start,
                });
            return await db.SaveChangesAsync();
        });
        return transcript;
    }

    [GeneratedRegex("/Coding/Annotate\\?transcriptId=\\d+\">[^<]*</a>")]
    private static partial Regex HitLink();

    [Fact]
    public async Task The_segment_search_shows_a_hundred_passages_a_page_keeps_the_filter_on_the_next_page_and_the_csv_has_them_all()
    {
        await SeedPassagesAsync("分页");
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var first = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding/Search?Filter.Q=" + Uri.EscapeDataString("分页")));
        Assert.Contains("120 passages found.", first);
        Assert.Equal((1, SearchModel.PageSize, Passages), Rows(first));
        Assert.Equal(SearchModel.PageSize, HitLink().Matches(first).Count);

        var next = NextLink().Match(first).Groups[1].Value;
        Assert.Contains("Filter.Q=", next);
        Assert.EndsWith("p=2", next);
        var second = WebUtility.HtmlDecode(await coder.GetStringAsync(next));
        Assert.Equal((101, Passages, Passages), Rows(second));
        Assert.Equal(Passages - SearchModel.PageSize, HitLink().Matches(second).Count);

        // The pages follow the search's order (here the offset in the one transcript) and hold each passage once.
        var csv = await coder.GetStringAsync("/Coding/Search?handler=Csv&p=2&Filter.Q=" + Uri.EscapeDataString("分页"));
        Assert.Equal(Passages + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);   // header + every hit, whatever the page

        // A bookmark past the end shows the last page.
        var late = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding/Search?p=9&Filter.Q=" + Uri.EscapeDataString("分页")));
        Assert.Equal((101, Passages, Passages), Rows(late));
    }

    [Fact]
    public async Task The_match_list_is_in_the_page_order_and_the_hits_fill_in_only_the_page_asked_for()
    {
        var transcript = await SeedPassagesAsync("翻页");
        var filter = new SearchFilter { Q = "翻页" };
        var principal = await fixture.WithAsync(async db =>
        {
            using var scope = fixture.Services.CreateScope();
            var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
            return await factory.CreateAsync(await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1));
        });
        var (matches, page) = await fixture.WithAsync(async db =>
        {
            var all = await SegmentSearch.MatchAsync(db, principal, filter);
            return (all, await SegmentSearch.HitsAsync(db, all.Skip(100).Take(5).ToList(), chinese: true));
        });
        var mine = matches.Where(m => m.TranscriptId == transcript).ToList();
        Assert.Equal(Passages, mine.Count);
        Assert.Equal(mine.Select(m => m.Start).Order(), mine.Select(m => m.Start));
        Assert.Equal(5, page.Count);
        Assert.Equal(matches.Skip(100).Take(5).Select(m => m.SegmentId), page.Select(h => h.SegmentId));
        Assert.All(page, h => Assert.Equal("翻页", h.Quote));
        Assert.All(page, h => Assert.EndsWith("。", h.After[..1]));
    }

    [Fact]
    public async Task The_interviews_list_shows_fifty_a_page_newest_first_and_keeps_the_status_filter()
    {
        fixture.With(db =>
        {
            var firm = db.Firms.OrderBy(f => f.Id).First().Id;
            var guide = db.GuideVersions.OrderBy(g => g.Id).First().Id;
            var interviewer = db.Users.Single(u => u.Email == AppFactory.Interviewer).Id;
            for (var i = 0; i < 60; i++)
                db.Interviews.Add(new Interview
                {
                    FirmId = firm, GuideVersionId = guide, InterviewerId = interviewer, InterviewDate = new DateOnly(2026, 11, 2),
                    Status = InterviewStatus.Approved, CreatedAtUtc = TestClock.Start,
                });
            return db.SaveChanges();
        });
        var approved = fixture.With(db => db.Interviews.Count(i => i.Status == InterviewStatus.Approved));
        var newest = fixture.With(db => db.Interviews.Where(i => i.Status == InterviewStatus.Approved).OrderByDescending(i => i.Id).Select(i => i.Id).ToList());
        var pi = await fixture.SignedInAsync(AppFactory.PI);

        var first = WebUtility.HtmlDecode(await pi.GetStringAsync($"/Interviews?Status={(int)InterviewStatus.Approved}"));
        Assert.Equal((1, 50, approved), Rows(first));
        Assert.Contains($"/Interviews/Capture?id={newest[0]}\"", first);
        Assert.DoesNotContain($"/Interviews/Capture?id={newest[50]}\"", first);

        var next = NextLink().Match(first).Groups[1].Value;
        Assert.Contains($"Status={(int)InterviewStatus.Approved}", next);
        var second = WebUtility.HtmlDecode(await pi.GetStringAsync(next));
        Assert.Equal((51, approved, approved), Rows(second));
        Assert.Contains($"/Interviews/Capture?id={newest[50]}\"", second);
        Assert.DoesNotContain($"/Interviews/Capture?id={newest[0]}\"", second);
    }
}
