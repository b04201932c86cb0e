using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Agreement;
using FieldSurvey.Web.Pages.Calls;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// A list in a query goes to the database as one parameter (Data/DatabaseSetup): a list longer than SQLite's 32,766 and
/// PostgreSQL's 65,535 parameters, as the report workbook's agreement sheets send at study size (190,000 segment
/// ids), is answered, and the same as the short list's answer.
/// </summary>
public sealed class LongIdListTests(LongIdListTests.Fixture fixture) : IClassFixture<LongIdListTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const int Long = 70_000;

    [Fact]
    public async Task The_agreement_spans_of_seventy_thousand_transcript_ids_are_those_of_the_ones_that_exist()
    {
        var real = await fixture.WithAsync(db => db.Transcripts.Select(t => t.Id).ToListAsync());
        var (few, many) = await fixture.WithAsync(async db =>
            (await db.SpansAsync(real), await db.SpansAsync([.. real, .. Enumerable.Range(1_000_000, Long)])));
        Assert.NotEmpty(few.SelectMany(g => g));   // the demo's segments, and with them their themes (a second list, of segment ids)
        Assert.Equal(few.SelectMany(g => g).Select(s => s.SegmentId).Order(), many.SelectMany(g => g).Select(s => s.SegmentId).Order());
    }

    [Fact]
    public async Task The_numbers_of_seventy_thousand_firm_ids_are_those_of_the_firms_that_exist()
    {
        var real = await fixture.WithAsync(db => db.Firms.Select(f => f.Id).ToListAsync());
        var (few, many) = await fixture.WithAsync(async db =>
            (await db.NumbersByFirmAsync(real), await db.NumbersByFirmAsync([.. real, .. Enumerable.Range(1_000_000, Long)])));
        Assert.NotEmpty(few);
        Assert.Equal(few.OrderBy(x => x.Key).SelectMany(x => x.Value), many.OrderBy(x => x.Key).SelectMany(x => x.Value));
    }
}
