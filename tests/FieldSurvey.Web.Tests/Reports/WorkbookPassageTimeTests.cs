using FieldSurvey.Core.Reporting;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Reports;
using FieldSurvey.Web.Reporting;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// The workbook's Passages sheet carries each coded passage's time in the recording, as the search page's passage
/// CSV does: one demo passage's line gets a "[00:02:05]" marker (the transcript's later segments move with it), so
/// that passage shows 00:02:05 while passages of untimed transcripts and partner-list rows stay empty.
/// </summary>
public sealed class WorkbookPassageTimeTests(WorkbookPassageTimeTests.Fixture fixture) : IClassFixture<WorkbookPassageTimeTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task The_passage_sheet_gives_a_timed_passage_its_turns_time_and_leaves_untimed_ones_empty()
    {
        var before = await fixture.WithAsync(db => ReportData.LoadAsync(db, new ReportFilter(), fixture.Clock.GetUtcNow()));
        var counted = before.Report.Counted.Where(m => m.Source == MentionSource.Coded).ToList();
        // The transcript's last counted passage gets the marker on its line; its first one, on an earlier line, stays untimed.
        var placed = fixture.With(db => counted.Select(m => (Mention: m, Segment: db.Segments.Single(s => s.Id == m.EvidenceId))).ToList());
        var (timed, timedSegment) = placed.OrderByDescending(p => p.Segment.Start).First();
        var untimed = placed.Where(p => p.Segment.TranscriptId == timedSegment.TranscriptId).OrderBy(p => p.Segment.Start).First().Mention;
        const string marker = "[00:02:05] ";
        fixture.With(db =>
        {
            var transcript = db.Transcripts.Single(t => t.Id == timedSegment.TranscriptId);
            var lineStart = timedSegment.Start == 0 ? 0 : transcript.Text.LastIndexOf('\n', timedSegment.Start - 1) + 1;
            Assert.True(placed.Single(p => p.Mention == untimed).Segment.Start < lineStart, "the untimed passage lies on an earlier line");
            Assert.DoesNotContain("[", transcript.Text);
            transcript.Text = transcript.Text.Insert(lineStart, marker);
            foreach (var s in db.Segments.Where(s => s.TranscriptId == transcript.Id && s.Start >= lineStart))
            {
                s.Start += marker.Length;
                s.End += marker.Length;
            }
            return db.SaveChanges();
        });

        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var book = XlsxReader.Read(await pi.GetByteArrayAsync("/Reports/Download?handler=Workbook"));
        var passages = book["Passages"];
        int time = passages.Column("Time in the recording"), id = passages.Column("Evidence id"), source = passages.Column("Source");
        string TimeOf(Mention m) => passages.Text(passages.Rows.FindIndex(r => r.TryGetValue(id, out var c) && c.Text == $"{m.EvidenceId}"
            && r[source].Text == "coded"), time);
        Assert.Equal("00:02:05", TimeOf(timed));
        Assert.Equal("", TimeOf(untimed));
        Assert.DoesNotContain(passages.Rows.Skip(1), r => r[source].Text == "partner list" && r.ContainsKey(time) && r[time].Text != "");
    }
}
