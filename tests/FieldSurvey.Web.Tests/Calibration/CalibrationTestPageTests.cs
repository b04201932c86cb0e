using System.Net;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Calibration;

/// <summary>The PI builds a calibration test from the demo's adjudicated consensus passages (issue 25, part 2).</summary>
public sealed class CalibrationTestPageTests(CalibrationTestPageTests.Fixture fixture) : IClassFixture<CalibrationTestPageTests.Fixture>
{
    /// <summary>The living demo (seed/demo) has adjudicated consensus passages; the small test demo has none.</summary>
    public sealed class Fixture() : AppFactory(livingDemo: true);

    (int TranscriptId, int Passages) DemoConsensus() => fixture.With(db => db.Segments
        .Where(s => s.IsConsensus && s.DeletedAtUtc == null).GroupBy(s => s.TranscriptId)
        .Select(g => new { g.Key, Count = g.Count() }).AsEnumerable().Select(x => (x.Key, x.Count)).First());

    string CoderId(string email) => fixture.With(db => db.Users.Single(u => u.Email == email).Id);

    [Fact]
    public async Task The_PI_builds_a_test_from_consensus_passages_which_are_copied_as_gold()
    {
        var (transcriptId, passages) = DemoConsensus();
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var form = WebUtility.HtmlDecode(await pi.GetStringAsync("/Agreement/Calibration/Create"));
        Assert.Contains($"value=\"{transcriptId}\"", form);
        Assert.Contains($"{passages} consensus passages", form);
        Assert.Contains("value=\"0.800\"", form);

        var response = await pi.PostFormAsync("/Agreement/Calibration/Create", new()
        {
            ["Input.Title"] = "Spring calibration", ["Input.TranscriptIds[0]"] = transcriptId.ToString(),
            ["Input.Dimensions[0]"] = "LinkageType", ["Input.Dimensions[1]"] = "Nature",
            ["Input.CoderIds[0]"] = CoderId(AppFactory.Coder1), ["Input.PassMark"] = "0.8",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (test, gold, takers, source) = await fixture.WithAsync(async db =>
        {
            var test = await db.CalibrationTests.OrderByDescending(x => x.Id).FirstAsync(x => x.Title == "Spring calibration");
            var gold = await db.CalibrationGold.Where(g => g.TestId == test.Id).OrderBy(g => g.Start).ToListAsync();
            var takers = await db.CalibrationTakers.Where(k => k.TestId == test.Id).Select(k => k.CoderId).ToListAsync();
            var source = await db.Segments.Where(s => s.IsConsensus && s.DeletedAtUtc == null && s.TranscriptId == transcriptId).OrderBy(s => s.Start).ToListAsync();
            return (test, gold, takers, source);
        });
        Assert.Equal([1, 4], test.Dimensions);
        Assert.Equal(0.8, test.PassMark);
        Assert.Equal(passages, gold.Count);
        Assert.Equal(source.Select(s => (s.Id, s.Start, s.End, s.Quote, s.LinkageTypeId, s.NatureId)),
            gold.Select(g => (g.SourceSegmentId!.Value, g.Start, g.End, g.Quote, g.LinkageTypeId, g.NatureId)));
        Assert.Equal([CoderId(AppFactory.Coder1)], takers);

        var list = WebUtility.HtmlDecode(await pi.GetStringAsync("/Agreement/Calibration"));
        Assert.Contains("Spring calibration", list);
        Assert.Contains("α ≥ 0.800", list);
        Assert.Contains("0 of 1", list);
    }

    [Fact]
    public async Task Bad_input_is_refused_at_each_field_and_nothing_is_saved()
    {
        var before = fixture.With(db => db.CalibrationTests.Count());
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var response = await pi.PostFormAsync("/Agreement/Calibration/Create", new()
        {
            ["Input.Title"] = "Broken", ["Input.TranscriptIds[0]"] = "999999", ["Input.PassMark"] = "1.5",
            ["Input.Dimensions[0]"] = "Subsector",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Choose at least one transcript with consensus coding.", page);
        Assert.Contains("Choose at least one dimension or thematic code to test.", page);
        Assert.Contains("Choose at least one coder to take the test.", page);
        Assert.Contains("The pass mark lies between 0 and 1.", page);
        Assert.Equal(before, fixture.With(db => db.CalibrationTests.Count()));
    }

    [Fact]
    public async Task A_coder_cannot_open_the_calibration_set_up()
    {
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var response = await coder.GetAsync("/Agreement/Calibration/Create");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
