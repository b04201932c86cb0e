using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CsvHelper;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Exchange;

public sealed class ExchangeFixture : AppFactory;

public sealed class ExchangeTests(ExchangeFixture app) : IClassFixture<ExchangeFixture>
{
    // 𠀀 (U+20000, CJK Extension B) and 😀 lie outside the BMP: UTF-16 offsets and code points differ after them.
    const string Text = "访谈：𠀀我们和亦庄的药厂合作研发 😀\nWe license know-how to a Daxing CRO.";

    static readonly string Xsd = Path.Combine(AppContext.BaseDirectory, "RefiQda", "Project.xsd");

    [Fact]
    public async Task An_exported_project_validates_against_the_schema_and_reimports_into_an_empty_study_unchanged()
    {
        var transcriptId = await app.TranscriptAsync(Text, AppFactory.Coder1);
        var quote = "我们和亦庄的药厂合作研发 😀";
        var start = Text.IndexOf(quote, StringComparison.Ordinal);
        await app.WithAsync(async db =>
        {
            var coder = await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1);
            int Id(TermKind k, int skip) => db.Terms.Where(t => t.Kind == k).OrderBy(t => t.Id).Skip(skip).First().Id;
            db.Segments.Add(new Segment
            {
                TranscriptId = transcriptId, CoderId = coder.Id, Start = start, End = start + quote.Length, Quote = quote,
                LinkageTypeId = Id(TermKind.LinkageType, 0), PartnerLocationId = Id(TermKind.PartnerLocation, 1),
                PartnerKindId = Id(TermKind.PartnerKind, 0), NatureId = Id(TermKind.Nature, 0), PartnerName = "亦庄药厂",
                Memo = "four codes", CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start,
            });
            db.Segments.Add(new Segment
            {
                TranscriptId = transcriptId, IsConsensus = true, Start = Text.IndexOf("know-how", StringComparison.Ordinal),
                End = Text.IndexOf("know-how", StringComparison.Ordinal) + 8, Quote = "know-how", LinkageTypeId = Id(TermKind.LinkageType, 4),
                CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start,
            });
            return await db.SaveChangesAsync();
        });

        var pi = await app.SignedInAsync(AppFactory.PI);
        var qdpx = await pi.GetByteArrayAsync("/Admin/Exchange?handler=Qdpx");
        var qde = ReadEntry(qdpx, "project.qde");
        AssertValid(qde);
        var doc = XDocument.Parse(qde);
        var ns = (XNamespace)"urn:QDA-XML:project:1.0";
        var four = doc.Descendants(ns + "PlainTextSelection").Single(s => (string?)s.Attribute("name") == quote);
        Assert.Equal(4, four.Elements(ns + "Coding").Count());
        Assert.Equal(Text.IndexOf(quote, StringComparison.Ordinal) - 1, (int)four.Attribute("startPosition")!);   // one surrogate pair before: code points
        Assert.Contains(doc.Descendants(ns + "User"), u => (string?)u.Attribute("name") == "Consensus");
        Assert.DoesNotContain("coder1@example.org", qde);
        Assert.Equal(Text, ReadEntry(qdpx, $"Sources/{four.Parent!.Attribute("guid")!.Value}.txt"));
        Assert.Equal(WithoutTimestamp(qde), WithoutTimestamp(ReadEntry(await pi.GetByteArrayAsync("/Admin/Exchange?handler=Qdpx"), "project.qde")));   // GUIDs stable
        XmllintIfPresent(qde);

        var expected = app.With(db => Snapshot(db));
        using var empty = new AppFactory(demo: false);
        var client = empty.Client();
        var setup = await client.PostFormAsync("/Account/Setup", new()
        {
            ["Input.DisplayName"] = "新 PI", ["Input.Email"] = "newpi@example.org", ["Input.Password"] = "Another-2026!", ["Input.Confirm"] = "Another-2026!",
        });
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        var park = empty.With(db => db.Parks.OrderBy(p => p.Id).First().Id);
        var html = await ImportAsync(client, qdpx, park);
        Assert.Contains("data-testid=\"import-saved\"", html);

        var actual = empty.With(db => Snapshot(db));
        Assert.Equal(expected.Texts, actual.Texts);
        Assert.Equal(expected.Segments, actual.Segments);
        Assert.Equal(expected.Codes, actual.Codes);
        Assert.True(empty.With(db => db.Firms.All(f => f.Notes!.StartsWith("Imported from REFI-QDA"))));

        // Importing the same file again finds every transcript already there and adds nothing.
        var again = await ImportAsync(client, qdpx, park);
        Assert.Contains("already has this transcript", again);
        Assert.Equal(actual.Segments.Count, empty.With(db => db.Segments.Count()));
    }

    [Fact]
    public async Task A_project_with_one_bad_selection_saves_nothing_and_names_the_problem()
    {
        var pi = await app.SignedInAsync(AppFactory.PI);
        var qdpx = await pi.GetByteArrayAsync("/Admin/Exchange?handler=Qdpx");
        var doc = XDocument.Parse(ReadEntry(qdpx, "project.qde"));
        var ns = (XNamespace)"urn:QDA-XML:project:1.0";
        var selections = doc.Descendants(ns + "PlainTextSelection").ToList();
        Assert.True(selections.Count > 3);
        var bad = selections[^1];
        bad.SetAttributeValue("endPosition", 999_999);
        var broken = Rezip(qdpx, doc, lowerCaseSources: true);

        var (firms, segments, terms, transcripts) = app.With(db => (db.Firms.Count(), db.Segments.Count(), db.Terms.Count(), db.Transcripts.Count()));
        // A new code too, so a refused import must also leave the vocabulary alone.
        doc.Descendants(ns + "Code").First(c => (string?)c.Attribute("isCodable") == "false")
            .Add(new XElement(ns + "Code", new XAttribute("guid", Guid.NewGuid()), new XAttribute("name", "新代码"), new XAttribute("isCodable", "true")));
        broken = Rezip(qdpx, doc, lowerCaseSources: true);
        var html = await ImportAsync(pi, broken, app.With(db => db.Parks.First().Id));
        Assert.True(html.Contains("data-testid=\"import-refused\""), html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Contains(bad.Attribute("guid")!.Value, html);
        Assert.Contains("999999", html);
        Assert.Equal((firms, segments, terms, transcripts), app.With(db => (db.Firms.Count(), db.Segments.Count(), db.Terms.Count(), db.Transcripts.Count())));
    }

    [Fact]
    public async Task The_data_package_leaves_out_personal_data_unless_asked_and_its_tables_have_the_database_row_counts()
    {
        var pi = await app.SignedInAsync(AppFactory.PI);
        var zip = await pi.GetByteArrayAsync("/Admin/Exchange?handler=Package");
        var folder = Directory.CreateTempSubdirectory("fs-package-");
        ZipFile.ExtractToDirectory(new MemoryStream(zip), folder.FullName);
        var all = string.Join("\n", Directory.GetFiles(folder.FullName).Select(File.ReadAllText));
        var (respondents, contacts, people) = app.With(db => (
            db.Interviews.Where(i => i.RespondentName != null).Select(i => i.RespondentName!).ToList(),
            db.Contacts.Select(c => c.Name).ToList(), db.Users.Select(u => u.DisplayName).ToList()));
        Assert.NotEmpty(respondents);
        foreach (var secret in respondents.Concat(contacts).Concat(people).Append("example.org").Append("+86"))
            Assert.DoesNotContain(secret, all);
        Assert.Matches("C0[0-9]", File.ReadAllText(Path.Combine(folder.FullName, "segments.csv")));
        Assert.False(File.ReadAllBytes(Path.Combine(folder.FullName, "firms.csv")).AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));

        var expected = app.With(db => new Dictionary<string, int>
        {
            ["firms"] = db.Firms.Count(), ["calls"] = db.CallAttempts.Count(), ["interviews"] = db.Interviews.Count(),
            ["partners"] = db.PartnerRows.Count(), ["segments"] = db.Segments.Count(s => s.DeletedAtUtc == null && !s.IsConsensus),
            ["consensus"] = db.Segments.Count(s => s.DeletedAtUtc == null && s.IsConsensus), ["agreement"] = 4,
        });
        Assert.True(expected["segments"] > 0 && expected["partners"] > 0);
        foreach (var (table, rows) in expected)
            Assert.Equal(rows, CsvRows(Path.Combine(folder.FullName, table + ".csv")));
        var wide = File.ReadLines(Path.Combine(folder.FullName, "interviews.csv")).First().Split(',');
        Assert.Contains("A1_reason", wide);
        Assert.Contains(wide, c => c.StartsWith("C3_", StringComparison.Ordinal));
        var codebook = File.ReadAllText(Path.Combine(folder.FullName, "codebook.csv"));
        foreach (var column in wide) Assert.Contains($"interviews.csv,{column},", codebook);

        if (Which("Rscript") is { } rscript)
        {
            var printed = Run(rscript, "read_fieldsurvey.R", folder.FullName);
            foreach (var (table, rows) in expected) Assert.Contains($"rows {table} {rows}", printed);
        }

        var withNames = await pi.GetByteArrayAsync("/Admin/Exchange?handler=Package&personalData=true");
        using var archive = new ZipArchive(new MemoryStream(withNames));
        using var reader = new StreamReader(archive.GetEntry("interviews.csv")!.Open());
        Assert.Contains(respondents[0], await reader.ReadToEndAsync());
    }

    static async Task<string> ImportAsync(HttpClient client, byte[] qdpx, int parkId)
    {
        var page = await client.GetStringAsync("/Admin/Exchange");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(qdpx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "Input.File", "project.qdpx");
        form.Add(new StringContent(parkId.ToString(CultureInfo.InvariantCulture)), "Input.ParkId");
        form.Add(new StringContent(HttpClientForms.Token(page)!), "__RequestVerificationToken");
        var response = await client.PostAsync("/Admin/Exchange?handler=Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    sealed record Shot(List<string> Texts, List<string> Segments, List<string> Codes);

    /// <summary>Transcript texts, segments (quote, offsets, codes, partner, consensus) and codebook codes, independent of ids.</summary>
    static Shot Snapshot(Web.Data.FieldSurveyDbContext db)
    {
        var codes = db.Terms.ToDictionary(t => t.Id, t => $"{t.Kind}:{t.Code}");
        string C(int? id) => id is { } i ? codes[i] : "-";
        var segments = db.Segments.Where(s => s.DeletedAtUtc == null).AsEnumerable()
            .Select(s => $"{s.Quote}|{s.Start}|{s.End}|{C(s.LinkageTypeId)}|{C(s.PartnerLocationId)}|{C(s.PartnerKindId)}|{C(s.NatureId)}|{s.PartnerName}|{s.IsConsensus}")
            .Order(StringComparer.Ordinal).ToList();
        var texts = db.Transcripts.Select(t => t.Text).AsEnumerable().Order(StringComparer.Ordinal).ToList();
        var used = db.Terms.Where(t => Codebook.Dimensions.Contains(t.Kind)).Select(t => t.Kind + ":" + t.Code).AsEnumerable().Order(StringComparer.Ordinal).ToList();
        return new Shot(texts, segments, used);
    }

    static string WithoutTimestamp(string qde)
    {
        var doc = XDocument.Parse(qde);
        doc.Root!.Attribute("creationDateTime")!.Remove();
        return doc.ToString();
    }

    static string ReadEntry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    static byte[] Rezip(byte[] original, XDocument project, bool lowerCaseSources)
    {
        using var input = new ZipArchive(new MemoryStream(original));
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("project.qde").Open())) w.Write(project.ToString());
            foreach (var e in input.Entries.Where(e => e.FullName != "project.qde"))
            {
                using var source = e.Open();
                using var target = zip.CreateEntry(lowerCaseSources ? e.FullName.Replace("Sources/", "sources/") : e.FullName).Open();
                source.CopyTo(target);
            }
        }
        return output.ToArray();
    }

    static void AssertValid(string qde)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add("urn:QDA-XML:project:1.0", Xsd);
        var errors = new List<string>();
        XDocument.Parse(qde).Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        Assert.Empty(errors);
    }

    static void XmllintIfPresent(string qde)
    {
        if (Which("xmllint") is not { } xmllint) return;
        var file = Path.Combine(Path.GetTempPath(), $"fs-{Guid.NewGuid():N}.qde");
        File.WriteAllText(file, qde);
        try { Run(xmllint, $"--noout --schema {Xsd} {file}", Path.GetTempPath()); }
        finally { File.Delete(file); }
    }

    static int CsvRows(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var n = 0;
        csv.Read();
        csv.ReadHeader();
        while (csv.Read()) n++;
        return n;
    }

    static string? Which(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
        .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    static string Run(string exe, string args, string folder)
    {
        using var p = Process.Start(new ProcessStartInfo(exe, args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output);
        return output;
    }
}
