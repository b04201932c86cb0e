using System.Net;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Firms;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Interviews;
using FieldSurvey.Web.Pages.Calls;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Calls;

/// <summary>
/// Issue 21: a long call list is shown 50 firms a page in the list's own order, and the lists of several interviewers
/// read at once (the callback calendar) are the lists each interviewer gets alone.
/// </summary>
public sealed partial class CallListPagingTests(CallListPagingTests.Fixture fixture) : IClassFixture<CallListPagingTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Caller = "long-list@example.org";
    const int Firms = 60;

    [GeneratedRegex("data-firm-id=\"(\\d+)\"")]
    private static partial Regex FirmRow();

    [GeneratedRegex("rel=\"next\" href=\"([^\"]*)\"")]
    private static partial Regex NextLink();

    async Task<string> SeedAsync()
    {
        await fixture.AddInterviewerAsync(Caller);
        await fixture.WithAsync(async db =>
        {
            if (await db.Firms.AnyAsync(f => f.NameZh.StartsWith("长名单")) ) return 0;
            var id = await db.Users.Where(u => u.Email == Caller).Select(u => u.Id).SingleAsync();
            var park = await db.Parks.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            for (var i = 0; i < Firms; i++)
                db.Firms.Add(new Firm
                {
                    NameZh = $"长名单{i:D2}生物", ParkId = park, Status = FirmStatus.Active, AssignedInterviewerId = id,
                    Contacts = [new Contact { Name = "王", Phones = [$"010-6{i:D2}0000{i % 10}"] }],
                });
            return await db.SaveChangesAsync();
        });
        return Caller;
    }

    [Fact]
    public async Task A_long_call_list_shows_fifty_firms_a_page_in_the_lists_order()
    {
        await SeedAsync();
        var expected = (await fixture.WithAsync(db => new CallListCache().CallListAsync(db, 
            fixture.With(d => d.Users.Single(u => u.Email == Caller).Id), fixture.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))))
            .Rows.Select(r => r.Entry.FirmId).ToList();
        Assert.Equal(Firms, expected.Count);

        var caller = await fixture.SignedInAsync(Caller);
        var first = await caller.GetStringAsync("/Calls");
        var one = FirmRow().Matches(first).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(expected.Take(IndexModel.PageSize), one);
        Assert.Contains("Rows 1–50 of 60", WebUtility.HtmlDecode(first));

        var second = await caller.GetStringAsync(WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value));
        var two = FirmRow().Matches(second).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(expected.Skip(IndexModel.PageSize), two);
        Assert.Contains("Rows 51–60 of 60", WebUtility.HtmlDecode(second));
    }

    [Fact]
    public async Task The_lists_of_several_interviewers_read_at_once_are_each_ones_own_list()
    {
        await SeedAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var now = fixture.Clock.GetUtcNow();
        var ids = fixture.With(db => db.Users.Where(u => u.Email == Caller || u.Email == AppFactory.Interviewer).Select(u => u.Id).ToList());
        Assert.Equal(2, ids.Count);
        var together = await fixture.WithAsync(db => new CallListCache().CallListsAsync(db, ids, now, zone));
        foreach (var id in ids)
        {
            var alone = await fixture.WithAsync(db => new CallListCache().CallListAsync(db, id, now, zone));
            Assert.NotEmpty(alone.Rows);
            Assert.Equal(alone.Rows, together[id].Rows);
        }
        Assert.Empty(together[ids[0]].Rows.Select(r => r.Entry.FirmId).Intersect(together[ids[1]].Rows.Select(r => r.Entry.FirmId)));
    }
}
