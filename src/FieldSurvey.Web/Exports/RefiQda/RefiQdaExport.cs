using System.IO.Compression;
using System.Text;
using System.Xml;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Exchange;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Exports.RefiQda;

/// <summary>
/// The study's transcripts and coding as a REFI-QDA project (.qdpx: project.qde + Sources/&lt;guid&gt;.txt).
/// The four coding dimensions are parent codes (not codable) with their vocabulary entries as codable
/// children named "English name [code]"; each segment is one PlainTextSelection with one Coding per code
/// it carries; consensus segments belong to the pseudo-user "Consensus". Positions are Unicode code points
/// of the stored (NFC, \n) text. GUIDs are name-based (<see cref="StableGuid"/>), so re-exports are stable.
/// Coders and firms appear under the data package's pseudonyms (C03, F0012) unless <c>personalData</c> is
/// asked for (then names and e-mail). Transcript texts are exported as they are, names in them included.
/// Thematic codes follow the dimensions as their own tree (notes in the Description, see <see cref="ThemeDescription"/>);
/// memos are Notes attached by NoteRefs (a firm memo to each of its firm's sources, marked so); code groups are Sets.
/// </summary>
public static class RefiQdaExport
{
    public const string ConsensusUser = "Consensus";

    // Linkage types get their own colours (annotator-neutral, readable on white); other codes take their dimension's.
    static readonly string[] LinkagePalette = ["#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#17BECF"];
    static readonly Dictionary<TermKind, string> DimensionColour = new()
    {
        [TermKind.LinkageType] = "#1F77B4", [TermKind.PartnerLocation] = "#6C757D", [TermKind.PartnerKind] = "#BCBD22", [TermKind.Nature] = "#7F7F7F",
    };

    public static Guid DimensionGuid(TermKind kind) => StableGuid.Create($"dimension:{kind}");
    public static Guid TermGuid(TermKind kind, string code) => StableGuid.Create($"code:{kind}:{code}");
    public static Guid UserGuid(string userId) => StableGuid.Create($"user:{userId}");
    public static readonly Guid ConsensusGuid = StableGuid.Create("user:consensus");

    public static async Task<QdaProject> BuildAsync(FieldSurveyDbContext db, bool personalData, DateTimeOffset now, string? exportingUserId)
    {
        var terms = await db.Terms.AsNoTracking().Where(t => Codebook.Dimensions.Contains(t.Kind)).ToListAsync();
        var codes = Codebook.Dimensions.Select(kind =>
        {
            var children = terms.Where(t => t.Kind == kind).OrderBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal)
                .Select((t, i) => new QdaCode(TermGuid(kind, t.Code), $"{t.NameEn} [{t.Code}]", true,
                    kind == TermKind.LinkageType ? LinkagePalette[i % LinkagePalette.Length] : DimensionColour[kind],
                    Describe(t), [])).ToList();
            return new QdaCode(DimensionGuid(kind), $"{Pages.Admin.VocabularyNames.KindName(kind)} [{kind}]", false, DimensionColour[kind],
                $"FieldSurvey coding dimension {kind}: each segment carries at most one of these codes.", children);
        }).ToList();
        var themes = await db.Terms.AsNoTracking().Where(t => t.Kind == TermKind.Theme).ToListAsync();
        var memos = await db.Memos.AsNoTracking().Where(m => m.DeletedAtUtc == null).OrderBy(m => m.Id).ToListAsync();
        var links = (await db.MemoLinks.AsNoTracking().ToListAsync()).ToLookup(l => l.SegmentId, l => l.MemoId);
        var codeNotes = memos.Where(m => m.Target == MemoTarget.Code && m.TermId is not null).ToLookup(m => m.TermId!.Value, m => MemoGuid(m.Id));
        var tree = Themes.Walk(themes.Select(t => new ThemeNode(t.Id, t.ParentId, t.Code, t.NameEn, t.IsActive, t.SortOrder)).ToList());
        var byId = themes.ToDictionary(t => t.Id);
        QdaCode Theme(int id) => new(TermGuid(TermKind.Theme, byId[id].Code), $"{byId[id].NameEn} [{byId[id].Code}]", true, byId[id].Color,
            ThemeDescription.Write(new(byId[id].NameZh, byId[id].DefinitionEn, byId[id].DefinitionZh, byId[id].Inclusion, byId[id].Exclusion, byId[id].Example)),
            tree.Where(p => p.Path.Count >= 2 && p.Path[^2] == id).Select(p => Theme(p.Node.Id)).ToList(), [.. codeNotes[id]]);
        var dimensionTerm = terms.ToDictionary(t => TermGuid(t.Kind, t.Code), t => t.Id);
        codes = codes.Select(c => c with { Children = c.Children.Select(ch => ch with { NoteRefs = [.. codeNotes[dimensionTerm[ch.Guid]]] }).ToList() }).ToList();
        codes.AddRange(tree.Where(p => p.Depth == 0).Select(p => Theme(p.Node.Id)));
        var codeGuid = terms.Concat(themes).ToDictionary(t => t.Id, t => TermGuid(t.Kind, t.Code));
        var segmentThemes = (await db.SegmentThemes.AsNoTracking().OrderBy(x => x.Id).ToListAsync()).ToLookup(x => x.SegmentId, x => x.TermId);

        var transcripts = await (from t in db.Transcripts.AsNoTracking()
                                 join i in db.Interviews on t.InterviewId equals i.Id
                                 join f in db.Firms on i.FirmId equals f.Id
                                 join p in db.Parks on f.ParkId equals p.Id
                                 orderby t.Id
                                 select new { t.Id, t.Text, t.UpdatedAtUtc, i.InterviewDate, InterviewId = i.Id, i.InterviewerId, f.NameZh, f.NameEn, FirmId = f.Id, Park = p.Code })
                                .ToListAsync();
        var segments = await db.Segments.AsNoTracking().Where(s => s.DeletedAtUtc == null).OrderBy(s => s.Start).ThenBy(s => s.Id).ToListAsync();
        var names = await Pseudonyms.LoadAsync(db);
        var perFirm = transcripts.GroupBy(t => t.FirmId).ToDictionary(g => g.Key, g => g.Count());

        var sources = transcripts.Select(t =>
        {
            var guid = StableGuid.Create($"transcript:{t.Id}");
            // Without personal data the firm is its data-package pseudonym (F0012) in the name and description.
            var firm = personalData ? t.NameZh : Pseudonyms.Firm(t.FirmId);
            var name = perFirm[t.FirmId] > 1 ? $"{firm} ({t.InterviewDate:yyyy-MM-dd} #{t.InterviewId})" : firm;
            var selections = segments.Where(s => s.TranscriptId == t.Id).Select(s =>
            {
                var user = s.IsConsensus || s.CoderId is null ? ConsensusGuid : UserGuid(s.CoderId);
                var ids = new[] { s.LinkageTypeId, s.PartnerLocationId, s.PartnerKindId, s.NatureId }.Concat(segmentThemes[s.Id].Select(x => (int?)x));
                var codings = ids.Where(id => id is not null && codeGuid.ContainsKey(id.Value))
                    .Select(id => new QdaCoding(StableGuid.Create($"coding:{s.Id}:{id}"), codeGuid[id!.Value], user, s.CreatedAtUtc)).ToList();
                var description = string.Join("\n", new[] { s.PartnerName is { Length: > 0 } p ? PartnerPrefix + p : null, s.Memo }.Where(x => !string.IsNullOrEmpty(x)));
                return new QdaSelection(StableGuid.Create($"segment:{s.Id}"), s.Quote,
                    TextPositions.ToCodePoints(t.Text, s.Start), TextPositions.ToCodePoints(t.Text, s.End), user, s.CreatedAtUtc,
                    description.Length == 0 ? null : description, codings, [.. links[s.Id].Distinct().Order().Select(MemoGuid)]);
            }).ToList();
            var firmLine = personalData ? $"{t.NameZh}{(t.NameEn is { Length: > 0 } en ? " / " + en : "")}" : firm;
            return new QdaSource(guid, name, $"Firm: {firmLine}\nPark: {t.Park}\nInterview: {t.InterviewDate:yyyy-MM-dd}",
                $"internal://{guid:D}.txt", t.Text, null, t.UpdatedAtUtc, selections,
                [.. memos.Where(m => m.Target == MemoTarget.Transcript && m.TranscriptId == t.Id || m.Target == MemoTarget.Firm && m.FirmId == t.FirmId).Select(m => MemoGuid(m.Id))]);
        }).ToList();
        var notes = memos.Select(m => new QdaNote(MemoGuid(m.Id), m.Title, m.Target == MemoTarget.Firm ? RefiQdaImport.FirmMemoMark : null, null, m.Text,
            m.AuthorId is null ? null : UserGuid(m.AuthorId), m.CreatedAtUtc)).ToList();
        var groups = await db.CodeGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync();
        var members = (await db.CodeGroupMembers.AsNoTracking().OrderBy(m => m.Id).ToListAsync()).ToLookup(m => m.CodeGroupId, m => m.TermId);
        var sets = groups.Select(g => new QdaSet(StableGuid.Create($"codegroup:{g.Id}"), g.Name, g.Description,
            [.. members[g.Id].Where(codeGuid.ContainsKey).Select(id => codeGuid[id])], [], [])).ToList();

        var coderIds = segments.Where(s => s.CoderId is not null && !s.IsConsensus).Select(s => s.CoderId!)
            .Concat(memos.Where(m => m.AuthorId is not null).Select(m => m.AuthorId!)).Distinct().OrderBy(id => names.Of(id, 'C'), StringComparer.Ordinal);
        var users = coderIds.Select(id => personalData
                ? new QdaUser(UserGuid(id), names.RealName(id), names.Email(id))
                : new QdaUser(UserGuid(id), names.Of(id, 'C'), null))
            .Append(new QdaUser(ConsensusGuid, ConsensusUser, null)).ToList();
        // Transcripts with a recording: an AudioSource whose Transcript shares the TextSource's text file and carries its
        // timed turns as sync points. The audio itself stays in FieldSurvey (a voice is personal data).
        var recorded = await db.Recordings.AsNoTracking().Where(r => r.DeletedAtUtc == null).GroupBy(r => r.InterviewId)
            .Select(g => new { InterviewId = g.Key, Name = g.OrderBy(r => r.Part).Select(r => r.Part + ". " + r.Format).First() }).ToDictionaryAsync(x => x.InterviewId, x => x.Name);
        var audio = transcripts.Where(t => recorded.ContainsKey(t.InterviewId)).Select(t =>
        {
            var source = sources.Single(x => x.Guid == StableGuid.Create($"transcript:{t.Id}"));
            return new QdaAudioSource(StableGuid.Create($"recording:{t.InterviewId}"), $"{source.Name} · recording {recorded[t.InterviewId]}", null,
                StableGuid.Create($"audio-transcript:{t.Id}"), source.Name, source.PlainTextPath,
                QdaSync.Of(t.Text, start => StableGuid.Create($"sync:{t.Id}:{start}")));
        }).ToList();
        return new QdaProject("FieldSurvey study", now, exportingUserId is null ? null : UserGuid(exportingUserId), users, codes, sources,
            notes, sets, [.. memos.Where(m => m.Target == MemoTarget.Project).Select(m => MemoGuid(m.Id))]) { AudioSources = audio };
    }

    public static Guid MemoGuid(int memoId) => StableGuid.Create($"memo:{memoId}");

    /// <summary>Selection descriptions carry the segment's partner name on a first line with this prefix, then the memo.</summary>
    public const string PartnerPrefix = "Partner: ";

    static string Describe(Term t) => string.Join("\n", new[]
    {
        t.DefinitionEn, t.DefinitionZh, $"{t.NameZh} · code {t.Code}", t.IsActive ? null : "(retired)",
    }.Where(x => !string.IsNullOrWhiteSpace(x)));

    public static byte[] Zip(QdaProject project)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("project.qde", CompressionLevel.Optimal);
            using (var entryStream = entry.Open())
            using (var writer = XmlWriter.Create(entryStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
                QdaXml.Write(project).Save(writer);
            foreach (var source in project.Sources)
            {
                var file = zip.CreateEntry($"Sources/{source.Guid:D}.txt", CompressionLevel.Optimal);
                using var text = new StreamWriter(file.Open(), new UTF8Encoding(false));
                text.Write(source.Text);
            }
        }
        return stream.ToArray();
    }
}
