using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Interviews;

public sealed class TranscriptTests(TranscriptTests.Fixture fixture) : IClassFixture<TranscriptTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string fileName, byte[] bytes, int version, string? text = null)
    {
        var page = await client.GetStringAsync($"/Interviews/Transcript?id={id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HttpClientForms.Token(page)!), "__RequestVerificationToken" },
            { new StringContent(version.ToString()), "Input.Version" },
            { new StringContent(text ?? ""), "Input.Text" },
        };
        if (bytes.Length > 0) form.Add(new ByteArrayContent(bytes), "Input.File", fileName);
        return await client.PostAsync($"/Interviews/Transcript?id={id}", form);
    }

    static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        return stream.ToArray();
    }

    int Version(int id) => fixture.With(db => db.Transcripts.Where(t => t.InterviewId == id).Select(t => t.Version).SingleOrDefault());

    [Fact]
    public async Task A_GB18030_text_file_and_then_a_docx_are_stored_as_NFC_with_the_revision_kept()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        // "e\u0301" (decomposed é) must come out composed.
        var gb = CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes("访谈员：贵公司和大兴的企业有合作吗？\r\n受访者：有，Cafe\u0301 合作。\r\n");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, "访谈.txt", gb, 0)).StatusCode);
        var first = fixture.With(db => db.Transcripts.Single(t => t.InterviewId == id));
        Assert.Equal("访谈员：贵公司和大兴的企业有合作吗？\n受访者：有，Café 合作。", first.Text);
        Assert.True(first.Text.IsNormalized(NormalizationForm.FormC));

        var docx = Docx("Interviewer: Do you work with firms in Yizhuang?", "Respondent: 是的，我们和亦庄的企业一起做临床试验。");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, "interview.docx", docx, first.Version)).StatusCode);
        var second = fixture.With(db => db.Transcripts.Single(t => t.InterviewId == id));
        Assert.Equal("Interviewer: Do you work with firms in Yizhuang?\nRespondent: 是的，我们和亦庄的企业一起做临床试验。", second.Text);
        Assert.Equal(2, second.Revision);
        Assert.Equal(first.Text, fixture.With(db => db.TranscriptRevisions.Single(r => r.TranscriptId == second.Id && r.Revision == 1).Text));

        var page = await client.GetStringAsync($"/Interviews/Transcript?id={id}");
        Assert.Contains("rev=1", page);
        Assert.Contains("data-speaker=\"Respondent\"", page);
        Assert.Contains("贵公司和大兴的企业有合作吗", WebUtility.HtmlDecode(await client.GetStringAsync($"/Interviews/Transcript?id={id}&rev=1")));
    }

    [Theory]
    [InlineData("notes.pdf", 100, "Upload a .txt, .docx, .srt or .vtt file.")]
    [InlineData("notes.txt", 20 * 1024 * 1024 + 1, "The file is too large.")]   // just over the limit: at the field (far over: 413, UploadLimitTests)
    [InlineData("notes.docx", 100, "This is not a readable Word (.docx) file.")]
    public async Task Wrong_or_oversized_files_are_refused_with_a_message(string name, int size, string message)
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var response = await UploadAsync(client, id, name, Enumerable.Repeat((byte)'a', size).ToArray(), 0);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.False(fixture.With(db => db.Transcripts.Any(t => t.InterviewId == id)));
    }

    [Fact]
    public async Task HTML_in_a_transcript_is_shown_as_text()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var response = await UploadAsync(client, id, "", [], 0, text: "受访者：<script>alert('x')</script><b>粗体</b>");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/Interviews/Transcript?id={id}");
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<b>粗体</b>", page);
        Assert.Contains("&lt;b&gt;", page);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        Assert.DoesNotContain("<b>粗体</b>", await pi.GetStringAsync($"/Interviews/Review?id={id}"));
        Assert.Equal(0, Version(id));
    }
}
