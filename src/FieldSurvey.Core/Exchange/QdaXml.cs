using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace FieldSurvey.Core.Exchange;

/// <summary>Writes and reads project.qde (QDA-XML 1.0) with System.Xml.Linq, in the element order Project.xsd requires.</summary>
public static class QdaXml
{
    public static readonly XNamespace Ns = "urn:QDA-XML:project:1.0";

    public static XDocument Write(QdaProject project)
    {
        var root = new XElement(Ns + "Project",
            new XAttribute("name", project.Name),
            new XAttribute("origin", "FieldSurvey"),
            project.CreatingUser is { } cu ? new XAttribute("creatingUserGUID", G(cu)) : null,
            new XAttribute("creationDateTime", T(project.CreatedUtc)));
        if (project.Users.Count > 0)
            root.Add(new XElement(Ns + "Users", project.Users.Select(u => new XElement(Ns + "User",
                new XAttribute("guid", G(u.Guid)), new XAttribute("name", u.Name),
                u.Id is null ? null : new XAttribute("id", u.Id)))));
        if (project.Codes.Count > 0)
            root.Add(new XElement(Ns + "CodeBook", new XElement(Ns + "Codes", project.Codes.Select(Code))));
        if (project.Sources.Count > 0 || project.AudioSources.Count > 0)
            root.Add(new XElement(Ns + "Sources", project.Sources.Select(Source), project.AudioSources.Select(Audio)));
        if (project.Notes is { Count: > 0 } notes)
            root.Add(new XElement(Ns + "Notes", notes.Select(Note)));
        if (project.Sets is { Count: > 0 } sets)
            root.Add(new XElement(Ns + "Sets", sets.Select(Set)));
        root.Add(Refs(project.NoteRefs));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    static XElement Code(QdaCode c) => new(Ns + "Code",
        new XAttribute("guid", G(c.Guid)), new XAttribute("name", c.Name),
        new XAttribute("isCodable", c.IsCodable ? "true" : "false"),
        c.Color is null ? null : new XAttribute("color", c.Color),
        string.IsNullOrEmpty(c.Description) ? null : new XElement(Ns + "Description", c.Description),
        Refs(c.NoteRefs),
        c.Children.Select(Code));

    static IEnumerable<XElement> Refs(IReadOnlyList<Guid>? refs) =>
        (refs ?? []).Select(r => new XElement(Ns + "NoteRef", new XAttribute("targetGUID", G(r))));

    static XElement Note(QdaNote n) => new(Ns + "Note",
        new XAttribute("guid", G(n.Guid)), new XAttribute("name", n.Name),
        n.PlainTextPath is null ? null : new XAttribute("plainTextPath", n.PlainTextPath),
        n.CreatingUser is { } u ? new XAttribute("creatingUser", G(u)) : null,
        n.CreatedUtc is { } t ? new XAttribute("creationDateTime", T(t)) : null,
        string.IsNullOrEmpty(n.Description) ? null : new XElement(Ns + "Description", n.Description),
        n.PlainTextPath is null ? new XElement(Ns + "PlainTextContent", n.Text ?? "") : null);

    static XElement Set(QdaSet s) => new(Ns + "Set",
        new XAttribute("guid", G(s.Guid)), new XAttribute("name", s.Name),
        string.IsNullOrEmpty(s.Description) ? null : new XElement(Ns + "Description", s.Description),
        s.MemberCodes.Select(c => new XElement(Ns + "MemberCode", new XAttribute("targetGUID", G(c)))),
        s.MemberSources.Select(c => new XElement(Ns + "MemberSource", new XAttribute("targetGUID", G(c)))),
        s.MemberNotes.Select(c => new XElement(Ns + "MemberNote", new XAttribute("targetGUID", G(c)))));

    static XElement Source(QdaSource s) => new(Ns + "TextSource",
        new XAttribute("guid", G(s.Guid)), new XAttribute("name", s.Name),
        s.PlainTextPath is null ? null : new XAttribute("plainTextPath", s.PlainTextPath),
        s.CreatingUser is { } u ? new XAttribute("creatingUser", G(u)) : null,
        s.CreatedUtc is { } t ? new XAttribute("creationDateTime", T(t)) : null,
        string.IsNullOrEmpty(s.Description) ? null : new XElement(Ns + "Description", s.Description),
        s.PlainTextPath is null && s.Text is not null ? new XElement(Ns + "PlainTextContent", s.Text) : null,
        s.Selections.Select(Selection),
        Refs(s.NoteRefs));

    static XElement Audio(QdaAudioSource a) => new(Ns + "AudioSource",
        new XAttribute("guid", G(a.Guid)), new XAttribute("name", a.Name),
        a.Path is null ? null : new XAttribute("path", a.Path),
        new XElement(Ns + "Transcript", new XAttribute("guid", G(a.TranscriptGuid)), new XAttribute("name", a.TranscriptName),
            a.TranscriptPath is null ? null : new XAttribute("plainTextPath", a.TranscriptPath),
            a.SyncPoints.Select(p => new XElement(Ns + "SyncPoint", new XAttribute("guid", G(p.Guid)),
                new XAttribute("timeStamp", p.TimeStampMs), new XAttribute("position", p.Position)))));

    static QdaAudioSource? ReadAudio(XElement a)
    {
        var transcript = a.Element(Ns + "Transcript");
        if (transcript is null) return null;
        var points = transcript.Elements(Ns + "SyncPoint")
            .Where(p => p.Attribute("timeStamp") is not null && p.Attribute("position") is not null)
            .Select(p => new QdaSyncPoint(Guid(p, "guid"), long.Parse((string)p.Attribute("timeStamp")!, CultureInfo.InvariantCulture), Int(p, "position")))
            .ToList();
        return new QdaAudioSource(Guid(a, "guid"), (string?)a.Attribute("name") ?? "", (string?)a.Attribute("path"),
            Guid(transcript, "guid"), (string?)transcript.Attribute("name") ?? "", (string?)transcript.Attribute("plainTextPath"), points);
    }

    static XElement Selection(QdaSelection s) => new(Ns + "PlainTextSelection",
        new XAttribute("guid", G(s.Guid)),
        s.Name is null ? null : new XAttribute("name", s.Name),
        new XAttribute("startPosition", s.Start), new XAttribute("endPosition", s.End),
        s.CreatingUser is { } u ? new XAttribute("creatingUser", G(u)) : null,
        s.CreatedUtc is { } t ? new XAttribute("creationDateTime", T(t)) : null,
        string.IsNullOrEmpty(s.Description) ? null : new XElement(Ns + "Description", s.Description),
        s.Codings.Select(c => new XElement(Ns + "Coding",
            new XAttribute("guid", G(c.Guid)),
            c.CreatingUser is { } cu ? new XAttribute("creatingUser", G(cu)) : null,
            c.CreatedUtc is { } ct ? new XAttribute("creationDateTime", T(ct)) : null,
            new XElement(Ns + "CodeRef", new XAttribute("targetGUID", G(c.CodeGuid))))),
        Refs(s.NoteRefs));

    static string G(Guid g) => g.ToString("D");
    static string T(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a project. Elements FieldSurvey does not use (links, graphs, cases, variables, other source kinds)
    /// are counted in <paramref name="ignored"/>, not refused. Throws <see cref="FormatException"/> with a
    /// message naming the element when something required is missing or malformed.
    /// </summary>
    public static QdaProject Read(XDocument doc, out IReadOnlyList<string> ignored)
    {
        var skipped = new List<string>();
        var root = doc.Root ?? throw new FormatException("project.qde is empty.");
        if (root.Name != Ns + "Project") throw new FormatException($"The root element is {root.Name}, not Project in namespace {Ns}.");
        var users = root.Element(Ns + "Users")?.Elements(Ns + "User")
            .Select(u => new QdaUser(Guid(u, "guid"), (string?)u.Attribute("name") ?? "", (string?)u.Attribute("id"))).ToList() ?? [];
        var codes = root.Element(Ns + "CodeBook")?.Element(Ns + "Codes")?.Elements(Ns + "Code").Select(ReadCode).ToList() ?? [];
        var sources = new List<QdaSource>();
        var audio = new List<QdaAudioSource>();
        foreach (var s in root.Element(Ns + "Sources")?.Elements() ?? [])
        {
            // A recording's own file is not imported; its transcript's sync points are (QdaSync).
            if (s.Name == Ns + "AudioSource" && ReadAudio(s) is { } a) { audio.Add(a); continue; }
            if (s.Name != Ns + "TextSource") { skipped.Add($"{s.Name.LocalName} \"{(string?)s.Attribute("name")}\""); continue; }
            if (s.Elements(Ns + "Coding").Any()) skipped.Add($"codings of the whole source \"{(string?)s.Attribute("name")}\"");
            sources.Add(new QdaSource(Guid(s, "guid"), (string?)s.Attribute("name") ?? "", (string?)s.Element(Ns + "Description"),
                (string?)s.Attribute("plainTextPath"), (string?)s.Element(Ns + "PlainTextContent"),
                OptGuid(s, "creatingUser"), Time(s, "creationDateTime"),
                s.Elements(Ns + "PlainTextSelection").Select(ReadSelection).ToList(), ReadRefs(s)));
        }
        var notes = root.Element(Ns + "Notes")?.Elements(Ns + "Note").Select(n => new QdaNote(Guid(n, "guid"), (string?)n.Attribute("name") ?? "",
            (string?)n.Element(Ns + "Description"), (string?)n.Attribute("plainTextPath"), (string?)n.Element(Ns + "PlainTextContent"),
            OptGuid(n, "creatingUser"), Time(n, "creationDateTime"))).ToList() ?? [];
        var sets = root.Element(Ns + "Sets")?.Elements(Ns + "Set").Select(x => new QdaSet(Guid(x, "guid"), (string?)x.Attribute("name") ?? "",
            (string?)x.Element(Ns + "Description"), Members(x, "MemberCode"), Members(x, "MemberSource"), Members(x, "MemberNote"))).ToList() ?? [];
        foreach (var name in new[] { "Links", "Graphs", "Cases", "Variables" })
            if (root.Element(Ns + name) is { } e && e.HasElements) skipped.Add(name);
        ignored = skipped;
        return new QdaProject((string?)root.Attribute("name") ?? "", Time(root, "creationDateTime") ?? DateTimeOffset.MinValue,
            OptGuid(root, "creatingUserGUID"), users, codes, sources, notes, sets, ReadRefs(root)) { AudioSources = audio };
    }

    static List<Guid> ReadRefs(XElement e) =>
        e.Elements(Ns + "NoteRef").Select(r => OptGuid(r, "targetGUID")).OfType<Guid>().ToList();

    static List<Guid> Members(XElement set, string element) =>
        set.Elements(Ns + element).Select(r => OptGuid(r, "targetGUID")).OfType<Guid>().ToList();

    static QdaCode ReadCode(XElement c) => new(Guid(c, "guid"), (string?)c.Attribute("name") ?? "",
        XmlConvert.ToBoolean(((string?)c.Attribute("isCodable") ?? "true").Trim()), (string?)c.Attribute("color"),
        (string?)c.Element(Ns + "Description"), c.Elements(Ns + "Code").Select(ReadCode).ToList(), ReadRefs(c));

    static QdaSelection ReadSelection(XElement s) => new(Guid(s, "guid"), (string?)s.Attribute("name"),
        Int(s, "startPosition"), Int(s, "endPosition"), OptGuid(s, "creatingUser"), Time(s, "creationDateTime"),
        (string?)s.Element(Ns + "Description"),
        s.Elements(Ns + "Coding").Select(c => new QdaCoding(Guid(c, "guid"),
            Guid(c.Element(Ns + "CodeRef") ?? throw new FormatException($"A Coding in selection {(string?)s.Attribute("guid")} has no CodeRef."), "targetGUID"),
            OptGuid(c, "creatingUser"), Time(c, "creationDateTime"))).ToList(),
        // A note on one coding of a selection is, for FieldSurvey, a note on the passage.
        ReadRefs(s).Concat(s.Elements(Ns + "Coding").SelectMany(ReadRefs)).Distinct().ToList());

    static Guid Guid(XElement e, string attribute) =>
        OptGuid(e, attribute) ?? throw new FormatException($"{e.Name.LocalName} \"{(string?)e.Attribute("name")}\" has no valid {attribute}.");

    static Guid? OptGuid(XElement e, string attribute) =>
        System.Guid.TryParse(((string?)e.Attribute(attribute))?.Trim('{', '}', ' '), out var g) ? g : null;

    static int Int(XElement e, string attribute) =>
        int.TryParse((string?)e.Attribute(attribute), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : throw new FormatException($"{e.Name.LocalName} {(string?)e.Attribute("guid")} has no valid {attribute}.");

    static DateTimeOffset? Time(XElement e, string attribute) =>
        DateTimeOffset.TryParse((string?)e.Attribute(attribute), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
}
