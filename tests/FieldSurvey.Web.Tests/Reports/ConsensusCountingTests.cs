using System.Net;
using System.Text;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Reports;
using FieldSurvey.Web.Reporting;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// Issue 18, error 1: adjudication is done unit by unit, so the report counts unit by unit. The small demo's
/// Kangda transcript is double-coded (Demo Coder 1 assigned first, six passages each side; seven units).
/// </summary>
public sealed class ConsensusCountingTests(ConsensusCountingTests.Fixture fixture) : IClassFixture<ConsensusCountingTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Tiantan = "我们有几位生产主管是从大兴的天坛生物跳槽过来的";
    const string Suppliers = "原料药大部分来自河北和山东的供应商";
    const string Poaching = "大兴那边的企业也在抢我们的技术工人，竞争挺激烈的";

    [Fact]
    public async Task Partly_adjudicated_transcripts_count_decisions_and_the_undecided_units_provisionally_on_the_page_and_in_every_export()
    {
        var (transcriptId, units) = await fixture.WithAsync(async db =>
        {
            var coder1 = (await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1)).Id;
            var coder2 = (await db.Users.SingleAsync(u => u.Email == AppFactory.Coder2)).Id;
            var doubled = await db.CodingAssignments.GroupBy(x => x.TranscriptId).Where(g => g.Count() == 2).Select(g => g.Key).SingleAsync();
            async Task<(int, int)> Unit(string quote) =>
                ((await db.Segments.SingleAsync(s => s.TranscriptId == doubled && s.CoderId == coder1 && s.Quote == quote)).Id,
                 (await db.Segments.SingleAsync(s => s.TranscriptId == doubled && s.CoderId == coder2 && s.Quote == quote)).Id);
            return (doubled, new[] { await Unit(Tiantan), await Unit(Suppliers) });
        });
        var pi = await fixture.SignedInAsync(AppFactory.PI);

        // Before any decision: Coder 1's six passages count, all provisional; the transcript's basis is "none".
        var before = await pi.GetStringAsync("/Reports?source=Coded");
        Assert.Contains("data-testid=\"total-mentions\">6<", before);
        Assert.Contains("data-testid=\"provisional-mentions\">6<", before);
        Assert.Contains("data-testid=\"basis-None\">1<", before);

        var url = $"/Agreement/Adjudicate?transcriptId={transcriptId}";
        foreach (var ((a, b), kind) in units.Zip(new[] { "AcceptB", "Reject" }))
        {
            var decided = await pi.PostFormAsync(url + "&handler=Decide", new()
            {
                ["Input.SegmentAId"] = a.ToString(), ["Input.SegmentBId"] = b.ToString(), ["Input.Kind"] = kind,
                ["Input.DecisionId"] = "", ["Input.Version"] = "0", ["Input.Note"] = "",
            }, formPage: url);
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }

        // By hand: the 天坛 unit counts once, by its consensus (decided); the suppliers unit was rejected and counts
        // nothing (no fall-back to Coder 1); Coder 1's other four passages count provisionally; Coder 2's association
        // passage (a unit Coder 1 did not mark) counts nothing yet. 1 + 4 = 5 passages, 4 provisional; basis partial.
        var html = WebUtility.HtmlDecode(await pi.GetStringAsync("/Reports?source=Coded"));
        Assert.Contains("data-testid=\"total-mentions\">5<", html);
        Assert.Contains("data-testid=\"provisional-mentions\">4<", html);
        Assert.Contains("data-testid=\"basis-Partial\">1<", html);
        Assert.Contains("data-testid=\"basis-None\">0<", html);

        // The cell YZ → DX (labour): the consensus 天坛 passage (decided) and Coder 1's poaching passage (provisional).
        var evidence = WebUtility.HtmlDecode(await pi.GetStringAsync("/Reports/Evidence?focal=YZ&location=DX&type=labour&source=Coded"));
        Assert.Contains("data-testid=\"evidence-count\" data-count=\"2\">", evidence);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(evidence, "data-testid=\"provisional\""));
        Assert.Contains(Tiantan, evidence);
        Assert.Contains(Poaching, evidence);
        Assert.DoesNotContain(Suppliers, WebUtility.HtmlDecode(await pi.GetStringAsync("/Reports/Evidence?source=Coded")));

        var book = XlsxReader.Read(await pi.GetByteArrayAsync("/Reports/Download?handler=Workbook&source=Coded"));
        var passages = book["Passages"];
        var status = passages.Column("Status");
        Assert.Equal(4, passages.Rows.Skip(1).Count(r => r.GetValueOrDefault(status)?.Text == "provisional"));
        Assert.Equal(1, passages.Rows.Skip(1).Count(r => r.GetValueOrDefault(status)?.Text == "Decided"));
        var basis = book["README"];
        Assert.Equal(1, basis.Rows.Single(r => r[0].Text == "Transcripts: Adjudication partial")[1].Number);
        Assert.Equal(4, basis.Rows.Single(r => r[0].Text == "Provisional passages (units not yet decided)")[1].Number);

        var csv = Encoding.UTF8.GetString(await pi.GetByteArrayAsync("/Reports/Download?handler=Csv&table=readme&source=Coded"));
        Assert.Contains("Transcripts: Adjudication partial,1", csv);
        Assert.Contains("Provisional passages (units not yet decided),4", csv);
        var passagesCsv = Encoding.UTF8.GetString(await pi.GetByteArrayAsync("/Reports/Download?handler=Csv&table=passages&source=Coded"));
        // The status column is followed by the passage's time in the recording, empty for these untimed transcripts.
        Assert.Equal(4, passagesCsv.Split('\n').Count(l => l.TrimEnd('\r').EndsWith(",provisional,", StringComparison.Ordinal)));

        foreach (var (lang, line, tag) in new[] { ("en", "Provisional passages", "[provisional]"), ("zh-Hans", "暂定段落（单元尚未裁定）4", "[暂定]") })
        {
            using var pdf = PdfDocument.Open(await pi.GetByteArrayAsync($"/Reports/Download?handler=Pdf&source=Coded&lang={lang}"));
            var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            var squeezed = text.Replace(" ", "");
            Assert.Contains(line.Replace(" ", ""), squeezed);
            Assert.Contains(tag.Replace(" ", ""), squeezed);
        }

        // Rejecting the remaining units never brings rejected passages back.
        var core = await fixture.WithAsync(db => ReportData.LoadAsync(db, new ReportFilter(Source: SourceFilter.Coded), fixture.Clock.GetUtcNow()));
        Assert.DoesNotContain(core.Report.Counted, m => m.Text == Suppliers);
        Assert.Equal(1, core.Report.TranscriptsWith(TranscriptBasis.Partial));
    }
}
