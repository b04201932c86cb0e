using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Coding;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Coding;

/// <summary>Issue 21: the coder's queue is paged (50 rows), open work first, with previous/next and counts in both languages.</summary>
public sealed class QueuePagingTests(QueuePagingTests.Fixture fixture) : IClassFixture<QueuePagingTests.Fixture>
{
    /// <summary>The demo plus 70 new transcripts assigned to Coder 2 (completed ones first by id, so the order is seen).</summary>
    public sealed class Fixture : AppFactory
    {
        public const int Added = 70;
        public int Total { get; private set; }

        public Fixture() => Total = WithAsync(async db =>
        {
            var coder = await db.Users.Where(u => u.Email == Coder2).Select(u => u.Id).SingleAsync();
            var template = await db.Interviews.OrderBy(i => i.Id).FirstAsync();
            for (var n = 0; n < Added; n++)
            {
                var interview = new Interview { FirmId = template.FirmId, GuideVersionId = template.GuideVersionId, InterviewerId = template.InterviewerId,
                    InterviewDate = new DateOnly(2026, 3, 2), Status = InterviewStatus.Approved, CreatedAtUtc = TestClock.Start };
                var transcript = new Transcript { Text = $"第{n}份访谈记录。", UpdatedAtUtc = TestClock.Start };
                db.Add(interview);
                await db.SaveChangesAsync();
                transcript.InterviewId = interview.Id;
                db.Add(transcript);
                await db.SaveChangesAsync();
                // The first 30 are complete: they come after every open one.
                db.Add(new CodingAssignment { TranscriptId = transcript.Id, CoderId = coder, AssignedAtUtc = TestClock.Start.AddMinutes(n),
                    CompletedAtUtc = n < 30 ? TestClock.Start.AddDays(1) : null });
            }
            await db.SaveChangesAsync();
            return await db.CodingAssignments.CountAsync(a => a.CoderId == coder);
        }).GetAwaiter().GetResult();
    }

    static int Rows(string page) => Regex.Matches(page, "href=\"/Coding/Annotate\\?transcriptId=\\d+\"").Count;

    [Fact]
    public async Task The_queue_shows_fifty_rows_a_page_open_work_first_with_previous_next_and_counts()
    {
        Assert.True(fixture.Total > IndexModel.PageSize);
        var coder = await fixture.SignedInAsync(AppFactory.Coder2);
        var first = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding"));
        Assert.Equal(IndexModel.PageSize, Rows(first));
        Assert.Contains($"Rows 1–50 of {fixture.Total}", first);
        Assert.Contains("href=\"/Coding?p=2\">Next", first);
        Assert.DoesNotContain(">Complete ", first[..first.IndexOf("data-testid=\"pager\"", StringComparison.Ordinal)]
            .Split("<tbody>")[1].Split("</tbody>")[0][..2000]);   // open work first: page 1 starts with open transcripts

        var last = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding?p=2"));
        Assert.Equal(fixture.Total - IndexModel.PageSize, Rows(last));
        Assert.Contains($"Rows 51–{fixture.Total} of {fixture.Total}", last);
        Assert.Contains("href=\"/Coding?p=1\">Previous", last);
        Assert.Contains(">Complete ", last);
        // A bookmark beyond the end shows the last page.
        Assert.Equal(Rows(last), Rows(await coder.GetStringAsync("/Coding?p=9")));

        coder.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var chinese = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding"));
        Assert.Contains($"第 1–50 行，共 {fixture.Total} 行", chinese);
        Assert.Contains(">下一页<", chinese);
        Assert.Contains(">上一页<", chinese);
    }
}
