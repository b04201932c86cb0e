using System.Net;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Reports;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Reports;

/// <summary>Issue 7's last step: once the PI settles a transcript's disagreements, the report counts the consensus.</summary>
public sealed class ConsensusCountingTests(ConsensusCountingTests.Fixture fixture) : IClassFixture<ConsensusCountingTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task After_adjudication_the_report_counts_the_consensus_instead_of_a_coders_passages()
    {
        Task<int> Mentions() => fixture.WithAsync(async db => (await ReportData.LoadAsync(db, new ReportFilter(), fixture.Clock.GetUtcNow())).Report.Total.Total.Mentions);
        var (transcriptId, coder1Count, a, b) = await fixture.WithAsync(async db =>
        {
            var coder1 = (await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1)).Id;
            var coder2 = (await db.Users.SingleAsync(u => u.Email == AppFactory.Coder2)).Id;
            var doubled = await db.CodingAssignments.GroupBy(x => x.TranscriptId).Where(g => g.Count() == 2).Select(g => g.Key).SingleAsync();
            var quote = "我们有几位生产主管是从大兴的天坛生物跳槽过来的";
            var segA = await db.Segments.SingleAsync(s => s.TranscriptId == doubled && s.CoderId == coder1 && s.Quote == quote);
            var segB = await db.Segments.SingleAsync(s => s.TranscriptId == doubled && s.CoderId == coder2 && s.Quote == quote);
            return (doubled, await db.Segments.CountAsync(s => s.TranscriptId == doubled && s.CoderId == coder1), segA.Id, segB.Id);
        });
        var before = await Mentions();

        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var url = $"/Agreement/Adjudicate?transcriptId={transcriptId}";
        var decided = await pi.PostFormAsync(url + "&handler=Decide", new()
        {
            ["Input.SegmentAId"] = a.ToString(), ["Input.SegmentBId"] = b.ToString(), ["Input.Kind"] = "AcceptB",
            ["Input.DecisionId"] = "", ["Input.Version"] = "0", ["Input.Note"] = "",
        }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        // Before: the first-assigned coder's passages counted for this transcript; now only its one consensus passage.
        Assert.Equal(before - coder1Count + 1, await Mentions());
        var html = await pi.GetStringAsync("/Reports");
        Assert.Contains($"data-testid=\"total-mentions\">{before - coder1Count + 1}<", html);
    }
}
