using System.Net;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Reports;
using UglyToad.PdfPig;

namespace FieldSurvey.Tests.Coding;

/// <summary>The framework matrix, its summaries (audited, stale edits refused) and the analysis workbook and PDF.</summary>
public sealed class FrameworkAndDownloadTests(FrameworkAndDownloadTests.Fixture app) : IClassFixture<FrameworkAndDownloadTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    async Task<(int Transcript, int Firm, int Research, int Theme, HttpClient Coder)> SeedAsync(string themeCode, string text, string quote)
    {
        var theme = app.With(db =>
        {
            var term = new Term { Kind = TermKind.Theme, Code = themeCode, NameEn = "Policy support " + themeCode, NameZh = "政策支持" + themeCode };
            db.Terms.Add(term);
            db.SaveChanges();
            return term.Id;
        });
        var research = app.Term(TermKind.LinkageType, "research");
        var transcript = await app.TranscriptAsync(text, AppFactory.Coder1);
        var coder = await app.SignedInAsync(AppFactory.Coder1);
        var start = app.With(db => db.Transcripts.Single(t => t.Id == transcript).Text).IndexOf(quote, StringComparison.Ordinal);
        var saved = await coder.PostJsonAsync(transcript, "Save", new { id = (int?)null, version = 0, start, end = start + quote.Length, quote, typeId = research, themeIds = new[] { theme } });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var firm = app.With(db => db.Transcripts.Where(t => t.Id == transcript).Select(t => db.Interviews.Single(i => i.Id == t.InterviewId).FirmId).Single());
        return (transcript, firm, research, theme, coder);
    }

    static Dictionary<string, string> Summary(string text, int version) => new() { ["Input.Text"] = text, ["Input.Version"] = version.ToString() };

    [Fact]
    public async Task A_cell_shows_the_firms_passages_and_its_summary_which_is_audited_and_a_stale_or_empty_edit_is_refused()
    {
        var (_, firm, research, theme, coder) = await SeedAsync("fw-a", "受访者：园区给了我们研发补贴，我们和清华合作。", "园区给了我们研发补贴，我们和清华合作");
        var columns = $"Columns={research}&Columns={theme}";
        var page = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding/Analysis/Framework?" + columns));
        var cell = Regex.Match(page, $"data-testid=\"fw-{firm}-fw-a\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("园区给了我们研发补贴", cell);
        Assert.Contains("园区给了我们研发补贴", Regex.Match(page, $"data-testid=\"fw-{firm}-research\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value);

        var url = $"/Coding/Analysis/Summary?firmId={firm}&termId={theme}&{columns}";
        Assert.Equal(HttpStatusCode.Redirect, (await coder.PostFormAsync(url, Summary("Subsidies drive R&D; 补贴推动研发。", -1))).StatusCode);
        var stored = app.With(db => db.FrameworkSummaries.Single(s => s.FirmId == firm && s.TermId == theme));
        Assert.Equal("Subsidies drive R&D; 补贴推动研发。", stored.Text);
        Assert.True(app.With(db => db.AuditEntries.Any(a => a.Entity == "FrameworkSummary" && a.EntityId == stored.Id.ToString())));

        var pi = await app.SignedInAsync(AppFactory.PI);
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync(url, Summary("PI's revision.", stored.Version))).StatusCode);
        var stale = await coder.PostFormAsync(url, Summary("Coder's stale edit.", stored.Version));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this summary", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        var empty = await pi.PostFormAsync(url, Summary("   ", stored.Version + 1));
        Assert.Contains("Write the summary.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        Assert.Equal("PI's revision.", app.With(db => db.FrameworkSummaries.Single(s => s.Id == stored.Id).Text));
        Assert.Contains("PI&#x27;s revision.", await pi.GetStringAsync("/Coding/Analysis/Framework?" + columns));

        // Coder 2 has no transcript of this firm: neither the summary form nor the summary.
        var other = await app.SignedInAsync(AppFactory.Coder2);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("PI&#x27;s revision.", await other.GetStringAsync("/Coding/Analysis/Framework?" + columns));
    }

    [Fact]
    public async Task The_workbook_and_the_PDF_carry_the_co_occurrence_the_framework_matrix_and_the_memos_formula_safe()
    {
        var (transcript, firm, research, theme, coder) = await SeedAsync("fw-b", "受访者：=HYPERLINK(\"x\") 我们的税收优惠来自亦庄。", "=HYPERLINK(\"x\") 我们的税收优惠来自亦庄");
        Assert.Equal(HttpStatusCode.Redirect, (await coder.PostFormAsync($"/Coding/Analysis/Summary?firmId={firm}&termId={theme}", Summary("Tax breaks summary dl-1", -1))).StatusCode);
        var segment = app.With(db => db.Segments.Single(s => s.TranscriptId == transcript).Id);
        app.With(db =>
        {
            var memo = new Core.Coding.Memo { Target = Core.Coding.MemoTarget.Passage, Title = "Tax memo dl-1", Text = "税收优惠 memo.", AuthorId = db.Users.Single(u => u.Email == AppFactory.Coder1).Id, CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start };
            db.Memos.Add(memo);
            db.SaveChanges();
            db.MemoLinks.Add(new Core.Coding.MemoLink { MemoId = memo.Id, SegmentId = segment });
            return db.SaveChanges();
        });
        var query = $"Source={transcript}&Columns={research}&Columns={theme}";
        var response = await coder.GetAsync("/Coding/Analysis/Download?handler=Workbook&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(XlsxReader.Validate(bytes));
        var book = XlsxReader.Read(bytes);
        var counts = book["Co-occurrence counts"];
        var row = counts.Rows.FindIndex(r => r.TryGetValue(0, out var c) && c.Text.Contains("[research]"));
        Assert.Equal(1, counts.Rows[row][counts.Rows[0].First(c => c.Value.Text == "Policy support fw-b").Key].Number);
        var matrix = book["Framework matrix"];
        Assert.Contains(matrix.Cells, c => c.Text == "Tax breaks summary dl-1");
        // The passage carries both codes, so it is quoted under both columns of its firm's row (other tests' passages of the
        // same firm may share the research cell, never this theme's).
        var themeColumn = matrix.Column("Policy support fw-b · Passages");
        var firmRow = Assert.Single(matrix.Rows, r => r.TryGetValue(themeColumn, out var c) && c.Text.Contains("我们的税收优惠来自亦庄"));
        Assert.Contains("我们的税收优惠来自亦庄", firmRow[matrix.Column("Research · Passages")].Text);
        var quoted = firmRow[themeColumn];
        Assert.False(quoted.IsFormula);
        Assert.StartsWith("'", quoted.Text);   // formula-safe: a leading = is escaped
        Assert.Contains(book["Memos"].Cells, c => c.Text == "Tax memo dl-1");
        Assert.Contains(book["Memos"].Cells, c => c.Text.Contains("我们的税收优惠来自亦庄"));

        var pdf = await coder.GetAsync("/Coding/Analysis/Download?handler=Pdf&" + query);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using var doc = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var all = string.Join("\n", doc.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Framework matrix", all);
        Assert.Contains("Tax breaks summary dl-1", all);
        // The quote wraps in its narrow framework column ("…我们的税" / "收优惠来自亦庄"), and text extraction reads a wrapped cell's
        // lines interleaved with the next cell's, so the pieces are checked, not the whole quote in one run.
        var compact = all.Replace(" ", "");
        Assert.Contains("我们的税", compact);
        Assert.Contains("收优惠来自亦庄", compact);
        Assert.Contains("Tax memo dl-1", all);
    }
}
