using System.Net;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Pages.Agreement;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Agreement;

public sealed class AgreementPageTests(AgreementPageTests.Fixture fixture) : IClassFixture<AgreementPageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task The_PI_sees_alpha_with_a_verdict_for_the_demo_double_coded_transcript()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = await pi.GetStringAsync("/Agreement");
        Assert.Contains("Krippendorff&#x27;s alpha", page);
        Assert.Contains("Confusion matrix: Linkage type", page);
        Assert.Contains("Yizhuang Kangda", page);
        Assert.Contains("7 units", page);
        Assert.Contains("at least 50%", page);
    }

    [Fact]
    public async Task A_chinese_reader_sees_the_codes_of_the_confusion_matrix_in_chinese()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var request = new HttpRequestMessage(HttpMethod.Get, "/Agreement");
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        // Razor's default encoder writes CJK as character references; the browser shows the same text.
        var page = WebUtility.HtmlDecode(await (await pi.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Contains("研发合作", page);
        Assert.Contains("劳动力市场", page);
    }

    [Fact]
    public async Task A_stricter_jaccard_rule_is_explained_and_changes_the_units()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = await pi.GetStringAsync("/Agreement?Options.Measure=Jaccard&Options.MinOverlap=0.9");
        Assert.Contains("(Jaccard)", page);
        Assert.Contains("at least 90%", page);
        Assert.DoesNotContain(">7 units<", page);
    }

    [Fact]
    public async Task The_CSV_export_is_utf8_with_a_bom_and_holds_every_table()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var response = await pi.GetAsync("/Agreement?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("Agreement by dimension", text);
        Assert.Contains("Confusion matrix: Nature", text);
        Assert.Contains("(not coded)", text);
    }

    [Fact]
    public async Task The_page_states_krippendorffs_bootstrap_and_shows_replicates_q_brennan_prediger_and_ac1()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = WebUtility.HtmlDecode(await pi.GetStringAsync("/Agreement"));
        Assert.Contains("KALPHA", page);
        Assert.DoesNotContain("1,000 resamples", page);
        foreach (var header in new[] { "<th>Replicates</th>", "<th>q (alpha < 0.800)</th>", "<th>q (alpha < 0.667)</th>",
                     "<th>Undefined replicates (counted as 0)</th>", "<th>Brennan–Prediger kappa</th>", "<th>Gwet's AC1</th>" })
            Assert.Contains(header, page);
        Assert.Contains("Agreement on passages found", page);
        Assert.Contains("Codes by coder: Linkage type", page);
    }

    [Fact]
    public async Task The_page_says_for_how_many_rows_no_interval_was_computed()
    {
        // The demo study has one double-coded transcript: no row can resample transcripts, and rows whose alpha
        // is undefined get no interval either. The page counts both, from the same Core figures.
        var summary = await fixture.WithAsync(async db =>
        {
            var units = await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default);
            return AgreementTables.Summarise(units, await db.CodebookAsync(), basis: AgreementBasis.Coding);
        });
        var rows = summary.ByDimension.Concat(summary.ByCode).Concat(summary.ByPair).Concat(summary.ByTheme).ToList();
        var noInterval = rows.Concat(summary.ByTranscript).Count(r => r.Figures.AlphaInterval.Replicates == 0);
        Assert.True(rows.All(r => r.Figures.ClusterInterval.Replicates == 0));

        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = WebUtility.HtmlDecode(await pi.GetStringAsync("/Agreement"));
        Assert.Contains($"No interval was computed for {noInterval} rows", page);
        Assert.Contains($"no transcript-resampling interval for {rows.Count} rows", page);
    }

    [Fact]
    public async Task Coding_given_passages_found_is_the_default_and_the_combined_figure_an_option()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var coding = WebUtility.HtmlDecode(await pi.GetStringAsync("/Agreement"));
        var combined = WebUtility.HtmlDecode(await pi.GetStringAsync("/Agreement?Options.Basis=Combined"));
        Assert.Contains("The coding figures use only the passages both coders found", coding);
        Assert.Contains("Combined figure:", combined);
        Assert.DoesNotContain("Combined figure:", coding);
        var (codingUnits, combinedUnits) = await fixture.WithAsync(async db =>
        {
            var units = await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default);
            var codebook = await db.CodebookAsync();
            return (AgreementTables.Summarise(units, codebook, replicates: 10, basis: AgreementBasis.Coding).ByDimension[0].Figures.Units,
                AgreementTables.Summarise(units, codebook, replicates: 10).ByDimension[0].Figures.Units);
        });
        Assert.True(codingUnits < combinedUnits, "the demo has passages only one coder marked");
        var csv = System.Text.Encoding.UTF8.GetString(await pi.GetByteArrayAsync("/Agreement?handler=Csv&Options.Basis=Combined"));
        Assert.Contains("Agreement on passages found", csv);
    }

    [Fact]
    public async Task Agreement_per_thematic_code_is_on_the_page_and_in_the_csv()
    {
        // Both demo coders put a thematic code on their first two matched passages; only the first coder on the third.
        var expected = await fixture.WithAsync(async db =>
        {
            var theme = new Term { Kind = TermKind.Theme, Code = "agree-why-park", NameEn = "Why this park (agreement test)", NameZh = "选址原因（一致性测试）" };
            db.Terms.Add(theme);
            await db.SaveChangesAsync();
            var units = await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default);
            var matched = units.SelectMany(p => p.Units).Where(u => u.IsMatched).Take(3).ToList();
            Assert.Equal(3, matched.Count);
            db.SegmentThemes.AddRange(matched.Take(2).SelectMany(u => new[] { u.A!.SegmentId, u.B!.SegmentId })
                .Append(matched[2].A!.SegmentId).Select(id => new SegmentTheme { SegmentId = id, TermId = theme.Id }));
            await db.SaveChangesAsync();
            var summary = AgreementTables.Summarise(await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default),
                await db.CodebookAsync(), basis: AgreementBasis.Coding);
            return summary.ByTheme.Single(r => r.Code == "agree-why-park").Figures;
        });
        Assert.Equal(expected.Units - 1, Math.Round(expected.Percent * expected.Units));    // the third passage is the one disagreement

        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = WebUtility.HtmlDecode(await pi.GetStringAsync("/Agreement"));
        Assert.Contains("<h2>Agreement by thematic code (presence)</h2>", page);
        Assert.Contains("Why this park (agreement test)", page);
        Assert.Contains(expected.Alpha.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), page);
        Assert.Contains("A sub-code counts on its own", page);
        var csv = System.Text.Encoding.UTF8.GetString(await pi.GetByteArrayAsync("/Agreement?handler=Csv"));
        Assert.Contains("Agreement by thematic code (presence)", csv);
        Assert.Contains("Why this park (agreement test)", csv);
    }
}
