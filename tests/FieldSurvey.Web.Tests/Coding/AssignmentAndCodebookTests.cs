using System.Net;
using System.Net.Http.Headers;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Coding;

public sealed class AssignmentAndCodebookTests(AssignmentAndCodebookTests.Fixture fixture) : IClassFixture<AssignmentAndCodebookTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task Bulk_assignment_gives_every_unassigned_transcript_a_coder_and_double_codes_the_drawn_share()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++) ids.Add(await fixture.TranscriptAsync($"受访者：第{i}份访谈。"));
        var coders = fixture.With(db => db.Users.Where(u => u.Email!.StartsWith("coder")).Select(u => u.Id).ToList());
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var fields = new Dictionary<string, string> { ["Bulk.DoubleSharePercent"] = "40", ["Bulk.Seed"] = "17" };
        var body = new List<KeyValuePair<string, string>>(fields) { new("Bulk.CoderIds", coders[0]), new("Bulk.CoderIds", coders[1]) };
        var page = await pi.GetStringAsync("/Admin/CodingAssignments");
        body.Add(new("__RequestVerificationToken", HttpClientForms.Token(page)!));
        var response = await pi.PostAsync("/Admin/CodingAssignments?handler=Bulk", new FormUrlEncodedContent(body));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var counts = fixture.With(db => ids.Select(id => db.CodingAssignments.Count(a => a.TranscriptId == id)).ToList());
        Assert.All(counts, c => Assert.InRange(c, 1, 2));
        Assert.Equal(2, counts.Count(c => c == 2));
        var queue = WebUtility.HtmlDecode(await (await fixture.SignedInAsync(AppFactory.Coder1)).GetStringAsync("/Coding"));
        Assert.Contains("Open", queue);
    }

    [Fact]
    public async Task Publishing_the_codebook_stores_a_numbered_snapshot_that_can_be_viewed()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var response = await pi.PostFormAsync("/Admin/Codebook?handler=Publish", new(), formPage: "/Admin/Codebook");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var version = fixture.With(db => db.CodebookVersions.OrderByDescending(v => v.Number).First());
        Assert.Contains("研发合作", version.SnapshotJson);
        var view = WebUtility.HtmlDecode(await pi.GetStringAsync($"/Admin/Codebook/Version?id={version.Id}"));
        Assert.Contains("与合作方共同开展或委托开展的研究与开发", view);
        var coderView = WebUtility.HtmlDecode(await (await fixture.SignedInAsync(AppFactory.Coder2)).GetStringAsync("/Coding/Codebook"));
        Assert.Contains("Latest published version: " + version.Number, coderView);
    }

    [Fact]
    public async Task Coding_assignments_and_the_coders_queue_show_Chinese_firm_names_to_Chinese_readers_and_English_ones_otherwise()
    {
        var id = await fixture.TranscriptAsync("受访者：我们的客户主要在亦庄。", AppFactory.Coder1);
        var (zh, en) = await fixture.WithAsync(async db => await db.Transcripts.Where(t => t.Id == id)
            .Join(db.Interviews, t => t.InterviewId, i => i.Id, (t, i) => i.FirmId)
            .Join(db.Firms, f => f, f => f.Id, (_, f) => new ValueTuple<string, string?>(f.NameZh, f.NameEn)).SingleAsync());
        Assert.False(string.IsNullOrWhiteSpace(en));   // the seeded firm has both names, or the test proves nothing
        foreach (var (email, page) in new[] { (AppFactory.Coder1, "/Coding"), (AppFactory.PI, "/Admin/CodingAssignments") })
        {
            var client = await fixture.SignedInAsync(email);
            var english = WebUtility.HtmlDecode(await client.GetStringAsync(page));
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
            var chinese = WebUtility.HtmlDecode(await client.GetStringAsync(page));
            Assert.Contains(en!, english);
            Assert.DoesNotContain(zh, english);
            Assert.Contains(zh, chinese);
            Assert.DoesNotContain(en!, chinese);
        }
    }
}
