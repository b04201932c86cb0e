using static FieldSurvey.Tests.Reports.ReportQuotes;
using System.Net;
using System.Text.Json;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Reports;
using FieldSurvey.Web.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// Issue 21: a version that changed only coded segments is computed from the kept read and the segments changed since
/// (ReportData.PatchAsync), and the report it gives equals the one read afresh from the database, figure for figure
/// and passage for passage; any other change reads afresh. Each test seeds its own transcript.
/// </summary>
public sealed class IncrementalReportTests(IncrementalReportTests.Fixture fixture) : IClassFixture<IncrementalReportTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static readonly ReportFilter Coded = new(Source: SourceFilter.Coded, Interviews: InterviewFilter.NotDraft);
    ReportCache Cache => fixture.Services.GetRequiredService<ReportCache>();
    Task<LoadedReport> KeptAsync() => fixture.WithAsync(db => Cache.GetAsync(db, Coded, fixture.Clock.GetUtcNow()));
    Task<LoadedReport> AfreshAsync() => fixture.WithAsync(db => ReportData.LoadAsync(db, Coded, fixture.Clock.GetUtcNow()));

    static void AssertSameReport(LoadedReport afresh, LoadedReport kept)
    {
        Assert.Equal(afresh.Report.Counted, kept.Report.Counted);   // every counted mention, with its quote and coder, in the same order
        Assert.Equal(afresh.Report.Input.Mentions, kept.Report.Input.Mentions);
        Assert.Equal(afresh.Report.Input.Transcripts.OrderBy(b => b.Key), kept.Report.Input.Transcripts.OrderBy(b => b.Key));
        Assert.Equal(afresh.PassageTimes.OrderBy(t => t.Key), kept.PassageTimes.OrderBy(t => t.Key));
        Assert.Equal(afresh.Report.Total.Total, kept.Report.Total.Total);
        Assert.Equal(afresh.Report.Classifications.Select(c => (c.Key, c.Verdict)), kept.Report.Classifications.Select(c => (c.Key, c.Verdict)));
        Assert.Equal(afresh.Report.Uncertainty.Sets.Select(s => (s.Key, s.Dissimilarity.Interval, s.Stability.Mode)),
            kept.Report.Uncertainty.Sets.Select(s => (s.Key, s.Dissimilarity.Interval, s.Stability.Mode)));
    }

    [Fact]
    public async Task Saving_editing_and_deleting_a_segment_patch_the_kept_report_to_the_one_read_afresh()
    {
        var text = "我们和国外的大学一起做研究，也和亦庄的企业合作。";
        var transcript = await fixture.TranscriptAsync(text, AppFactory.Coder1);   // approved, coded by Coder 1 alone
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var before = await KeptAsync();
        var (fullReads, patches) = (Cache.FullReads, Cache.Patches);
        int knowledge = fixture.Term(TermKind.LinkageType, "knowledge"), research = fixture.Term(TermKind.LinkageType, "research");
        int abroad = fixture.Term(TermKind.PartnerLocation, "ABROAD"), yizhuang = fixture.Term(TermKind.PartnerLocation, "YZ");

        var saved = await coder.PostJsonAsync(transcript, "Save", new { id = (int?)null, version = 0, start = 6, end = 8, quote = text[6..8], typeId = knowledge, locationId = abroad });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var segment = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        var id = segment.RootElement.GetProperty("id").GetInt32();
        var afterSave = await KeptAsync();
        Assert.Equal(before.Report.Counted.Count + 1, afterSave.Report.Counted.Count);
        Assert.Contains(afterSave.Report.Counted, m => m.EvidenceId == id && m.LinkageType == "knowledge" && m.PartnerLocation == "ABROAD" && QuoteOf(afterSave, m) == "大学");
        AssertSameReport(await AfreshAsync(), afterSave);

        var edited = await coder.PostJsonAsync(transcript, "Save", new
        {
            id, version = segment.RootElement.GetProperty("version").GetInt32(), start = 16, end = 18, quote = text[16..18], typeId = research, locationId = yizhuang,
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var afterEdit = await KeptAsync();
        var mention = Assert.Single(afterEdit.Report.Counted, m => m.EvidenceId == id);
        Assert.Equal(("research", "YZ", "亦庄"), (mention.LinkageType, mention.PartnerLocation, QuoteOf(afterEdit, mention)));
        Assert.Equal(afterSave.Report.Counted.Count, afterEdit.Report.Counted.Count);
        AssertSameReport(await AfreshAsync(), afterEdit);

        Assert.Equal(HttpStatusCode.OK, (await coder.PostJsonAsync(transcript, "Delete", new { id })).StatusCode);
        var afterDelete = await KeptAsync();
        Assert.DoesNotContain(afterDelete.Report.Counted, m => m.EvidenceId == id);
        Assert.Equal(before.Report.Counted.Count, afterDelete.Report.Counted.Count);
        AssertSameReport(await AfreshAsync(), afterDelete);

        Assert.Equal(fullReads, Cache.FullReads);   // none of the three versions read every segment again
        Assert.Equal(patches + 3, Cache.Patches);
    }

    [Fact]
    public async Task A_segment_save_marks_the_segment_with_the_new_version_and_another_change_marks_the_version_itself()
    {
        var text = "我们和国外的大学一起做研究。";
        var transcript = await fixture.TranscriptAsync(text, AppFactory.Coder1);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var (_, otherBefore) = await fixture.WithAsync(db => db.CurrentDataVersionsAsync());
        var saved = await coder.PostJsonAsync(transcript, "Save", new { id = (int?)null, version = 0, start = 6, end = 8, quote = text[6..8],
            typeId = fixture.Term(TermKind.LinkageType, "knowledge"), locationId = fixture.Term(TermKind.PartnerLocation, "ABROAD") });
        using var segment = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        var id = segment.RootElement.GetProperty("id").GetInt32();
        var (value, other) = await fixture.WithAsync(db => db.CurrentDataVersionsAsync());
        var marked = await fixture.WithAsync(db => db.Segments.Where(s => s.Id == id).Select(s => EF.Property<long>(s, ReportInputs.SegmentChangedAt)).SingleAsync());
        Assert.True(marked > otherBefore && marked <= value, $"segment marked {marked}, version {value}");
        Assert.Equal(otherBefore, other);   // only a segment changed

        await fixture.WithAsync(async db =>
        {
            (await db.Terms.SingleAsync(t => t.Kind == TermKind.LinkageType && t.Code == "labour")).NameEn = "Labour market (renamed)";
            return await db.SaveChangesAsync();
        });
        var (valueAfter, otherAfter) = await fixture.WithAsync(db => db.CurrentDataVersionsAsync());
        Assert.Equal(valueAfter, otherAfter);
        Assert.True(valueAfter > value);
    }

    [Fact]
    public async Task A_change_to_anything_but_segments_reads_the_report_afresh()
    {
        await KeptAsync();
        var (fullReads, patches) = (Cache.FullReads, Cache.Patches);
        await fixture.WithAsync(async db =>
        {
            (await db.Terms.SingleAsync(t => t.Kind == TermKind.LinkageType && t.Code == "supplier")).NameEn = "Suppliers (renamed)";
            return await db.SaveChangesAsync();
        });
        var after = await KeptAsync();
        Assert.Equal("Suppliers (renamed)", after.Type("supplier").NameEn);
        Assert.Equal((fullReads + 1, patches), (Cache.FullReads, Cache.Patches));
        AssertSameReport(await AfreshAsync(), after);
    }
}
