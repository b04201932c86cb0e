using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Firms;

public sealed class FirmImportTests(FirmImportTests.Fixture fixture) : IClassFixture<FirmImportTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Header = "企业名称,英文名称,园区,成立年份,联系人,电话\n";

    // A hundred firms with names unique to this test ("导入测试"), one per row; row n of the file is firm n-1.
    // Without contact names the file has a phone column and no contact column, as many frames list only the switchboard.
    static string HundredFirms(string tag, int? badRow = null, bool contactNames = true)
    {
        var sb = new StringBuilder(contactNames ? Header : "企业名称,英文名称,园区,成立年份,电话\n");
        string[] parks = ["ZLS", "亦庄", "Daxing Park"];
        for (var i = 1; i <= 100; i++)
        {
            var fileRow = i + 1;
            var park = fileRow == badRow ? "上海张江" : parks[i % 3];
            var contact = contactNames ? $"联系人{i}," : "";
            sb.Append($"{tag}企业{i:000}有限公司,{tag} Firm {i:000} Co.,{park},{2000 + i % 20},{contact}+86 10 5555 {i:0000}\n");
        }
        return sb.ToString();
    }

    int Count(string tag) => fixture.With(db => db.Firms.Count(f => f.NameZh.StartsWith(tag)));

    // The translation walk only opens pages; a row's problems appear only after a bad file is previewed.
    [Fact]
    public async Task Every_kind_of_row_problem_reads_in_Chinese_in_the_preview()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("zh-CN"));
        var longName = new string('长', 301);
        var csv = "企业名称,英文名称,园区,成立年份,电话,电子邮件,网站,细分行业\n"
            + ",,ZLS,2001,,,,\n"                                          // missing name
            + $"{longName},,ZLS,2001,,,,\n"                               // name too long
            + "问题企业三,,,2001,,,,\n"                                    // missing park
            + "问题企业四,,上海张江,2001,,,,\n"                            // unknown park
            + "问题企业五,,ZLS,1700,,,,\n"                                 // bad year
            + "问题企业六,,ZLS,2001,电话号码,,,\n"                          // bad phone
            + "问题企业七,,ZLS,2001,+86 10 5555 0001,not-an-address,,\n"    // bad e-mail
            + "问题企业八,,ZLS,2001,,,http://a b,\n"                        // bad website
            + "问题企业九,,ZLS,2001,,,,火箭\n";                             // unknown subsector
        var mapping = await UploadAsync(client, Encoding.UTF8.GetBytes(csv), "problems.csv");
        var preview = WebUtility.HtmlDecode(await (await StepAsync(client, mapping, "Preview")).Content.ReadAsStringAsync());
        foreach (var chinese in new[] { "请输入中文名称或英文名称。", "名称最多 300 个字符。", "缺少园区。", "未知园区。", "请输入 1800 年至今年之间的年份。",
                     "电话号码有误。", "电子邮件地址有误。", "请输入网址，例如 https://example.com 或 example.com。", "未知细分行业。" })
            Assert.Contains(chinese, preview);
        Assert.DoesNotContain("Unknown park.", preview);
    }

    // The clock stands in 2026 (TestClock): 2026 is a founding year, 2027 is not, on both ways in.
    static readonly (string Zh, string En, string Year, string Website, string? Problem)[] RuleCases =
    [
        ("", "", "2001", "", "Enter the Chinese or the English name."),
        ("规则企业二", "", "2027", "", "Enter a year from 1800 to this year."),
        ("规则企业三", "", "1799", "", "Enter a year from 1800 to this year."),
        ("规则企业四", "", "2001", "规则企业四 官网", "Enter a web address such as https://example.com or example.com."),
        ("规则企业五", "", "2001", "ftp://rules.example.com", "Enter a web address such as https://example.com or example.com."),
        ("", "Rule Firm Six", "2026", "rules6.example.com", null),
        ("规则企业七", "", "1800", "https://rules7.example.com/zh", null),
    ];

    [Fact]
    public async Task The_edit_page_and_the_import_accept_and_refuse_the_same_names_years_and_websites_with_the_same_message()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var park = fixture.With(db => db.Parks.Single(p => p.Code == "ZLS").Id).ToString();
        foreach (var (zh, en, year, website, problem) in RuleCases)
        {
            var response = await client.PostFormAsync("/Firms/Edit", new()
            {
                ["Input.NameZh"] = zh, ["Input.NameEn"] = en, ["Input.FoundedYear"] = year, ["Input.Website"] = website,
                ["Input.ParkId"] = park, ["Input.Status"] = "Active",
            });
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (problem is null) Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{zh}{en}: {html}");
            else Assert.Contains($"data-valmsg-for=\"Input.{(problem.Contains("name") ? "NameZh" : problem.Contains("year") ? "FoundedYear" : "Website")}\" data-valmsg-replace=\"true\">{problem}", html);
        }
        Assert.Equal("Rule Firm Six", fixture.With(db => db.Firms.Single(f => f.NameEn == "Rule Firm Six").NameZh));
        Assert.Equal(2, fixture.With(db => db.Firms.Count(f => f.NameZh.StartsWith("规则企业") || f.NameEn == "Rule Firm Six")));

        var csv = "企业名称,英文名称,园区,成立年份,网站\n" + string.Concat(RuleCases.Select(c => $"{c.Zh},{c.En.Replace("Rule", "Import")},ZLS,{c.Year},{c.Website.Replace("rules", "import")}\n"));
        var preview = WebUtility.HtmlDecode(await (await StepAsync(client, await UploadAsync(client, Encoding.UTF8.GetBytes(csv.Replace("规则", "导规")), "rules.csv"), "Preview"))
            .Content.ReadAsStringAsync());
        for (var i = 0; i < RuleCases.Length; i++)
        {
            var row = System.Text.RegularExpressions.Regex.Match(preview, $"<tr data-row=\"{i + 2}\">.*?</tr>");
            Assert.Equal(RuleCases[i].Problem is not null, row.Success);
            if (row.Success) Assert.Contains(RuleCases[i].Problem!, row.Value);
        }
    }

    static async Task<string> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var token = HttpClientForms.Token(await client.GetStringAsync("/Admin/Firms/Import"))!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        var response = await client.PostAsync("/Admin/Firms/Import?handler=Upload", content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    static Task<HttpResponseMessage> StepAsync(HttpClient client, string mappingPage, string handler) =>
        client.PostFormAsync($"{mappingPage}&handler={handler}", [], formPage: mappingPage);

    [Fact]
    public async Task A_CSV_with_one_bad_row_among_a_hundred_saves_nothing_and_names_that_row_and_the_fixed_file_imports_all_hundred()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var bad = await UploadAsync(client, Encoding.UTF8.GetBytes(HundredFirms("百行", badRow: 58)), "frame.csv");

        var preview = WebUtility.HtmlDecode(await (await StepAsync(client, bad, "Preview")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"preview-errors\"", preview);
        Assert.Contains("data-row=\"58\"", preview);
        Assert.Contains("Unknown park.", preview);
        Assert.Contains("上海张江", preview);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(preview, "data-row=\""));

        var refused = await StepAsync(client, bad, "Import");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);   // the page again, with the errors, not a redirect
        Assert.Equal(0, Count("百行"));

        var good = await UploadAsync(client, Encoding.UTF8.GetBytes(HundredFirms("百行")), "frame.csv");
        Assert.Contains("data-testid=\"preview-ok\"", await (await StepAsync(client, good, "Preview")).Content.ReadAsStringAsync());
        var imported = await StepAsync(client, good, "Import");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(100, Count("百行"));
        var firm = fixture.With(db => db.Firms.Include(f => f.Contacts).Include(f => f.Park).Single(f => f.NameZh == "百行企业058有限公司"));
        Assert.Equal(("百行 Firm 058 Co.", "YZ", "联系人58", "+86 10 5555 0058"), (firm.NameEn, firm.Park!.Code, firm.Contacts[0].Name, firm.Contacts[0].Phones[0]));
    }

    [Fact]
    public async Task Phones_without_a_contact_name_are_kept_as_the_switchboard_and_the_one_real_error_stands_alone()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var bad = await UploadAsync(client, Encoding.UTF8.GetBytes(HundredFirms("总机", badRow: 58, contactNames: false)), "frame.csv");
        var preview = WebUtility.HtmlDecode(await (await StepAsync(client, bad, "Preview")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"preview-errors\"", preview);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(preview, "data-row=\""));
        Assert.Contains("data-row=\"58\"", preview);
        Assert.Contains("Unknown park.", preview);
        Assert.Equal(0, Count("总机"));

        var good = await UploadAsync(client, Encoding.UTF8.GetBytes(HundredFirms("总机", contactNames: false)), "frame.csv");
        var checkedFile = WebUtility.HtmlDecode(await (await StepAsync(client, good, "Preview")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"preview-ok\"", checkedFile);
        Assert.Contains("100 rows have a phone number or e-mail but no contact name: they are kept as the firm's switchboard.", checkedFile);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(client, good, "Import")).StatusCode);
        Assert.Equal(100, Count("总机"));
        var firm = fixture.With(db => db.Firms.Include(f => f.Contacts).Single(f => f.NameZh == "总机企业058有限公司"));
        var switchboard = Assert.Single(firm.Contacts);
        Assert.Equal(("", "+86 10 5555 0058"), (switchboard.Name, Assert.Single(switchboard.Phones)));

        // Shown as the switchboard, in both languages, and the edit form saves it as it is.
        var details = WebUtility.HtmlDecode(await client.GetStringAsync($"/Firms/Details?id={firm.Id}"));
        Assert.Contains("data-testid=\"switchboard\">Switchboard<", details);
        Assert.Contains("+86 10 5555 0058", details);
        var zhClient = await fixture.SignedInAsync(AppFactory.PI);
        zhClient.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("zh-CN"));
        Assert.Contains("data-testid=\"switchboard\">总机<", WebUtility.HtmlDecode(await zhClient.GetStringAsync($"/Firms/Details?id={firm.Id}")));
        var saved = await client.PostFormAsync("/Firms/Edit", new()
        {
            ["Input.Id"] = firm.Id.ToString(), ["Input.Version"] = firm.Version.ToString(), ["Input.NameZh"] = firm.NameZh,
            ["Input.NameEn"] = firm.NameEn!, ["Input.ParkId"] = firm.ParkId.ToString(), ["Input.Status"] = "Active", ["Input.ConfirmDuplicate"] = "true",
            ["Input.Contacts[0].Id"] = switchboard.Id.ToString(), ["Input.Contacts[0].Version"] = switchboard.Version.ToString(),
            ["Input.Contacts[0].Name"] = "", ["Input.Contacts[0].Phones"] = "+86 10 5555 0058; +86 10 5555 9058",
        }, $"/Firms/Edit?id={firm.Id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = fixture.With(db => db.Contacts.Single(c => c.Id == switchboard.Id));
        Assert.Equal(("", 2), (after.Name, after.Phones.Count));
    }

    [Fact]
    public async Task A_GB18030_CSV_with_Chinese_names_imports_with_the_names_intact()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var text = Header + "国标生物医药有限公司,Guobiao Biomed,北京经济技术开发区（亦庄）,2012年,张伟,010-6788 9999\n"
                          + "国标中药科技有限公司,,大兴,,,\n";
        var page = await UploadAsync(client, Encoding.GetEncoding("GB18030").GetBytes(text), "国标.csv");
        Assert.Contains("GB18030", await client.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(client, page, "Import")).StatusCode);
        var names = fixture.With(db => db.Firms.Where(f => f.NameZh.StartsWith("国标")).OrderBy(f => f.NameZh)
            .Select(f => new { f.NameZh, f.FoundedYear, Park = f.Park!.Code }).ToList());
        Assert.Equal(["国标中药科技有限公司", "国标生物医药有限公司"], names.Select(n => n.NameZh));
        Assert.Equal(("DX", "YZ", 2012), (names[0].Park, names[1].Park, names[1].FoundedYear!.Value));
    }

    [Fact]
    public async Task An_XLSX_file_with_English_headers_imports()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        // Numbers as numbers and text as shared strings, as Excel writes them.
        var bytes = Xlsx([
            ["Name ZH", "Name EN", "Park", "Founded", "Contact", "Phone"],
            ["表格生物有限公司", "Sheet Bio", "ZLS", 2015, "李明", "010 8888 1234"],
            ["表格器械有限公司", null, "YZ", null, null],
        ]);
        var page = await UploadAsync(client, bytes, "frame.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(client, page, "Import")).StatusCode);
        var firm = fixture.With(db => db.Firms.Single(f => f.NameZh == "表格生物有限公司"));
        Assert.Equal(("Sheet Bio", 2015), (firm.NameEn, firm.FoundedYear!.Value));
        Assert.Equal(1, Count("表格器械"));
    }

    [Fact]
    public async Task A_file_of_the_wrong_type_is_refused_with_a_message()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var token = HttpClientForms.Token(await client.GetStringAsync("/Admin/Firms/Import"))!;
        foreach (var (bytes, name) in new[] { (new byte[] { 0x25, 0x50, 0x44, 0x46 }, "frame.pdf"), ("not a zip"u8.ToArray(), "frame.xlsx") })
        {
            using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "file", name } };
            var response = await client.PostAsync("/Admin/Firms/Import?handler=Upload", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Only CSV (.csv) and Excel (.xlsx) files can be imported.", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_export_has_a_BOM_and_leaves_out_contacts_unless_the_PI_asks()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var plain = await client.GetByteArrayAsync("/Admin/Firms/Export?handler=Download");
        Assert.Equal([0xEF, 0xBB, 0xBF], plain[..3]);
        var text = Encoding.UTF8.GetString(plain);
        Assert.Contains("百奥泰康生物科技有限公司", text);
        Assert.DoesNotContain("王丽", text);
        Assert.DoesNotContain("8070 1001", text);
        var personal = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/Admin/Firms/Export?handler=Download&personal=true"));
        Assert.Contains("王丽", personal);
        Assert.Contains("+86 10 8070 1001", personal);
    }

    static byte[] Xlsx(object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            book.Workbook = new Workbook();
            var strings = book.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case string text:
                            strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                            row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString,
                                CellValue = new CellValue(strings.SharedStringTable.Count() - 1) });
                            break;
                        case int number:
                            row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                            break;
                    }
                }
                data.AppendChild(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "Firms" }));
        }
        return stream.ToArray();
    }
}
