using System.Net;
using System.Net.Http.Headers;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Reports;
using FieldSurvey.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Reports;

/// <summary>The evidence page's header and rows: plain text where the data is text, labels where the data is a code.</summary>
public sealed class EvidencePageTests(EvidencePageTests.Fixture fixture) : IClassFixture<EvidencePageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    // A Yizhuang firm's partner list names a Daxing rival for staff; the name carries markup that must stay text.
    const string Partner = "大兴某药企 <b>Rival</b>";

    Task SeedAsync() => fixture.WithAsync(async db =>
    {
        int Term(TermKind kind, string code) => db.Terms.Single(t => t.Kind == kind && t.Code == code).Id;
        var firm = await db.Firms.Where(f => f.Park!.Code == "YZ").OrderBy(f => f.Id).FirstAsync();
        var interview = new Interview
        {
            FirmId = firm.Id, GuideVersionId = (await db.GuideVersions.OrderBy(g => g.Id).FirstAsync()).Id,
            InterviewerId = (await db.Users.SingleAsync(u => u.Email == AppFactory.Interviewer)).Id,
            InterviewDate = new DateOnly(2026, 3, 2), Status = InterviewStatus.Approved, ConsentGiven = true, CreatedAtUtc = TestClock.Start,
        };
        db.Interviews.Add(interview);
        await db.SaveChangesAsync();
        db.PartnerRows.Add(new PartnerRow
        {
            InterviewId = interview.Id, QuestionId = "D2", RowNumber = 1, PartnerName = Partner, Activity = "抢人 poaching",
            LinkageTypeId = Term(TermKind.LinkageType, "labour"), PartnerLocationId = Term(TermKind.PartnerLocation, "DX"),
            NatureId = Term(TermKind.Nature, "competitive"),
        });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_header_shows_the_count_as_text_and_each_row_shows_the_natures_label_in_the_readers_language()
    {
        await SeedAsync();
        const string url = "/Reports/Evidence?focal=YZ&location=DX&type=labour&source=PartnerList";
        var expected = (await fixture.WithAsync(db => ReportData.LoadAsync(db, new ReportFilter(Source: SourceFilter.PartnerList),
            TestClock.Start))).Report.Counted
            .Count(m => m.FocalPark == "YZ" && m.PartnerLocation == "DX" && m.LinkageType == "labour");
        Assert.True(expected > 0);

        var client = await fixture.SignedInAsync(AppFactory.PI);
        var raw = await client.GetStringAsync(url);
        Assert.DoesNotContain("&lt;span", raw);                        // no markup printed as text
        Assert.Contains($"data-testid=\"evidence-count\" data-count=\"{expected}\">{expected} mention(s) from ", raw);
        Assert.Contains("大兴某药企 &lt;b&gt;Rival&lt;/b&gt;", raw);    // user data stays encoded
        var html = WebUtility.HtmlDecode(raw);
        Assert.Contains("<td>Competitive</td>", html);
        Assert.DoesNotContain("<td>competitive</td>", html);
        Assert.Contains("Yizhuang", html[..html.IndexOf("data-testid=\"evidence\"", StringComparison.Ordinal)]);

        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var chinese = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("<td>竞争</td>", chinese);
        Assert.DoesNotContain("&lt;span", await client.GetStringAsync(url));
    }
}
