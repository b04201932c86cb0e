using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Xml.Schema;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Recordings;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Recordings;

public sealed class RecordingExchangeTests(RecordingExchangeTests.Fixture app) : IClassFixture<RecordingExchangeTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static readonly XNamespace Ns = "urn:QDA-XML:project:1.0";
    const string Text = "[00:00:03] 访谈员：贵公司和大兴的企业有合作吗？\n[00:01:05.500] 受访者：有，我们从大兴采购原料。\n[00:02:00] Interviewer: Thank you.";

    [Fact]
    public async Task The_qdpx_links_an_AudioSource_with_the_transcripts_sync_points_and_an_import_turns_them_back_into_turn_times()
    {
        var transcriptId = await app.TranscriptAsync(Text);
        await app.WithAsync(async db =>
        {
            var interviewId = await db.Transcripts.Where(t => t.Id == transcriptId).Select(t => t.InterviewId).SingleAsync();
            db.Recordings.Add(new Recording
            {
                InterviewId = interviewId, Part = 1, FileName = "call.amr", Format = "amr", Sha256 = new string('a', 64), PlayableSha256 = new string('b', 64),
                PlayableContentType = "audio/ogg", DurationMs = 130_000, UploadedAtUtc = TestClock.Start,
            });
            return await db.SaveChangesAsync();
        });
        var pi = await app.SignedInAsync(AppFactory.PI);
        var qdpx = await pi.GetByteArrayAsync("/Admin/Exchange?handler=Qdpx");
        using var zip = new ZipArchive(new MemoryStream(qdpx));
        var doc = XDocument.Load(zip.GetEntry("project.qde")!.Open());
        var schemas = new XmlSchemaSet();
        schemas.Add(Ns.NamespaceName, Path.Combine(AppContext.BaseDirectory, "RefiQda", "Project.xsd"));
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);

        var audio = Assert.Single(doc.Descendants(Ns + "AudioSource"));
        var transcript = audio.Element(Ns + "Transcript")!;
        var text = doc.Descendants(Ns + "TextSource").Single(s => (string?)s.Attribute("plainTextPath") == (string?)transcript.Attribute("plainTextPath"));
        Assert.Equal([3000L, 65_500L, 120_000L], transcript.Elements(Ns + "SyncPoint").Select(p => (long)p.Attribute("timeStamp")!));
        Assert.Equal([0, Text.IndexOf("[00:01", StringComparison.Ordinal), Text.IndexOf("[00:02", StringComparison.Ordinal)],
            transcript.Elements(Ns + "SyncPoint").Select(p => (int)p.Attribute("position")!));

        // As a tool that keeps times only in sync points would send it: the text without markers, positions to match.
        var plain = Regex.Replace(Text, @"^\[[^\]]+\] ", "", RegexOptions.Multiline);
        var starts = TranscriptTurns.Parse(plain).Select(t => t.Start).ToList();
        foreach (var (p, i) in transcript.Elements(Ns + "SyncPoint").Select((p, i) => (p, i))) p.SetAttributeValue("position", starts[i]);
        var rezipped = Rezip(zip, doc, $"Sources/{text.Attribute("guid")!.Value}.txt", plain);

        using var empty = new AppFactory(demo: false);
        var client = empty.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/Setup", new()
        {
            ["Input.DisplayName"] = "新 PI", ["Input.Email"] = "newpi@example.org", ["Input.Password"] = "Another-2026!", ["Input.Confirm"] = "Another-2026!",
        })).StatusCode);
        var park = empty.With(db => db.Parks.OrderBy(p => p.Id).First().Id);
        var page = await client.GetStringAsync("/Admin/Exchange");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(rezipped);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "Input.File", "project.qdpx");
        form.Add(new StringContent(park.ToString(CultureInfo.InvariantCulture)), "Input.ParkId");
        form.Add(new StringContent(HttpClientForms.Token(page)!), "__RequestVerificationToken");
        Assert.Contains("data-testid=\"import-saved\"", await (await client.PostAsync("/Admin/Exchange?handler=Import", form)).Content.ReadAsStringAsync());

        var imported = empty.With(db => db.Transcripts.Select(t => t.Text).AsEnumerable().Single(t => t.Contains("大兴采购原料")));
        Assert.Equal(Text, imported);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(65.5), TimeSpan.FromMinutes(2)], TranscriptTurns.Parse(imported).Select(t => t.At!.Value));
    }

    static byte[] Rezip(ZipArchive original, XDocument project, string textEntry, string text)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in original.Entries)
            {
                var entry = zip.CreateEntry(e.FullName);
                using var w = new StreamWriter(entry.Open());
                if (e.FullName == "project.qde") project.Save(w);
                else if (e.FullName == textEntry) w.Write(text);
                else { using var r = new StreamReader(e.Open()); w.Write(r.ReadToEnd()); }
            }
        }
        return stream.ToArray();
    }
}
