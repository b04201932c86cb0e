using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Reports;
using FieldSurvey.Web.Reporting;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace FieldSurvey.Tests.Reports;

public sealed partial class ReportDownloadTests(ReportDownloadTests.Fixture fixture) : IClassFixture<ReportDownloadTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    Task<LoadedReport> CoreReport() =>
        fixture.WithAsync(db => ReportData.LoadAsync(db, new ReportFilter(), fixture.Clock.GetUtcNow()));

    [GeneratedRegex("data-testid=\"download-(workbook|pdf)\" href=\"([^\"]+)\"")]
    private static partial Regex DownloadLink();

    static async Task<Dictionary<string, string>> LinksOf(HttpClient client)
    {
        var html = await client.GetStringAsync("/Reports");
        return DownloadLink().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    [Fact]
    public async Task The_PI_downloads_a_workbook_whose_figures_and_Chinese_text_match_the_report()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Reports"));
        var core = await CoreReport();
        Assert.Contains($"data-testid=\"total-mentions\">{core.Report.Total.Total.Mentions}<", html);
        Assert.True(core.Report.Total.Total.Mentions > 0);

        var response = await client.GetAsync((await LinksOf(client))["workbook"]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(XlsxReader.Validate(bytes));
        var book = XlsxReader.Read(bytes);

        Assert.Contains(book["README"].Cells, c => c.Text.Contains("中关村生命科学园"));
        Assert.Contains(book["README"].Cells, c => c.Text.Contains("consensus"));
        Assert.Contains(book["README"].Cells, c => c.Text.Contains("Insufficient evidence when a park has fewer than 10 mentions"));

        var total = book["Matrix total"];
        Assert.True(total.HeaderFrozen, "the header row is frozen");
        Assert.NotNull(total.AutoFilter);
        var yz = total.Rows.First(r => r.GetValueOrDefault(0)?.Text == "YZ");
        var zls = total.Column("ZLS mentions");
        Assert.Equal(core.Report.Total.Cell("YZ", "ZLS").Mentions, (int)yz[zls].Number);
        Assert.Equal("0.0%", yz[total.Column("ZLS row share")].Format);
        Assert.Contains("北京经济技术开发区（亦庄）", yz[1].Text);

        var research = book["Cross-cluster shares"].Rows.First(r => r[0].Text == "all" && r[1].Text.StartsWith("Research"));
        var expected = core.Report.Configuration.Shares.Single(s => s.LinkageType == "research").Share;
        Assert.Equal(expected, research[4].Number, 6);
        Assert.Equal("0.0%", research[4].Format);
        // Approved interviews only leave ZLS and DX without a value-chain profile (every index undefined, empty cells);
        // with the submitted Baiotai (ZLS) interview the YZ-ZLS index is a number in the index format.
        var withSubmitted = XlsxReader.Read(await client.GetByteArrayAsync("/Reports/Download?handler=Workbook&interviews=NotDraft"));
        Assert.Contains(withSubmitted["Dissimilarity"].Cells, c => c.Format == "0.000");

        var passages = book["Passages"];
        Assert.Equal(core.Report.Counted.Count + 1, passages.Rows.Count);
        Assert.Contains(passages.Cells, c => c.Text == "我们有几位生产主管是从大兴的天坛生物跳槽过来的");
        Assert.DoesNotContain(passages.Rows[0].Values, c => c.Text == "Respondent");
        Assert.Equal(core.Report.Classifications.Count + 1, book["Classification"].Rows.Count);
    }

    [Fact]
    public async Task The_PI_downloads_a_PDF_with_intact_Chinese_park_names_figures_and_page_numbers()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var response = await client.GetAsync((await LinksOf(client))["pdf"]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var core = await CoreReport();
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var all = string.Join("\n", pages);
        var squeezed = all.Replace(" ", "");
        Assert.Contains("中关村生命科学园", squeezed);
        Assert.Contains("北京生物工程与医药产业基地（大兴）", squeezed);
        Assert.Contains("我们有几位生产主管是从大兴的天坛生物跳槽过来的", squeezed);
        Assert.Contains($"Mentions counted {core.Report.Total.Total.Mentions}", all);
        Assert.Contains($"Page 1 of {pages.Count}", pages[0]);
        Assert.Contains($"Page {pages.Count} of {pages.Count}", pages[^1]);
        var share = core.Report.Configuration.Shares.Single(s => s.LinkageType == "research").Share;
        Assert.Contains(share.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture), all);
        Assert.Contains("Insufficient evidence when a park has fewer than 10 mentions", all.Replace("\n", " "));
    }

    [Fact]
    public async Task A_PI_who_chooses_Chinese_downloads_a_PDF_with_Chinese_headings_and_page_numbers()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var html = await client.GetStringAsync("/Reports");
        var link = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"download-pdf-zh\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains("lang=zh-Hans", link);
        var response = await client.GetAsync(System.Net.WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = pdf.GetPages().Select(p => string.Join("", p.GetWords().Select(w => w.Text))).ToList();
        var all = string.Join("\n", pages);
        Assert.Contains("关于本报告", all);
        Assert.Contains("联系矩阵", all);
        Assert.Contains("任一园区的提及少于10条", all);
        Assert.Contains($"第{pages.Count}页，共{pages.Count}页", pages[^1]);
        Assert.DoesNotContain("Linkagematrices", all);
    }

    [Fact]
    public async Task A_matrix_cells_evidence_link_lists_exactly_the_passages_it_counts()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var core = await CoreReport();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Reports/Evidence?focal=YZ&location=DX&type=labour"));
        var expected = core.Report.ByType.Single(m => m.LinkageType == "labour").Cell("YZ", "DX").Mentions;
        Assert.Contains($"data-testid=\"evidence-count\" data-count=\"{expected}\">", html);
        Assert.Contains("我们有几位生产主管是从大兴的天坛生物跳槽过来的", html);
    }
}

/// <summary>
/// The report tests that change data (a formula in a partner name, the rule's thresholds, a judgement): on their
/// own database, so the read-only tests above see the demo data and the default rule whatever order tests run in.
/// Each asserts only on what it changed itself.
/// </summary>
public sealed class ReportChangeTests(ReportChangeTests.Fixture fixture) : IClassFixture<ReportChangeTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task CSV_files_have_a_BOM_escape_formulas_and_leave_out_personal_data_unless_asked()
    {
        await fixture.WithAsync(async db =>
        {
            var row = db.PartnerRows.First();
            row.PartnerName = "=HYPERLINK(\"http://evil.example\",\"click\")";
            await db.SaveChangesAsync();
            return 0;
        });
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var bytes = await client.GetByteArrayAsync("/Reports/Download?handler=Csv&table=passages");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("'=HYPERLINK", text);
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.DoesNotContain("\"=HYPERLINK", text);
        Assert.Contains("我们有几位生产主管是从大兴的天坛生物跳槽过来的", text);
        Assert.Contains("ZLS mentions", await client.GetStringAsync("/Reports/Download?handler=Csv&table=matrix-total"));
        Assert.DoesNotContain("刘洋", text); // the demo respondent's name
        var personal = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/Reports/Download?handler=Csv&table=passages&personal=true"));
        Assert.Contains("刘洋", personal);

        var book = XlsxReader.Read(await client.GetByteArrayAsync("/Reports/Download?handler=Workbook"));
        Assert.Contains(book["Passages"].Cells, c => c.Text.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        Assert.DoesNotContain(book.Values.SelectMany(s => s.Cells), c => c.IsFormula);
        Assert.DoesNotContain(book["Passages"].Cells, c => c.Text == "刘洋");
    }

    [Fact]
    public async Task Changing_a_threshold_on_the_rule_page_changes_the_suggested_classification_and_the_printed_rule()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var before = await client.GetStringAsync("/Reports");
        Assert.Contains("data-testid=\"suggested-all\">Insufficient evidence<", before);
        Assert.Contains("fewer than 10 mentions", before);

        var response = await client.PostFormAsync("/Reports/Rule", new()
        {
            ["Input.Version"] = await fixture.WithAsync(async db => (await db.StudySettings.SingleAsync()).Version.ToString()),
            ["Input.MinDissimilarity"] = "0.3", ["Input.CollaboratingShare"] = "0.2", ["Input.MinTypesAboveShare"] = "2",
            ["Input.CompetingShare"] = "0.1", ["Input.MinMentionsPerPark"] = "0", ["Input.MinFirmsPerPark"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Approved interviews only (the default) leave ZLS without an interviewed firm, so YZ-ZLS has no dissimilarity:
        // count the submitted Baiotai (ZLS) interview too, as before issue 18, to see the verdict move.
        var after = await client.GetStringAsync("/Reports?interviews=NotDraft");
        Assert.Contains("fewer than 0 mentions or fewer than 0 interviewed firms", after);
        Assert.Matches("data-testid=\"suggested-YZ-ZLS\">(Collaborating|Competing|Mixed)<", after);
        var rule = await fixture.WithAsync(async db => ClassificationRule.FromJson((await db.StudySettings.SingleAsync()).ClassificationRuleJson));
        Assert.Equal(0, rule.MinMentionsPerPark);
        Assert.True(await fixture.WithAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "StudySettings" && a.After!.Contains("MinMentionsPerPark"))));
    }

    [Fact]
    public async Task The_PIs_judgement_is_recorded_beside_the_suggestion_and_audited()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var response = await client.PostFormAsync("/Reports?handler=Judge", new()
        {
            ["Input.Scope"] = "all", ["Input.Verdict"] = "Collaborating", ["Input.Rationale"] = "互补分工 — complementary tasks <b>",
        }, "/Reports");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Reports"));
        Assert.Contains("互补分工 — complementary tasks <b>", html);
        Assert.DoesNotContain("tasks <b>", await client.GetStringAsync("/Reports"));
        Assert.Contains("data-testid=\"suggested-all\">", html);
        Assert.True(await fixture.WithAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "ClassificationJudgement")));
    }
}
