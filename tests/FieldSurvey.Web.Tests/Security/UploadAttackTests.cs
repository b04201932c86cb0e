using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Interviews;

namespace FieldSurvey.Tests.Security;

/// <summary>
/// Hostile uploads (issue 17, items 3 and 4): archives that unpack to far more than they weigh, a sheet whose
/// one cell sits at ZZ10000, and XML with a DTD. Each is refused with a message, and nothing is saved.
/// </summary>
public sealed class UploadAttackTests(UploadAttackTests.Fixture app) : IClassFixture<UploadAttackTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const long MB = 1024 * 1024;

    /// <summary>A zip of the given entries; an entry of null text is <paramref name="bombBytes"/> zeros (about 1/1000 of that compressed).</summary>
    static byte[] Zip(IEnumerable<(string Name, string? Text)> entries, long bombBytes = 0)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                if (text is not null) entry.Write(Encoding.UTF8.GetBytes(text));
                else
                {
                    var zeros = new byte[MB];
                    for (long written = 0; written < bombBytes; written += zeros.Length) entry.Write(zeros);
                }
            }
        return stream.ToArray();
    }

    const string ContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";
    const string Rels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";
    const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A hand-made .docx whose document.xml is <paramref name="documentXml"/>.</summary>
    static byte[] Docx(string documentXml) => Zip([("[Content_Types].xml", ContentTypes), ("_rels/.rels", Rels), ("word/document.xml", documentXml)]);

    static string Body(string text) => $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""";

    async Task<(HttpStatusCode Status, string Html)> UploadTranscriptAsync(int id, string fileName, byte[] bytes)
    {
        var client = await app.SignedInAsync(AppFactory.Interviewer);
        var page = await client.GetStringAsync($"/Interviews/Transcript?id={id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HttpClientForms.Token(page)!), "__RequestVerificationToken" },
            { new StringContent("0"), "Input.Version" },
            { new ByteArrayContent(bytes), "Input.File", fileName },
        };
        var response = await client.PostAsync($"/Interviews/Transcript?id={id}", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    int Transcripts(int interviewId) => app.With(db => db.Transcripts.Count(t => t.InterviewId == interviewId));

    [Fact]
    public async Task A_docx_whose_document_unpacks_to_40_MB_is_refused_before_it_is_parsed()
    {
        var id = app.NewInterview(AppFactory.Interviewer);
        // 62 KB-class bomb: a valid package whose main part inflates to 40 MB.
        var bomb = Zip([("[Content_Types].xml", ContentTypes), ("_rels/.rels", Rels), ("word/document.xml", null)], bombBytes: 40 * MB);
        Assert.True(bomb.Length < 200 * 1024, $"{bomb.Length} bytes");
        var (status, html) = await UploadTranscriptAsync(id, "bomb.docx", bomb);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The Word document unpacks to more than FieldSurvey reads; nothing was saved.", html);
        Assert.Equal(0, Transcripts(id));
    }

    [Fact]
    public async Task A_docx_with_more_text_than_the_transcript_limit_is_refused()
    {
        var id = app.NewInterview(AppFactory.Interviewer);
        var (status, html) = await UploadTranscriptAsync(id, "long.docx", Docx(Body(new string('长', 2_000_001))));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The transcript is longer than 2,000,000 characters.", html);
        Assert.Equal(0, Transcripts(id));
        // At the limit it is accepted: the cap is the transcript limit, not something lower.
        var (ok, _) = await UploadTranscriptAsync(id, "limit.docx", Docx(Body(new string('长', 2_000_000))));
        Assert.Equal(HttpStatusCode.Redirect, ok);
    }

    [Fact]
    public async Task A_docx_with_an_internal_entity_is_refused_and_the_entity_is_not_expanded()
    {
        var id = app.NewInterview(AppFactory.Interviewer);
        var xml = $"""<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY x "ENTITY-EXPANDED">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>""";
        var (status, html) = await UploadTranscriptAsync(id, "dtd.docx", Docx(xml));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This is not a readable Word (.docx) file.", html);
        Assert.DoesNotContain("ENTITY-EXPANDED", html);
        Assert.Equal(0, Transcripts(id));
    }

    static byte[] Xlsx(string sheetXml, long bombBytes = 0)
    {
        const string types = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/octet-stream"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""";
        const string rels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";
        const string book = """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Firms" sheetId="1" r:id="rId1"/></sheets></workbook>""";
        const string bookRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""";
        List<(string, string?)> entries = [("[Content_Types].xml", types), ("_rels/.rels", rels), ("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", bookRels), ("xl/worksheets/sheet1.xml", sheetXml)];
        if (bombBytes > 0) entries.Add(("xl/padding.bin", null));
        return Zip(entries, bombBytes);
    }

    static string Sheet(string cells, string? doctype = null) =>
        $"""<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>""";

    const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>name_zh</t></is></c><c r="B1" t="inlineStr"><is><t>park</t></is></c></row>""";

    async Task<string> UploadFirmsAsync(byte[] bytes)
    {
        var client = await app.SignedInAsync(AppFactory.PI);
        var token = HttpClientForms.Token(await client.GetStringAsync("/Admin/Firms/Import"))!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "file", "firms.xlsx" } };
        var response = await client.PostAsync("/Admin/Firms/Import?handler=Upload", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);   // no redirect to a mapping step: nothing kept
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    string[] KeptImports() => Directory.Exists(Path.Combine(app.DataFolder, "imports")) ? Directory.GetFiles(Path.Combine(app.DataFolder, "imports")) : [];

    [Theory]
    [InlineData("ZZ10000")]   // 1.5 KB that used to become 7 million cells
    [InlineData("A20002")]    // one row past the cap
    [InlineData("BI2")]       // column 61, one past the cap
    public async Task An_xlsx_with_a_cell_beyond_the_row_or_column_cap_is_refused(string reference)
    {
        var before = KeptImports().Length;
        var sheet = Sheet(Header + $"""<row r="{reference.TrimStart('A', 'B', 'I', 'Z')}"><c r="{reference}" t="inlineStr"><is><t>x</t></is></c></row>""");
        var html = await UploadFirmsAsync(Xlsx(sheet));
        Assert.Contains("The file has more than 20,000 rows or 60 columns, or unpacks to more than FieldSurvey reads; nothing was saved.", html);
        Assert.Equal(before, KeptImports().Length);
    }

    [Fact]
    public async Task An_xlsx_that_unpacks_to_40_MB_is_refused()
    {
        var before = KeptImports().Length;
        var html = await UploadFirmsAsync(Xlsx(Sheet(Header), bombBytes: 40 * MB));
        Assert.Contains("unpacks to more than FieldSurvey reads; nothing was saved.", html);
        Assert.Equal(before, KeptImports().Length);
    }

    [Fact]
    public async Task An_xlsx_with_an_internal_entity_is_refused()
    {
        var before = KeptImports().Length;
        var sheet = Sheet(Header + """<row r="2"><c r="A2" t="inlineStr"><is><t>&x;</t></is></c></row>""", """<!DOCTYPE worksheet [<!ENTITY x "ENTITY-EXPANDED">]>""");
        var html = await UploadFirmsAsync(Xlsx(sheet));
        Assert.Contains("This is not a readable Excel (.xlsx) file.", html);
        Assert.DoesNotContain("ENTITY-EXPANDED", html);
        Assert.Equal(before, KeptImports().Length);
    }

    async Task<string> ImportProjectAsync(byte[] qdpx)
    {
        var client = await app.SignedInAsync(AppFactory.PI);
        var page = await client.GetStringAsync("/Admin/Exchange");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(qdpx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "Input.File", "project.qdpx");
        form.Add(new StringContent(app.With(db => db.Parks.OrderBy(p => p.Id).First().Id).ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.ParkId");
        form.Add(new StringContent(HttpClientForms.Token(page)!), "__RequestVerificationToken");
        var response = await client.PostAsync("/Admin/Exchange?handler=Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    (int, int, int) Counts() => app.With(db => (db.Firms.Count(), db.Transcripts.Count(), db.Terms.Count()));

    const string Ns = "urn:QDA-XML:project:1.0";

    static string Project(string sourceName, string? doctype = null) =>
        $"""<?xml version="1.0" encoding="utf-8"?>{doctype}<Project xmlns="{Ns}" name="p" origin="test"><Sources><TextSource guid="{Guid.NewGuid()}" name="{sourceName}" plainTextPath="internal://a.txt"><PlainTextContent>Interview text.</PlainTextContent></TextSource></Sources></Project>""";

    [Fact]
    public async Task A_qdpx_with_an_internal_entity_in_project_qde_is_refused_and_the_entity_is_not_expanded()
    {
        var before = Counts();
        var html = await ImportProjectAsync(Zip([("project.qde", Project("&x;", """<!DOCTYPE Project [<!ENTITY x "ENTITY-EXPANDED">]>"""))]));
        Assert.Contains("data-testid=\"import-refused\"", html);
        Assert.Contains("project.qde is not well-formed XML, or it holds a DTD, which FieldSurvey refuses", html);
        Assert.DoesNotContain("ENTITY-EXPANDED", html);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task A_qdpx_whose_source_unpacks_to_40_MB_is_refused()
    {
        var before = Counts();
        var html = await ImportProjectAsync(Zip([("project.qde", Project("Bomb")), ("sources/a.txt", null)], bombBytes: 40 * MB));
        Assert.Contains("data-testid=\"import-refused\"", html);
        Assert.Contains("The project unpacks to more than FieldSurvey reads (at most 32 MB per file, 128 MB in all).", html);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task A_qdpx_source_longer_than_the_transcript_limit_is_refused()
    {
        var before = Counts();
        var html = await ImportProjectAsync(Zip([("project.qde", Project("Long")), ("sources/a.txt", new string('长', 2_000_001))]));
        Assert.Contains("data-testid=\"import-refused\"", html);
        Assert.Contains("Source file a.txt is longer than 2000000 characters, the transcript limit.", html);
        Assert.Equal(before, Counts());
    }
}
