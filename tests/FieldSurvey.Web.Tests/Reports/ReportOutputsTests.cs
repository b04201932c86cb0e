using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Home;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using UglyToad.PdfPig;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// A small study seeded here with figures worked by hand, read back from all four outputs (page, workbook, PDF,
/// CSV) in English and in Chinese. Seeded once per class: the tests only read.
///
/// Three firms, interviewed (approved) in January 2025, which the filter keeps apart from the demo data (Nov 2026);
/// partner-list rows only (source=PartnerList), each one mention:
///   Y1 (YZ): research → DX collaborative; research → YZ neutral.   A6: R&D
///   Y2 (YZ): research → DX collaborative; labour → DX competitive. A6: R&D, manufacturing
///   D1 (DX): research → DX neutral; supplier → elsewhere in Beijing.  A6: manufacturing
/// Matrix (all types), row YZ: DX 3 mentions from 2 firms, YZ 1 from 1; row total 4 → DX row share 3/4 = 75.0%.
///   Row DX: DX 1, BJ 1 → 50.0% each. Total 6 mentions.
/// Cross-cluster share, all three parks, research: within YZ→YZ 1 + DX→DX 1 = 2, cross YZ→DX 2 → 2/4 = 50.0%,
///   2 firms. Labour: 0 within, 1 cross → 100.0%. Supplier: Beijing is neither → no evidence.
/// Profiles: YZ = (R&D 2, manufacturing 1)/3; DX = manufacturing 1/1. Duncan DX-YZ = ½(2/3 + |1/3 − 1|) = 2/3 → 0.667.
/// Classification (default rule, minimum 10 mentions and 3 firms per park): insufficient evidence; for YZ the
///   reason reads "YZ: 4 mentions (minimum 10) and 2 interviewed firms (minimum 3)."
/// </summary>
public sealed class ReportOutputsTests(ReportOutputsTests.Fixture fixture) : IClassFixture<ReportOutputsTests.Fixture>
{
    const string Filter = "from=2025-01-01&to=2025-01-31&source=PartnerList";
    const string ReasonEn = "YZ: 4 mentions (minimum 10) and 2 interviewed firms (minimum 3).";
    const string ReasonZh = "YZ：4 条提及（最少 10 条），2 家受访企业（最少 3 家）。";
    const string HeadingZh = "联系矩阵", NoteZh = "跨集群占比 = 跨集群 ÷（集群内 + 跨集群）";

    /// <summary>The app with one label renamed in the string table it reads: <see cref="Renamed"/> for "Cross-cluster share".</summary>
    public sealed class Fixture : AppFactory
    {
        public const string Renamed = "Xshare";
        bool seeded;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IStringLocalizerFactory>();
                services.AddSingleton<ResourceManagerStringLocalizerFactory>();
                services.AddSingleton<IStringLocalizerFactory>(sp => new OneKeyRenamed(sp.GetRequiredService<ResourceManagerStringLocalizerFactory>(),
                    "Cross-cluster share", Renamed));
            // One word, so the PDF's narrow header cell cannot wrap it.
            });
        }

        public async Task<HttpClient> ReaderAsync(string? acceptLanguage = null)
        {
            if (!seeded) { await SeedAsync(); seeded = true; }
            var client = await SignedInAsync(PI);
            if (acceptLanguage is not null) client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(acceptLanguage));
            return client;
        }

        Task<int> SeedAsync() => WithAsync(async db =>
        {
            int Term(TermKind kind, string code) => db.Terms.Single(t => t.Kind == kind && t.Code == code).Id;
            var guide = (await db.GuideVersions.OrderBy(g => g.Id).FirstAsync()).Id;
            var interviewer = (await db.Users.SingleAsync(u => u.Email == Interviewer)).Id;
            var row = 0;
            foreach (var (name, park, activities, rows) in new[]
            {
                ("Y1", "YZ", "[\"rd\"]", new[] { ("research", "DX", "collaborative"), ("research", "YZ", "neutral") }),
                ("Y2", "YZ", "[\"rd\",\"manufacturing\"]", [("research", "DX", "collaborative"), ("labour", "DX", "competitive")]),
                ("D1", "DX", "[\"manufacturing\"]", [("research", "DX", "neutral"), ("supplier", "BJ", "neutral")]),
            })
            {
                var firm = db.Firm(park, $"Hand {name}", null);
                var interview = new Interview
                {
                    FirmId = firm, GuideVersionId = guide, InterviewerId = interviewer, InterviewDate = new DateOnly(2025, 1, 10),
                    Status = InterviewStatus.Approved, ConsentGiven = true, CreatedAtUtc = TestClock.Start,
                };
                db.Interviews.Add(interview);
                await db.SaveChangesAsync();
                db.Answers.Add(new Answer { InterviewId = interview.Id, QuestionId = "A6", Value = activities });
                foreach (var (type, location, nature) in rows)
                    db.PartnerRows.Add(new PartnerRow
                    {
                        InterviewId = interview.Id, QuestionId = "B1", RowNumber = ++row, PartnerName = $"Partner {row}",
                        LinkageTypeId = Term(TermKind.LinkageType, type), PartnerLocationId = Term(TermKind.PartnerLocation, location),
                        NatureId = Term(TermKind.Nature, nature),
                    });
            }
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The real string table, with one key's text replaced (as a translator editing the table would).</summary>
    sealed class OneKeyRenamed(IStringLocalizerFactory inner, string key, string text) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new Localizer(inner.Create(resourceSource), key, text);
        public IStringLocalizer Create(string baseName, string location) => new Localizer(inner.Create(baseName, location), key, text);

        sealed class Localizer(IStringLocalizer inner, string key, string text) : IStringLocalizer
        {
            public LocalizedString this[string name] => name == key ? new(name, text) : inner[name];
            public LocalizedString this[string name, params object[] arguments] =>
                name == key ? new(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, text, arguments)) : inner[name, arguments];
            public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
        }
    }

    static string Pdf(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    static string Csv(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public async Task The_page_shows_the_hand_worked_figures_and_English_reasons()
    {
        var client = await fixture.ReaderAsync();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports?{Filter}"));
        Assert.Contains("data-testid=\"total-mentions\">6<", html);
        Assert.Matches("data-testid=\"cell-total-YZ-DX\"[^>]*>3<", html);
        Assert.Matches(">\\s*75.0%\\s*<", html);
        Assert.Contains("data-testid=\"share-all-research\">50.0%<", html);
        Assert.Contains("data-testid=\"share-all-labour\">100.0%<", html);
        Assert.Contains("0.667", html);
        Assert.Contains("data-testid=\"suggested-all\">Insufficient evidence<", html);
        Assert.Contains(ReasonEn, html);
        Assert.Contains(">Linkage matrices<", html);
        Assert.DoesNotContain(ReasonZh, html);
    }

    [Fact]
    public async Task The_workbook_read_back_holds_the_same_figures_and_English_headings()
    {
        var client = await fixture.ReaderAsync();
        var book = XlsxReader.Read(await client.GetByteArrayAsync($"/Reports/Download?handler=Workbook&{Filter}"));
        var matrix = book["Matrix total"];
        var yz = matrix.Rows.First(r => r.GetValueOrDefault(0)?.Text == "YZ");
        Assert.Equal(3, yz[matrix.Column("DX mentions")].Number);
        Assert.Equal(2, yz[matrix.Column("DX distinct firms")].Number);
        Assert.Equal(0.75, yz[matrix.Column("DX row share")].Number, 9);
        Assert.Equal("0.0%", yz[matrix.Column("DX row share")].Format);
        var shares = book["Cross-cluster shares"];
        var research = shares.Rows.First(r => r[0].Text == "all" && r[1].Text == "Research");
        Assert.Equal(0.5, research[shares.Column(Fixture.Renamed)].Number, 9);
        Assert.Equal(2, research[shares.Column("Firms reporting cross")].Number);
        Assert.Equal(2.0 / 3, book["Dissimilarity"].Rows.First(r => r[0].Text == "DX-YZ")[1].Number, 9);
        Assert.Contains(book["Classification"].Cells, c => c.Text.Contains(ReasonEn));
        Assert.Contains(book["README"].Cells, c => c.Text == "Linkage matrices");
        Assert.Equal(7, book["Passages"].Rows.Count);
        Assert.DoesNotContain(book.Values.SelectMany(s => s.Cells), c => c.Text.Contains(ReasonZh));
    }

    [Fact]
    public async Task The_PDF_prints_the_same_figures_and_English_reasons()
    {
        var client = await fixture.ReaderAsync();
        var text = Pdf(await client.GetByteArrayAsync($"/Reports/Download?handler=Pdf&{Filter}"));
        Assert.Contains("Mentions counted 6", text);
        Assert.Contains("75.0%", text);
        Assert.Contains("50.0%", text);
        Assert.Contains("0.667", text);
        Assert.Contains(ReasonEn.Replace(" ", ""), text.Replace(" ", ""));
        Assert.Contains("Linkage matrices", text);
        Assert.Contains(Fixture.Renamed, text);
        Assert.DoesNotContain(HeadingZh, text);
    }

    [Fact]
    public async Task The_CSV_files_hold_the_same_figures_and_English_headers()
    {
        var client = await fixture.ReaderAsync();
        var matrix = Csv(await client.GetByteArrayAsync($"/Reports/Download?handler=Csv&table=matrix-total&{Filter}"));
        var yz = matrix.Split('\n').Single(l => l.StartsWith("YZ,", StringComparison.Ordinal));
        // Focal park, name, then per location (ZLS, YZ, DX, …): mentions, firms, row share.
        Assert.StartsWith("YZ,", yz);
        Assert.Contains(",0,0,0,1,1,0.25,3,2,0.75,", yz);
        var shares = Csv(await client.GetByteArrayAsync($"/Reports/Download?handler=Csv&table=cross-cluster-shares&{Filter}"));
        Assert.Contains("all,Research,2,2,0.5,2,", shares);
        Assert.Contains("all,\"Input-output, supplier side\",0,0,,0,no evidence", shares);
        Assert.Contains(Fixture.Renamed, shares.Split('\n')[0]);
        Assert.Contains(ReasonEn, Csv(await client.GetByteArrayAsync($"/Reports/Download?handler=Csv&table=classification&{Filter}")));
        Assert.Equal(7, Csv(await client.GetByteArrayAsync($"/Reports/Download?handler=Csv&table=passages&{Filter}")).TrimEnd().Split('\n').Length);
    }

    [Fact]
    public async Task A_Chinese_reader_gets_Chinese_reasons_headings_and_notes_in_all_four_outputs()
    {
        var client = await fixture.ReaderAsync("zh-CN");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports?{Filter}"));
        Assert.Contains(ReasonZh, html);
        Assert.Contains($">{HeadingZh}<", html);
        Assert.Contains(NoteZh, html);
        Assert.DoesNotContain(ReasonEn, html);

        var book = XlsxReader.Read(await client.GetByteArrayAsync($"/Reports/Download?handler=Workbook&{Filter}"));
        var cells = book.Values.SelectMany(s => s.Cells).ToList();
        Assert.Contains(cells, c => c.Text.Contains(ReasonZh));
        Assert.Contains(cells, c => c.Text == HeadingZh);
        Assert.Contains(cells, c => c.Text.StartsWith(NoteZh, StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Text == "DX 提及数");
        Assert.DoesNotContain(cells, c => c.Text.Contains("mentions (minimum"));

        var pdf = Pdf(await client.GetByteArrayAsync($"/Reports/Download?handler=Pdf&{Filter}")).Replace(" ", "");
        Assert.Contains(ReasonZh.Replace(" ", ""), pdf);
        Assert.Contains(HeadingZh, pdf);
        Assert.Contains(NoteZh.Replace(" ", ""), pdf);
        Assert.DoesNotContain("mentions(minimum", pdf);
        Assert.DoesNotContain("Linkagematrices", pdf);

        var csv = Csv(await client.GetByteArrayAsync($"/Reports/Download?handler=Csv&table=classification&{Filter}"));
        Assert.Contains(ReasonZh, csv);
        Assert.Contains("证据不足", csv);
        Assert.Contains("DX 提及数", Csv(await client.GetByteArrayAsync($"/Reports/Download?handler=Csv&table=matrix-total&{Filter}")));
        Assert.Contains(NoteZh, Csv(await client.GetByteArrayAsync($"/Reports/Download?handler=Csv&table=readme&{Filter}")));
    }

    [Fact]
    public async Task A_Chinese_reader_can_download_in_English_and_an_English_reader_in_Chinese()
    {
        var chinese = await fixture.ReaderAsync("zh-CN");
        Assert.Contains(ReasonEn, Csv(await chinese.GetByteArrayAsync($"/Reports/Download?handler=Csv&table=classification&lang=en&{Filter}")));
        Assert.Contains("Linkage matrices", Pdf(await chinese.GetByteArrayAsync($"/Reports/Download?handler=Pdf&lang=en&{Filter}")));
        var english = await fixture.ReaderAsync();
        var book = XlsxReader.Read(await english.GetByteArrayAsync($"/Reports/Download?handler=Workbook&lang=zh-Hans&{Filter}"));
        Assert.Contains(book.Values.SelectMany(s => s.Cells), c => c.Text.Contains(ReasonZh));
        var page = await english.GetStringAsync($"/Reports?{Filter}");
        Assert.Contains("<option value=\"zh-Hans\"", page);
    }

    [Fact]
    public async Task Renaming_one_label_in_the_string_table_renames_it_on_the_page_and_in_every_download()
    {
        var client = await fixture.ReaderAsync();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports?{Filter}"));
        Assert.Contains($">{Fixture.Renamed}</th>", html);
        Assert.DoesNotContain(">Cross-cluster share</th>", html);
        var book = XlsxReader.Read(await client.GetByteArrayAsync($"/Reports/Download?handler=Workbook&{Filter}"));
        Assert.Contains(book["Cross-cluster shares"].Rows[0].Values, c => c.Text == Fixture.Renamed);
        Assert.DoesNotContain(book["Cross-cluster shares"].Rows[0].Values, c => c.Text == "Cross-cluster share");
        var pdf = Pdf(await client.GetByteArrayAsync($"/Reports/Download?handler=Pdf&{Filter}"));
        Assert.Contains(Fixture.Renamed, pdf);
        var header = Csv(await client.GetByteArrayAsync($"/Reports/Download?handler=Csv&table=cross-cluster-shares&{Filter}")).Split('\n')[0];
        Assert.Contains(Fixture.Renamed, header);
        Assert.DoesNotMatch(new Regex(",Cross-cluster share,"), header);
    }
}
