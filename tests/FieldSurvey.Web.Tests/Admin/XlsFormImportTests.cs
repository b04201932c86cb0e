using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.XlsForms;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Exports;

namespace FieldSurvey.Tests.Admin;

/// <summary>Issue 26: the interview guide in and out as XLSForm, through the admin pages: preview, publish, errors by sheet, row and column.</summary>
public sealed partial class XlsFormImportTests(XlsFormImportTests.Fixture app) : IClassFixture<XlsFormImportTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static XlsTable Table(string name, params string[][] rows) => new(name, [.. rows.Select((r, i) => new XlsRow(i + 1, r))]);

    static byte[] Workbook(params XlsTable[] sheets)
    {
        using var stream = new MemoryStream();
        XlsFormWorkbook.Write(sheets, stream);
        return stream.ToArray();
    }

    static readonly string[] Header = ["type", "name", "label::English", "label::Chinese", "hint::English", "required", "relevant", "constraint", "constraint_message::English", "linkage_type"];

    /// <summary>A small questionnaire as a survey team would write it: two languages, a group, a repeat, selects with a relevant and a constraint.</summary>
    static byte[] Questionnaire(params string[][] extraRows) => Workbook(
        Table("survey", [Header,
            ["begin group", "firm", "The firm", "企业", "", "", "", "", "", ""],
            ["integer", "staff", "How many staff?", "员工人数？", "All sites", "yes", "", ". >= 1 and . <= 5000", "1 to 5000", ""],
            ["select_one yn", "exports", "Does the firm export?", "企业是否出口？", "", "yes", "", "", "", ""],
            ["select_multiple market", "markets", "To which markets?", "出口到哪些市场？", "", "", "${exports} = 'yes'", "", "", ""],
            ["decimal", "share", "Export share (%)", "出口比例（%）", "", "", "selected(${exports}, 'yes')", ". >= 0 and . <= 100", "", ""],
            .. extraRows,
            ["end group", "", "", "", "", "", "", "", "", ""],
            ["begin repeat", "suppliers", "Main suppliers", "主要供应商", "Up to five", "", "", "", "", "supplier"],
            ["text", "supplier_name", "Name", "名称", "", "", "", "", "", ""],
            ["end repeat", "", "", "", "", "", "", "", "", ""]]),
        Table("choices", ["list_name", "name", "label::English", "label::Chinese"],
            ["yn", "yes", "Yes", "是"], ["yn", "no", "No", "否"], ["market", "eu", "Europe", "欧洲"], ["market", "asia", "Asia", "亚洲"]),
        Table("settings", ["form_title", "form_title::Chinese", "form_id"], ["Exports survey", "出口调查", "exports"]));

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName = "form.xlsx")
    {
        var page = await client.GetStringAsync("/Admin/Guide/Import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsFormWorkbook.ContentType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(HttpClientForms.Token(page)!), "__RequestVerificationToken");
        return await client.PostAsync("/Admin/Guide/Import", form);
    }

    [GeneratedRegex("name=\"Input.Json\" value=\"([^\"]*)\"")]
    private static partial Regex PreviewJson();

    [Fact]
    public async Task An_XLSForm_with_both_languages_a_group_a_repeat_and_a_select_with_relevant_and_constraint_previews_then_publishes_those_questions()
    {
        var pi = await app.SignedInAsync(AppFactory.PI);
        var versions = app.With(db => db.GuideVersions.Count());
        var response = await UploadAsync(pi, Questionnaire());
        var raw = await response.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var id in new[] { "staff", "exports", "markets", "share", "suppliers" }) Assert.Contains($"data-testid=\"preview-{id}\"", html);
        Assert.Contains("员工人数？", html);
        Assert.Contains("asked if exports is yes", html);
        // Listed, not silently dropped: the constraint message and the repeat's own question.
        Assert.Contains("Sheet survey, row 3, column I (constraint_message::English)", html);
        Assert.Contains("Sheet survey, row 9, column A (type)", html);
        Assert.Equal(versions, app.With(db => db.GuideVersions.Count()));   // a preview saves nothing

        var json = WebUtility.HtmlDecode(PreviewJson().Match(raw).Groups[1].Value);
        var publish = await pi.PostFormAsync("/Admin/Guide/Edit", new() { ["Input.Json"] = json, ["Input.BasedOnNumber"] = versions.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: "/Admin/Guide/Import");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var published = app.With(db => db.GuideVersions.OrderByDescending(g => g.Number).First());
        Assert.Equal(versions + 1, published.Number);
        var guide = GuideParser.Parse(published.DefinitionJson).Guide!;
        Assert.Equal(("Exports survey", "出口调查"), (guide.TitleEn, guide.TitleZh));
        Assert.Equal(["firm", "S2"], guide.Sections.Select(s => s.Id));
        Assert.Equal(["staff", "exports", "markets", "share", "suppliers"], guide.Questions.Select(q => q.Id));
        var staff = guide.Find("staff")!;
        Assert.Equal((QuestionType.Integer, true, 1m, 5000m, "All sites"), (staff.Kind, staff.Required, staff.Min, staff.Max, staff.InstructionEn));
        Assert.Equal("exports", guide.Find("markets")!.ShowIf!.Question);
        Assert.Equal(["yes"], guide.Find("markets")!.ShowIf!.In);
        Assert.Equal(["eu", "asia"], guide.Find("markets")!.Options!.Select(o => o.Code));
        Assert.Equal("亚洲", guide.Find("markets")!.Options![1].Zh);
        Assert.Equal((0m, 100m, "exports"), (guide.Find("share")!.Min!.Value, guide.Find("share")!.Max!.Value, guide.Find("share")!.ShowIf!.Question));
        Assert.Equal((QuestionType.Partners, "supplier"), (guide.Find("suppliers")!.Kind, guide.Find("suppliers")!.LinkageType));
    }

    [Fact]
    public async Task The_default_guides_XLSForm_download_re_imports_unchanged()
    {
        var pi = await app.SignedInAsync(AppFactory.PI);
        var first = app.With(db => db.GuideVersions.OrderBy(g => g.Number).First());
        var download = await pi.GetAsync($"/Admin/Guide/View?handler=XlsForm&id={first.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(XlsFormWorkbook.ContentType, download.Content.Headers.ContentType?.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var result = XlsFormImporter.Import(XlsFormWorkbook.Read(new MemoryStream(bytes))!);
        Assert.Empty(result.Errors);
        Assert.Empty(result.NotImported);
        var original = GuideParser.Parse(first.DefinitionJson).Guide!;
        Assert.Equal(JsonSerializer.Serialize(original, GuideJson.Options), JsonSerializer.Serialize(result.Guide, GuideJson.Options));

        // And through the page: the preview carries the same guide, nothing listed as not imported.
        var raw = await (await UploadAsync(pi, bytes)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"not-imported\"", raw);
        Assert.Equal(JsonSerializer.Serialize(original, GuideJson.Options), WebUtility.HtmlDecode(PreviewJson().Match(raw).Groups[1].Value));
    }

    [Fact]
    public async Task A_malformed_form_names_its_bad_rows_by_sheet_row_and_column_and_nothing_is_saved()
    {
        var pi = await app.SignedInAsync(AppFactory.PI);
        var versions = app.With(db => db.GuideVersions.Count());
        var response = await UploadAsync(pi, Questionnaire(
            ["select_one sizes", "size", "Size?", "规模？", "", "", "", "", "", ""],
            ["integer", "staff", "Staff again?", "", "", "", "", "", "", ""]));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sheet survey, row 7, column A (type): The choice list sizes is not on the choices sheet.", html);
        Assert.Contains("Sheet survey, row 8, column D (label::Chinese): Question staff needs a Chinese label.", html);
        Assert.Contains("Sheet survey, row 8, column B (name): The name staff is used twice.", html);
        Assert.DoesNotContain("data-testid=\"xlsform-publish\"", html);
        Assert.Equal(versions, app.With(db => db.GuideVersions.Count()));

        var notWorkbook = WebUtility.HtmlDecode(await (await UploadAsync(pi, "type,name\ntext,a"u8.ToArray(), "form.csv")).Content.ReadAsStringAsync());
        Assert.Contains("The file is not an Excel workbook (.xlsx).", notWorkbook);
    }

    [Fact]
    public async Task Only_a_PI_opens_the_import_and_the_download()
    {
        var interviewer = await app.SignedInAsync(AppFactory.Interviewer);
        var id = app.With(db => db.GuideVersions.First().Id);
        foreach (var url in new[] { "/Admin/Guide/Import", $"/Admin/Guide/View?handler=XlsForm&id={id}" })
            Assert.NotEqual(HttpStatusCode.OK, (await interviewer.GetAsync(url)).StatusCode);
        Assert.Contains("At most 2 MB.", await (await app.SignedInAsync(AppFactory.PI)).GetStringAsync("/Admin/Guide/Import"));
    }
}
