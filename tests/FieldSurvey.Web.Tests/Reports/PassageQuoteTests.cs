using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// The kept report holds no quotes (issue 21: they were most of its memory at study size). Every place that shows a
/// passage reads its quote by segment id: the evidence page (a page of 100 at a time), the workbook's passage sheet,
/// the passages CSV and the PDF's sample of quotes.
/// </summary>
public sealed class PassageQuoteTests(PassageQuoteTests.Fixture fixture) : IClassFixture<PassageQuoteTests.Fixture>
{
    public sealed class Fixture : AppFactory
    {
        /// <summary>The seeded passages' focal park; seeded once per fixture (xUnit makes a test class per test).</summary>
        public Lazy<Task<string>> Seeded { get; }
        public Fixture() => Seeded = new(() => SeedAsync(this));
    }

    const int Passages = 101;   // one more than the evidence page's page
    static string Quote(int i) => $"引文{i:000} quote {i}";

    // One approved transcript coded by Coder 1 alone with 101 passages, each "knowledge" with a partner abroad; returns
    // the focal park's code. The tests only read it.
    static async Task<string> SeedAsync(AppFactory app)
    {
        var text = new StringBuilder();
        var spans = new List<(int Start, int End)>();
        for (var i = 0; i < Passages; i++)
        {
            spans.Add((text.Length, text.Length + Quote(i).Length));
            text.Append(Quote(i)).Append('。');
        }
        var transcript = await app.TranscriptAsync(text.ToString(), AppFactory.Coder1);
        return await app.WithAsync(async db =>
        {
            int Term(TermKind kind, string code) => db.Terms.Single(t => t.Kind == kind && t.Code == code).Id;
            var coder = (await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1)).Id;
            for (var i = 0; i < Passages; i++)
                db.Segments.Add(new Segment
                {
                    TranscriptId = transcript, CoderId = coder, Start = spans[i].Start, End = spans[i].End, Quote = Quote(i),
                    LinkageTypeId = Term(TermKind.LinkageType, "knowledge"), PartnerLocationId = Term(TermKind.PartnerLocation, "ABROAD"),
                    CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start,
                });
            await db.SaveChangesAsync();
            return await (from t in db.Transcripts where t.Id == transcript
                          join i in db.Interviews on t.InterviewId equals i.Id
                          join f in db.Firms on i.FirmId equals f.Id
                          join p in db.Parks on f.ParkId equals p.Id
                          select p.Code).SingleAsync();
        });
    }

    static List<string> OurQuotes(string html) =>
        Regex.Matches(WebUtility.HtmlDecode(html), @"<td class=""quote"">(引文\d{3} quote \d+)</td>").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_evidence_page_shows_100_passages_a_page_each_with_its_quote_read_by_id()
    {
        var focal = await fixture.Seeded.Value;
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var url = $"/Reports/Evidence?focal={focal}&location=ABROAD&type=knowledge&source=Coded";
        var first = await pi.GetStringAsync(url);
        var total = int.Parse(Regex.Match(first, "data-testid=\"evidence-count\" data-count=\"(\\d+)\"").Groups[1].Value);
        Assert.True(total >= Passages, $"the cell counts {total} passages");
        var rows = Regex.Matches(first[first.IndexOf("<tbody>", StringComparison.Ordinal)..first.IndexOf("</tbody>", StringComparison.Ordinal)], "<tr>").Count;
        Assert.Equal(100, rows);
        Assert.Contains($"Rows 1–100 of {total}", WebUtility.HtmlDecode(first));

        var pages = new List<string> { first };
        for (var p = 2; p <= (total + 99) / 100; p++) pages.Add(await pi.GetStringAsync($"{url}&p={p}"));
        var shown = pages.SelectMany(OurQuotes).ToList();
        // Each of the 101 passages on exactly one page, with its own quote (not an empty cell, not another's text).
        Assert.Equal(Enumerable.Range(0, Passages).Select(Quote).Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_passage_sheet_and_the_passages_csv_carry_every_quote_and_the_pdf_no_empty_one()
    {
        await fixture.Seeded.Value;
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var workbook = await pi.GetByteArrayAsync("/Reports/Download?handler=Workbook&source=Coded");
        Assert.Empty(XlsxReader.Validate(workbook));
        var passages = XlsxReader.Read(workbook)["Passages"];
        var quoteColumn = passages.Column("Quote or entry");
        var inSheet = passages.Rows.Skip(1).Select(r => r.TryGetValue(quoteColumn, out var c) ? c.Text : "").ToList();
        Assert.All(Enumerable.Range(0, Passages), i => Assert.Single(inSheet, q => q == Quote(i)));
        Assert.DoesNotContain("", inSheet);   // no coded passage without its quote

        var csv = Encoding.UTF8.GetString(await pi.GetByteArrayAsync("/Reports/Download?handler=Csv&table=passages&source=Coded"));
        Assert.All(Enumerable.Range(0, Passages), i => Assert.Contains($",{Quote(i)},", csv));

        using var pdf = PdfDocument.Open(await pi.GetByteArrayAsync("/Reports/Download?handler=Pdf&source=Coded"));
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("“", text);
        Assert.DoesNotContain("“”", text);
    }
}
