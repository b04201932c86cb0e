using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.RefiQda;

/// <summary>
/// A project in the style of a MAXQDA 24 export: a nested codebook of 310 thematic codes (10 × 5 × 5, lower-case
/// colours, descriptions) and one "Linkage types" parent, text sources in both Sources/ and sources/ and inline,
/// with and without selections, notes on the project, a code, a source and passages, and two sets.
/// </summary>
public sealed class RealProjectImportTests
{
    static readonly XNamespace Ns = "urn:QDA-XML:project:1.0";
    static readonly string Xsd = Path.Combine(AppContext.BaseDirectory, "RefiQda", "Project.xsd");

    const string TextA = "问：为什么选择亦庄？\n答：政策支持很好，房租也便宜。We moved here for the tax breaks.\n问：和大兴有合作吗？\n答：我们和大兴的一家CRO一起做研发。";
    const string TextB = "Q: What are the drawbacks?\nA: Traffic is bad and staff leave for Zhongguancun.\nQ: Policy?\nA: 补贴申请太复杂。";
    const string TextC = "Q: Do you compete with firms in ZLS Park?\nA: Yes, for the same researchers, and for grants.";
    const string TextD = "这家企业没有接受正式访谈，只留下了笔记。";   // inline, no selections
    const string TextE = "A transcript nobody has coded yet.";        // file, no selections

    sealed record Sel(string Source, string Quote, string[] Codes, Guid Guid);

    [Fact]
    public async Task A_MAXQDA_style_project_imports_every_code_under_its_parent_every_selection_coded_and_every_note_as_a_memo_and_its_export_validates_and_reimports_unchanged()
    {
        var (qdpx, codes, selections, user) = Build();
        using var first = new AppFactory(demo: false);
        var client = await SetUpAsync(first);
        var html = await ImportAsync(client, qdpx, first.With(db => db.Parks.OrderBy(p => p.Id).First().Id));
        Assert.True(html.Contains("data-testid=\"import-saved\""), MainPart(html));
        Assert.Contains("Read: 5 sources, 312 codes, 5 selections, 1 users.", html);
        Assert.Contains("Set \"Source set\" was dropped", html);

        // Every code under its parent, with its colour and description.
        var themes = first.With(db => db.Terms.Where(t => t.Kind == TermKind.Theme).ToList());
        Assert.Equal(310, themes.Count);
        var byId = themes.ToDictionary(t => t.Id);
        foreach (var (name, parent, colour) in codes)
        {
            var term = Assert.Single(themes, t => t.NameEn == name);
            Assert.Equal(parent, term.ParentId is { } p ? byId[p].NameEn : null);
            Assert.Equal(colour, term.Color);
        }
        Assert.Equal("Why firms chose their park.", themes.Single(t => t.NameEn == "Reasons for location 1").DefinitionEn);
        Assert.Equal(5, first.With(db => db.Terms.Count(t => t.Kind == TermKind.LinkageType)));   // "Research" matched, none added

        // Every selection coded with its codes (themes and the linkage type at once).
        var actual = first.With(db => Segments(db));
        foreach (var s in selections)
            Assert.Contains($"{s.Quote}|{string.Join(",", s.Codes.Order(StringComparer.Ordinal))}", actual.Select(a => a.Split('|', 4) is var x ? $"{x[0]}|{x[3]}" : a));
        Assert.Equal(selections.Count, actual.Count);

        // Every note a memo, on what its NoteRef names.
        var memos = first.With(db => Memos(db));
        Assert.Equal(
        [
            "Code|Memo on a code|Policy support is about subsidies and tax.|Policy support 2",
            "Passage|Two passages on policy|Both respondents praise subsidies.|政策支持很好，房租也便宜。;补贴申请太复杂。",
            "Project|Project memo|Start with section F.|",
            "Project|Unreferenced|A note with no NoteRef is a project memo.|",
            "Transcript|Note on a source|Respondent was in a hurry.|" + TextB[..10],
        ], memos);
        Assert.Equal(["Section F themes:Drawbacks 3,Policy support 2"], first.With(db => Groups(db)));

        // The export of that study validates and re-imports into an empty study unchanged.
        var pi = client;
        var exported = await pi.GetByteArrayAsync("/Admin/Exchange?handler=Qdpx");
        var qde = Entry(exported, "project.qde");
        AssertValid(qde);
        XmllintIfPresent(qde);
        using var second = new AppFactory(demo: false);
        var again = await ImportAsync(await SetUpAsync(second), exported, second.With(db => db.Parks.OrderBy(p => p.Id).First().Id));
        Assert.True(again.Contains("data-testid=\"import-saved\""), MainPart(again));
        Assert.Equal(first.With(db => Themes(db)), second.With(db => Themes(db)));
        Assert.Equal(actual, second.With(db => Segments(db)));
        Assert.Equal(memos, second.With(db => Memos(db)));
        Assert.Equal(first.With(db => Groups(db)), second.With(db => Groups(db)));
        Assert.Equal(first.With(db => db.Transcripts.Select(t => t.Text).AsEnumerable().Order(StringComparer.Ordinal).ToList()),
            second.With(db => db.Transcripts.Select(t => t.Text).AsEnumerable().Order(StringComparer.Ordinal).ToList()));
    }

    [Fact]
    public async Task A_note_whose_text_file_is_missing_refuses_the_whole_project()
    {
        var (qdpx, _, _, _) = Build(missingNoteFile: true);
        using var app = new AppFactory(demo: false);
        var client = await SetUpAsync(app);
        var html = await ImportAsync(client, qdpx, app.With(db => db.Parks.OrderBy(p => p.Id).First().Id));
        Assert.Contains("data-testid=\"import-refused\"", html);
        Assert.Contains("Note \"Project memo\"", html);
        Assert.Equal((0, 0, 0), app.With(db => (db.Terms.Count(t => t.Kind == TermKind.Theme), db.Segments.Count(), db.Memos.Count())));
    }

    static (byte[] Qdpx, List<(string Name, string? Parent, string Colour)> Codes, List<Sel> Selections, Guid User) Build(bool missingNoteFile = false)
    {
        var user = Guid.NewGuid();
        var codes = new List<(string, string?, string)>();
        var guids = new Dictionary<string, Guid>();
        string[] tops = ["Reasons for location", "Policy support", "Drawbacks", "Advantages", "Relations", "Staff", "Customers", "Finance", "Research climate", "其他"];
        XElement Code(string name, string? parent, int depth, string colour, string? description)
        {
            var guid = Guid.NewGuid();
            guids[name] = guid;
            codes.Add((name, parent, colour.ToUpperInvariant()));
            return new XElement(Ns + "Code", new XAttribute("guid", guid.ToString("B").ToUpperInvariant()), new XAttribute("name", name),
                new XAttribute("isCodable", "true"), new XAttribute("color", colour),
                description is null ? null : new XElement(Ns + "Description", description),
                depth < 2 ? Enumerable.Range(1, 5).Select(i => Code($"{name} {i}", name, depth + 1, $"#{(depth * 60 + i * 30):x2}a0{i * 40:x2}", null)) : null);
        }
        var codebook = tops.Select((t, i) => Code(t, null, 0, $"#{i * 20:x2}8040", t == "Reasons for location" ? null : $"Top code {i}")).ToList();
        // A description on a child only: it must land on that code, not its parent.
        codebook[0].Elements(Ns + "Code").First().AddFirst(new XElement(Ns + "Description", "Why firms chose their park."));
        var research = Guid.NewGuid();
        var linkage = new XElement(Ns + "Code", new XAttribute("guid", Guid.NewGuid()), new XAttribute("name", "Linkage types"), new XAttribute("isCodable", "false"),
            new XElement(Ns + "Code", new XAttribute("guid", research), new XAttribute("name", "Research"), new XAttribute("isCodable", "true")));
        var noteCode = Guid.NewGuid();
        codebook[1].Elements(Ns + "Code").ElementAt(1).AddFirst(new XElement(Ns + "NoteRef", new XAttribute("targetGUID", noteCode)));

        var notes = new[] { Guid.NewGuid(), noteCode, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };   // project, code, source, passages, unreferenced
        var sources = new[] { ("Firm A 甲公司", TextA, "Sources/"), ("Firm B", TextB, "sources/"), ("Firm C", TextC, "Sources/"), ("Firm E", TextE, "sources/") }
            .Select(x => (Name: x.Item1, Text: x.Item2, Folder: x.Item3, Guid: Guid.NewGuid())).ToList();
        var selections = new List<Sel>
        {
            new("Firm A 甲公司", "政策支持很好，房租也便宜。", ["Theme:Policy support 2", "Theme:Reasons for location 1 3"], Guid.NewGuid()),
            new("Firm A 甲公司", "我们和大兴的一家CRO一起做研发。", ["LinkageType:research", "Theme:Relations 4 5"], Guid.NewGuid()),
            new("Firm B", "Traffic is bad and staff leave for Zhongguancun.", ["Theme:Drawbacks 3", "Theme:Staff 1"], Guid.NewGuid()),
            new("Firm B", "补贴申请太复杂。", ["Theme:Policy support 2"], Guid.NewGuid()),
            new("Firm C", "for the same researchers, and for grants", ["Theme:其他 5 5"], Guid.NewGuid()),
        };
        XElement Selection(Sel s, string text)
        {
            var start = text.IndexOf(s.Quote, StringComparison.Ordinal);
            return new XElement(Ns + "PlainTextSelection", new XAttribute("guid", s.Guid), new XAttribute("name", s.Quote),
                new XAttribute("startPosition", start), new XAttribute("endPosition", start + s.Quote.Length),
                new XAttribute("creatingUser", user), new XAttribute("creationDateTime", "2026-03-04T05:06:07Z"),
                s.Codes.Select(c => new XElement(Ns + "Coding", new XAttribute("guid", Guid.NewGuid()), new XAttribute("creatingUser", user),
                    new XElement(Ns + "CodeRef", new XAttribute("targetGUID", c == "LinkageType:research" ? research : guids[c["Theme:".Length..]])))),
                s.Quote is "政策支持很好，房租也便宜。" or "补贴申请太复杂。" ? new XElement(Ns + "NoteRef", new XAttribute("targetGUID", notes[3])) : null);
        }
        var sourceElements = sources.Select(x => new XElement(Ns + "TextSource", new XAttribute("guid", x.Guid), new XAttribute("name", x.Name),
                new XAttribute("plainTextPath", $"internal://{x.Guid}.txt"), new XAttribute("creatingUser", user),
                selections.Where(s => s.Source == x.Name).Select(s => Selection(s, x.Text)),
                x.Name == "Firm B" ? new XElement(Ns + "NoteRef", new XAttribute("targetGUID", notes[2])) : null))
            .Append(new XElement(Ns + "TextSource", new XAttribute("guid", Guid.NewGuid()), new XAttribute("name", "Firm D"), new XElement(Ns + "PlainTextContent", TextD)))
            .ToList();
        XElement Note(Guid g, string name, string? text, string? path) => new(Ns + "Note", new XAttribute("guid", g), new XAttribute("name", name),
            path is null ? null : new XAttribute("plainTextPath", path), new XAttribute("creatingUser", user), new XAttribute("creationDateTime", "2026-03-05T00:00:00Z"),
            text is null ? null : new XElement(Ns + "PlainTextContent", text));
        var projectNoteFile = Guid.NewGuid();
        var doc = new XDocument(new XElement(Ns + "Project", new XAttribute("name", "Beijing parks"), new XAttribute("origin", "MAXQDA 24"),
            new XAttribute("creatingUserGUID", user),
            new XElement(Ns + "Users", new XElement(Ns + "User", new XAttribute("guid", user), new XAttribute("name", "Anna"))),
            new XElement(Ns + "CodeBook", new XElement(Ns + "Codes", codebook.Prepend(linkage))),
            new XElement(Ns + "Sources", sourceElements),
            new XElement(Ns + "Notes",
                Note(notes[0], "Project memo", null, $"internal://{projectNoteFile}.txt"),
                Note(notes[1], "Memo on a code", "Policy support is about subsidies and tax.", null),
                Note(notes[2], "Note on a source", "Respondent was in a hurry.", null),
                Note(notes[3], "Two passages on policy", "Both respondents praise subsidies.", null),
                Note(notes[4], "Unreferenced", "A note with no NoteRef is a project memo.", null)),
            new XElement(Ns + "Sets",
                new XElement(Ns + "Set", new XAttribute("guid", Guid.NewGuid()), new XAttribute("name", "Section F themes"),
                    new XElement(Ns + "MemberCode", new XAttribute("targetGUID", guids["Policy support 2"])),
                    new XElement(Ns + "MemberCode", new XAttribute("targetGUID", guids["Drawbacks 3"]))),
                new XElement(Ns + "Set", new XAttribute("guid", Guid.NewGuid()), new XAttribute("name", "Source set"),
                    new XElement(Ns + "MemberSource", new XAttribute("targetGUID", sources[0].Guid)))),
            new XElement(Ns + "NoteRef", new XAttribute("targetGUID", notes[0]))));

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("project.qde").Open(), new UTF8Encoding(false))) w.Write(doc.ToString());
            foreach (var x in sources)
                using (var w = new StreamWriter(zip.CreateEntry($"{x.Folder}{x.Guid}.txt").Open(), new UTF8Encoding(true))) w.Write(x.Text);   // MAXQDA writes a BOM
            if (!missingNoteFile)
                using (var w = new StreamWriter(zip.CreateEntry($"sources/{projectNoteFile}.txt").Open())) w.Write("Start with section F.");
        }
        return (output.ToArray(), codes, selections, user);
    }

    /// <summary>Segments as "quote|start|end|codes" with codes as Kind:code for dimensions and Theme:English name.</summary>
    static List<string> Segments(FieldSurveyDbContext db)
    {
        var terms = db.Terms.ToDictionary(t => t.Id);
        string C(int id) => terms[id].Kind == TermKind.Theme ? $"Theme:{terms[id].NameEn}" : $"{terms[id].Kind}:{terms[id].Code}";
        var themes = db.SegmentThemes.ToLookup(x => x.SegmentId, x => x.TermId);
        return db.Segments.Where(s => s.DeletedAtUtc == null).AsEnumerable()
            .Select(s => $"{s.Quote}|{s.Start}|{s.End}|" + string.Join(",", new[] { s.LinkageTypeId, s.PartnerLocationId, s.PartnerKindId, s.NatureId }
                .OfType<int>().Concat(themes[s.Id]).Select(C).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
    }

    static List<string> Themes(FieldSurveyDbContext db)
    {
        var terms = db.Terms.Where(t => t.Kind == TermKind.Theme).ToList();
        var byId = terms.ToDictionary(t => t.Id);
        return terms.Select(t => string.Join("|", t.Code, t.NameEn, t.NameZh, t.ParentId is { } p ? byId[p].Code : "-", t.Color, t.DefinitionEn,
            t.DefinitionZh, t.Inclusion, t.Exclusion, t.Example, t.IsActive)).Order(StringComparer.Ordinal).ToList();
    }

    static List<string> Memos(FieldSurveyDbContext db)
    {
        var links = db.MemoLinks.ToList();
        var quotes = db.Segments.ToDictionary(s => s.Id, s => s.Quote);
        var terms = db.Terms.ToDictionary(t => t.Id, t => t.NameEn);
        var texts = db.Transcripts.ToDictionary(t => t.Id, t => t.Text);
        return db.Memos.AsEnumerable().Select(m => $"{m.Target}|{m.Title}|{m.Text}|" + m.Target switch
        {
            MemoTarget.Passage => string.Join(";", links.Where(l => l.MemoId == m.Id).Select(l => quotes[l.SegmentId]).Order(StringComparer.Ordinal)),
            MemoTarget.Code => terms[m.TermId!.Value],
            MemoTarget.Transcript => texts[m.TranscriptId!.Value][..10],
            _ => "",
        }).Order(StringComparer.Ordinal).ToList();
    }

    static List<string> Groups(FieldSurveyDbContext db)
    {
        var terms = db.Terms.ToDictionary(t => t.Id, t => t.NameEn);
        var members = db.CodeGroupMembers.ToList();
        return db.CodeGroups.AsEnumerable().Select(g => g.Name + ":" + string.Join(",", members.Where(m => m.CodeGroupId == g.Id)
            .Select(m => terms[m.TermId]).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();
    }

    static async Task<HttpClient> SetUpAsync(AppFactory app)
    {
        var client = app.Client();
        var setup = await client.PostFormAsync("/Account/Setup", new()
        {
            ["Input.DisplayName"] = "新 PI", ["Input.Email"] = "newpi@example.org", ["Input.Password"] = "Another-2026!", ["Input.Confirm"] = "Another-2026!",
        });
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        return client;
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

    static string MainPart(string html) => html.IndexOf("<main", StringComparison.Ordinal) is var i and >= 0 ? html[i..] : html;

    static string Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
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
        var xmllint = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "xmllint")).FirstOrDefault(File.Exists);
        if (xmllint is null) return;
        var file = Path.Combine(Path.GetTempPath(), $"fs-{Guid.NewGuid():N}.qde");
        File.WriteAllText(file, qde);
        try
        {
            using var p = Process.Start(new ProcessStartInfo(xmllint, $"--noout --schema {Xsd} {file}") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var output = p.StandardError.ReadToEnd() + p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, output);
        }
        finally { File.Delete(file); }
    }
}
