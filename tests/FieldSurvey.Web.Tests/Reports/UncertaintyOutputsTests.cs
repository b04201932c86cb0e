using System.Net;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Home;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// Issue 19's section read back from the page, the workbook (Open XML) and the PDF (PdfPig), on figures worked by hand.
/// Seeded once per class (the tests only read). Six firms interviewed (approved) in February 2025, partner-list rows
/// only (source=PartnerList), every firm alike within its park, so every resample gives the same figures:
///   ZLS firms Z1–Z3 (A6: R&D), YZ firms Y1–Y3 (A6: manufacturing). Each firm lists the other park twice for
///   research (collaborative) and twice as supplier (collaborative), and its own park once for research:
///   15 mentions a park. Pair YZ-ZLS: research share 12/18 = 66.7% in every resample, so its interval is
///   66.7% – 66.7%; all 6 firms have a cross-cluster research link, Wilson(6, 6) = 61.0% – 100.0%; Duncan 1 (interval
///   1.000 – 1.000, bias-corrected 1); the verdict, collaborating, holds in 100% of resamples; at the current thresholds
///   (0.30, 0.20) the grid reads "Collaborating *".
/// Survey answers: Z1 C3 {ZLS 50, YZ 30, BJ 20}, A2 100, F2 partners; Z2 C3 {ZLS 100}, A2 300, F2 competitors;
///   Y1 C3 {ZLS 10, YZ 90}, F1 both. Pair YZ-ZLS: inputs from the other park, firm-weighted (0.30 + 0 + 0.10)/3 = 13.3%,
///   employee-weighted (0.30·100 + 0·300)/400 = 7.5%, 3 firms; ÷ (own + other) = 0.4/2.8 = 14.3%, which lies between
///   the competing share (0.10) and the collaborating share (0.20) while the partner lists' supplier share is 100%:
///   the triangulation row for suppliers says the sources disagree. F1–F3: partners 1 of 3 = 33.3%.
/// </summary>
public sealed class UncertaintyOutputsTests(UncertaintyOutputsTests.Fixture fixture) : IClassFixture<UncertaintyOutputsTests.Fixture>
{
    const string Filter = "from=2025-02-01&to=2025-02-28&source=PartnerList";

    public sealed class Fixture : AppFactory
    {
        bool seeded;

        public async Task<HttpClient> ReaderAsync()
        {
            if (!seeded) { await SeedAsync(); seeded = true; }
            return await SignedInAsync(PI);
        }

        Task<int> SeedAsync() => WithAsync(async db =>
        {
            int Term(TermKind kind, string code) => db.Terms.Single(t => t.Kind == kind && t.Code == code).Id;
            var guide = (await db.GuideVersions.OrderBy(g => g.Id).FirstAsync()).Id;
            var interviewer = (await db.Users.SingleAsync(u => u.Email == Interviewer)).Id;
            var row = 0;
            var survey = new Dictionary<string, (string Q, string V)[]>
            {
                ["Z1"] = [("C3", """{"ZLS":50,"YZ":30,"BJ":20}"""), ("A2", "100"), ("F2", "partners")],
                ["Z2"] = [("C3", """{"ZLS":100}"""), ("A2", "300"), ("F2", "competitors")],
                ["Y1"] = [("C3", """{"ZLS":10,"YZ":90}"""), ("F1", "both")],
            };
            foreach (var (name, park, other, activity) in new[]
            {
                ("Z1", "ZLS", "YZ", "rd"), ("Z2", "ZLS", "YZ", "rd"), ("Z3", "ZLS", "YZ", "rd"),
                ("Y1", "YZ", "ZLS", "manufacturing"), ("Y2", "YZ", "ZLS", "manufacturing"), ("Y3", "YZ", "ZLS", "manufacturing"),
            })
            {
                var firm = db.Firm(park, $"Sure {name}", null);
                var interview = new Interview
                {
                    FirmId = firm, GuideVersionId = guide, InterviewerId = interviewer, InterviewDate = new DateOnly(2025, 2, 10),
                    Status = InterviewStatus.Approved, ConsentGiven = true, CreatedAtUtc = TestClock.Start,
                };
                db.Interviews.Add(interview);
                await db.SaveChangesAsync();
                db.Answers.Add(new Answer { InterviewId = interview.Id, QuestionId = "A6", Value = $"[\"{activity}\"]" });
                foreach (var (q, v) in survey.GetValueOrDefault(name) ?? []) db.Answers.Add(new Answer { InterviewId = interview.Id, QuestionId = q, Value = v });
                foreach (var (type, location, nature) in new[] { ("research", other, "collaborative"), ("research", other, "collaborative"),
                    ("supplier", other, "collaborative"), ("supplier", other, "collaborative"), ("research", park, "neutral") })
                    db.PartnerRows.Add(new PartnerRow
                    {
                        InterviewId = interview.Id, QuestionId = type == "research" ? "B1" : "C1", RowNumber = ++row, PartnerName = $"Partner {row}",
                        LinkageTypeId = Term(TermKind.LinkageType, type), PartnerLocationId = Term(TermKind.PartnerLocation, location),
                        NatureId = Term(TermKind.Nature, nature),
                    });
            }
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_workbook_holds_n_intervals_stability_grid_survey_answers_and_triangulation()
    {
        var client = await fixture.ReaderAsync();
        var book = XlsxReader.Read(await client.GetByteArrayAsync($"/Reports/Download?handler=Workbook&{Filter}"));
        var intervals = book["Intervals"];
        var research = intervals.Rows.First(r => r[0].Text == "YZ-ZLS" && r[1].Text.StartsWith("Research", StringComparison.Ordinal));
        Assert.Equal(2 / 3.0, research[intervals.Column("Cross-cluster share of mentions")].Number, 9);
        Assert.Equal("66.7% – 66.7%", research[intervals.Column("95 % interval (firms resampled)")].Text);
        Assert.Equal("12 / 18", research[intervals.Column("Mentions: cross / (within + cross)")].Text);
        Assert.Equal(6, research[intervals.Column("Firms with a cross-cluster link")].Number);
        Assert.Equal(6, research[intervals.Column("Firms")].Number);
        Assert.Equal("61.0% – 100.0%", research[intervals.Column("95 % interval (Wilson)")].Text);

        var duncan = book["Dissimilarity uncertainty"].Rows.First(r => r[0].Text == "YZ-ZLS");
        Assert.Equal((1, "1.000 – 1.000", 1), (duncan[1].Number, duncan[2].Text, duncan[3].Number));

        var stability = book["Verdict stability"];
        var pair = stability.Rows.First(r => r[0].Text == "YZ-ZLS");
        Assert.Equal("Collaborating", pair[1].Text);
        Assert.Equal(1.0, pair[stability.Column("Collaborating")].Number);
        Assert.Equal(30, pair[stability.Column("Mentions")].Number);

        var grid = book["Threshold grid"];
        var current = grid.Rows.First(r => r[0].Text == "YZ-ZLS" && r.GetValueOrDefault(1)?.Text == "0.3");
        Assert.Equal("Collaborating *", current[grid.Column("Share threshold 0.20")].Text);

        var survey = book["Survey answers"];
        var inputs = survey.Rows.First(r => r[0].Text == "YZ-ZLS" && r[1].Text == "C3: inputs bought from the other parks");
        Assert.Equal(0.4 / 3, inputs[survey.Column("Firm-weighted")].Number, 9);
        Assert.Equal(0.075, inputs[survey.Column("Employee-weighted")].Number, 9);
        Assert.Equal(3, inputs[survey.Column("Firms (answers)")].Number);
        var partners = survey.Rows.First(r => r[0].Text == "YZ-ZLS" && r[1].Text == "F1–F3: the other park's firms are partners");
        Assert.Equal(1 / 3.0, partners[2].Number, 9);

        var triangulation = book["Triangulation"];
        var supplier = triangulation.Rows.First(r => r[0].Text == "YZ-ZLS" && r[1].Text.StartsWith("Input-output, supplier", StringComparison.Ordinal));
        Assert.Equal("no evidence", supplier[triangulation.Column("Coded passages")].Text);
        Assert.Equal("100.0% (n 12, 6 firms): towards collaborating", supplier[triangulation.Column("Partner lists")].Text);
        Assert.Equal("14.3% (n 3, 3 firms): in between", supplier[triangulation.Column("Survey answers")].Text);
        Assert.Equal("they disagree", supplier[triangulation.Column("Sources agree?")].Text);
        Assert.Contains(book["README"].Cells, c => c.Text.StartsWith("Intervals and stability come from 1000 resamples of firms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_PDF_and_the_page_print_the_same_section()
    {
        var client = await fixture.ReaderAsync();
        using var pdf = PdfDocument.Open(await client.GetByteArrayAsync($"/Reports/Download?handler=Pdf&lang=en&{Filter}"));
        var text = string.Join("", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        foreach (var expected in new[] { "How sure is the finding?", "66.7% – 66.7%", "61.0% – 100.0%", "1.000 – 1.000", "Collaborating *",
            "13.3%", "7.5%", "Intervals and stability come from 1000 resamples" })
            Assert.Contains(expected.Replace(" ", ""), text);
        // A wrapped cell's words come line by line across the row, so this one is looked for as a word.
        Assert.Contains(pdf.GetPages().SelectMany(p => p.GetWords()), w => w.Text == "disagree");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports?{Filter}"));
        Assert.Contains("data-testid=\"uncertainty-method\"", html);
        Assert.Matches("data-testid=\"agree-YZ-ZLS-supplier\"[^>]*>[^<]*they disagree", html);
        // The partner lists' reading links to the rows behind it.
        Assert.Matches("href=\"/Reports/Evidence\\?[^\"]*source=PartnerList[^\"]*focal=[A-Z]+[^\"]*type=supplier", html.Replace("&amp;", "&"));
        Assert.Contains("66.7% – 66.7%", html);
    }

    // Survey answers as the source: the same seed read as issue 19's remaining parts. Pair YZ-ZLS: C3 ÷ (own + other)
    // 0.4/2.8 = 14.3% of 3 firms; F1–F3 partners (incl. both) 2 of 3 = 66.7%; no mention counted.
    const string SurveyFilter = "from=2025-02-01&to=2025-02-28&source=Survey";

    [Fact]
    public async Task Survey_answers_as_the_source_show_the_survey_indicators_per_pair_and_count_no_mention()
    {
        var client = await fixture.ReaderAsync();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports?{SurveyFilter}"));
        Assert.Contains("<option value=\"Survey\" selected=\"selected\">Survey answers</option>", html);
        Assert.Contains("data-testid=\"survey-pairs-note\"", html);
        Assert.Matches("data-testid=\"survey-pair-YZ-ZLS-Inputs\"[^>]*>14.3% \\(n 3\\)<", html);
        Assert.Matches("data-testid=\"survey-pair-YZ-ZLS-Partners\"[^>]*>66.7% \\(n 3\\)<", html);
        Assert.Matches("data-testid=\"total-mentions\">0<", html);
        // The survey section comes before the mention sections, right after the classification.
        Assert.True(html.IndexOf("data-testid=\"survey-by-pair\"", StringComparison.Ordinal) < html.IndexOf("data-testid=\"uncertainty-method\"", StringComparison.Ordinal));

        var book = XlsxReader.Read(await client.GetByteArrayAsync($"/Reports/Download?handler=Workbook&{SurveyFilter}"));
        var pair = book["Survey by pair"].Rows.First(r => r[0].Text == "YZ-ZLS");
        Assert.Equal("14.3% (n 3)", pair[1].Text);

        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("zh-CN"));
        var chinese = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports?{SurveyFilter}"));
        foreach (var zh in new[] { "每对园区的调查回答", "来源：调查回答。", "E3：每月或更频繁交流的企业", "方法。区间" }) Assert.Contains(zh, chinese);
    }

    [Fact]
    public async Task A_survey_figure_and_a_triangulation_cell_open_the_firms_answers_behind_them()
    {
        var client = await fixture.ReaderAsync();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports?{Filter}")).Replace("&amp;", "&");
        string Href(string testId) => System.Text.RegularExpressions.Regex.Match(html, $"<a data-testid=\"{testId}\" href=\"([^\"]+)\"").Groups[1].Value;

        // The triangulation's survey reading for suppliers: C3 with the employee weights, 3 firms (Z1, Z2 with A2; Y1).
        var supplier = Href("triangulation-Survey-YZ-ZLS-supplier");
        Assert.StartsWith("/Reports/SurveyEvidence?", supplier);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(supplier));
        Assert.Contains("data-testid=\"survey-evidence-count\" data-count=\"5\">5 answer(s) from 3 firm(s)", page);
        Assert.Contains("Sure Z1", page);
        Assert.Contains("ZLS Park 50% · Yizhuang Park 30% · Elsewhere in Beijing 20%", page);
        Assert.DoesNotContain("Sure Y2", page);        // answered nothing

        // The survey table's F1–F3 row: Z1's and Z2's F2 (about YZ) and Y1's F1 (about ZLS).
        var relations = WebUtility.HtmlDecode(await client.GetStringAsync(Href("survey-YZ-ZLS-Relations")));
        Assert.Contains("data-count=\"3\">3 answer(s) from 3 firm(s)", relations);
        Assert.Contains("Competitors", relations);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reports/SurveyEvidence?set=ZLS-XX&figure=Inputs&{Filter}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reports/SurveyEvidence?set=YZ-ZLS&{Filter}")).StatusCode);
        // PI only: an interviewer (who may see respondents' firms elsewhere) and a coder are refused.
        foreach (var other in new[] { AppFactory.Interviewer, AppFactory.Coder1 })
        {
            var response = await (await fixture.SignedInAsync(other)).GetAsync(supplier);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{other}: {response.StatusCode}");
            Assert.DoesNotContain("Sure Z1", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_methods_paragraph_with_its_sources_is_on_the_page_in_the_workbook_and_in_the_PDF()
    {
        var client = await fixture.ReaderAsync();
        Assert.Contains("data-testid=\"methods\"", await client.GetStringAsync($"/Reports?{Filter}"));
        var book = XlsxReader.Read(await client.GetByteArrayAsync($"/Reports/Download?handler=Workbook&{Filter}"));
        var methods = book["README"].Cells.Single(c => c.Text.StartsWith("Methods. Intervals", StringComparison.Ordinal)).Text;
        foreach (var source in new[] { "Wilson 1927", "Newcombe 1998", "Efron & Tibshirani 1993", "Duncan & Duncan 1955", "§10.6", "Phipson & Smyth 2010",
            "1000 times, from a fixed seed (19)" })
            Assert.Contains(source, methods);
        using var pdf = PdfDocument.Open(await client.GetByteArrayAsync($"/Reports/Download?handler=Pdf&lang=en&{Filter}"));
        var text = string.Join("", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Methods.Intervals", text);
        Assert.Contains("Duncan&Duncan1955", text);
    }
}
