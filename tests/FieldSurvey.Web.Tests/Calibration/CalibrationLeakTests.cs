using System.IO.Compression;
using System.Text;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Coding;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Calibration;

/// <summary>
/// Calibration coding never counts as study evidence (issue 25, part 7): a trainee's passage and a gold passage with
/// marked quotes are absent from every report, export and search, while a live passage seeded beside them is present.
/// </summary>
public sealed class CalibrationLeakTests(CalibrationLeakTests.Fixture app) : IClassFixture<CalibrationLeakTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Live = "LIVECONTROL research with Peking University";
    const string Trainee = "TRAINEEONLY", GoldQuote = "GOLDONLY";

    static readonly string[] Urls =
    [
        "/Admin/Exchange?handler=Package", "/Admin/Exchange?handler=Package&personalData=true&exactText=true", "/Admin/Exchange?handler=Qdpx&personalData=true",
        "/Reports/Download?handler=Workbook", "/Reports/Download?handler=Workbook&source=Coded",
        "/Reports/Download?handler=Csv&table=passages&personal=true", "/Reports/Download?handler=Csv&table=passages&source=Coded&personal=true",
        "/Agreement?handler=Csv", "/Coding/Search?handler=Csv", "/Coding/Search?Filter.Q=ONLY", "/Coding/Search?Filter.Q=LIVECONTROL",
    ];

    /// <summary>The text of a download: every entry of a zip (workbook, package, .qdpx), or the body itself.</summary>
    static string Text(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 'P' || bytes[1] != 'K') return Encoding.UTF8.GetString(bytes);
        using var archive = new ZipArchive(new MemoryStream(bytes));
        return string.Concat(archive.Entries.Select(e => { using var r = new StreamReader(e.Open(), Encoding.UTF8); return r.ReadToEnd(); }));
    }

    [Fact]
    public async Task Calibration_passages_are_in_no_report_export_or_search_while_a_live_passage_is()
    {
        // The calibration passages lie in a transcript of their own, so no live passage's context shows their words.
        var transcriptId = await app.TranscriptAsync(Live, AppFactory.Coder1);
        var calibrationTranscriptId = await app.TranscriptAsync($"{Trainee} {GoldQuote}.", AppFactory.Coder2);
        await app.WithAsync(async db =>
        {
            var coder = await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1);
            var pi = await db.Users.SingleAsync(u => u.Email == AppFactory.PI);
            var research = await db.Terms.Where(t => t.Code == "research").Select(t => t.Id).FirstAsync();
            db.Segments.Add(new Segment
            {
                TranscriptId = transcriptId, CoderId = coder.Id, Start = 0, End = Live.Length, Quote = Live, LinkageTypeId = research,
                CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start,
            });
            var test = new CalibrationTest { Title = "Leak test", Dimensions = [1], CreatedById = pi.Id, CreatedAtUtc = TestClock.Start };
            db.CalibrationTests.Add(test);
            await db.SaveChangesAsync();
            db.CalibrationGold.Add(new CalibrationGold
            {
                TestId = test.Id, TranscriptId = calibrationTranscriptId, Start = Trainee.Length + 1, End = Trainee.Length + 1 + GoldQuote.Length,
                Quote = GoldQuote, LinkageTypeId = research,
            });
            db.CalibrationSegments.Add(new CalibrationSegment
            {
                TestId = test.Id, CoderId = coder.Id, TranscriptId = calibrationTranscriptId, Start = 0, End = Trainee.Length, Quote = Trainee,
                LinkageTypeId = research, UpdatedAtUtc = TestClock.Start,
            });
            return await db.SaveChangesAsync();
        });
        // The transcript's own text holds the marked words; an export of whole transcripts shows them as text, not as
        // passages, so that text is taken out before looking: what is left must not hold them.
        var pi = await app.SignedInAsync(AppFactory.PI);
        var live = 0;
        foreach (var url in Urls)
        {
            var text = Text(await pi.GetByteArrayAsync(url)).Replace($"{Trainee} {GoldQuote}.", "");
            Assert.False(text.Contains(Trainee, StringComparison.Ordinal), $"{url} shows a trainee's calibration passage");
            Assert.False(text.Contains(GoldQuote, StringComparison.Ordinal), $"{url} shows a gold calibration passage");
            if (text.Contains("LIVECONTROL", StringComparison.Ordinal)) live++;
        }
        Assert.True(live >= 4, $"the live control passage should show in the exports that list passages (found in {live})");
    }
}
