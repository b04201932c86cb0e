using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using FieldSurvey.Core;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Exchange;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Exports.RefiQda;

/// <summary>One line of an import report: an English template (localised by the page) and its arguments.</summary>
public sealed record ReportLine(string Template, params object[] Args);

public sealed class ImportReport
{
    public int Sources { get; set; }
    public int Codes { get; set; }
    public int Selections { get; set; }
    public int Users { get; set; }
    public int Notes { get; set; }
    public int Sets { get; set; }
    public List<ReportLine> Matched { get; } = [];
    public List<ReportLine> Created { get; } = [];
    public List<ReportLine> Skipped { get; } = [];
    public List<ReportLine> Problems { get; } = [];
    public bool Saved { get; set; }
}

/// <summary>
/// Reads a .qdpx into the study, all or nothing: everything is checked first, and the writes run in one
/// transaction, so any problem leaves the study as it was.
/// <list type="bullet">
/// <item>Codes: top-level codes named for a coding dimension ("Linkage types [LinkageType]", or the
/// dimension's name) are the dimensions; their direct children are matched to that vocabulary by the
/// "[code]" suffix, else by English/Chinese name or code; unknown ones become new entries. Codes outside
/// the dimensions are thematic codes, imported with their whole tree (parents, colours, descriptions), matched to
/// existing thematic codes by "[code]" suffix or by name under the same parent.</item>
/// <item>Notes become memos: on the passage(s), code, transcript or project their NoteRefs attach them to (a note
/// FieldSurvey marked as a firm memo goes back to the firm of its source). A note whose title and text a memo
/// already has is not imported twice.</item>
/// <item>Sets with codes become code groups; their source and note members, and sets without codes, are dropped
/// (reported): FieldSurvey groups codes only.</item>
/// <item>Sources: a text source whose name (or name before " (") is a firm's Chinese or English name
/// goes to that firm: to its interview that has no transcript yet, else to a new interview. Otherwise a
/// placeholder firm is created in the park its description names ("Park: YZ") or the chosen park, with
/// "Imported from REFI-QDA" in its notes. A source whose text the firm already has is skipped.</item>
/// <item>Positions are Unicode code points (as FieldSurvey exports them) and are converted to UTF-16.
/// A position outside the text, or a selection named with a different text of the same length, refuses
/// the import. Texts must already be NFC with \n line ends when they carry selections.</item>
/// <item>Users: matched to accounts by e-mail (id attribute) or display name; "Consensus" makes consensus
/// segments; anyone else is attributed to the importing PI with the original name in the segment memo.</item>
/// </list>
/// </summary>
public static partial class RefiQdaImport
{
    public const string ImportedNote = "Imported from REFI-QDA";

    public static async Task<ImportReport> RunAsync(FieldSurveyDbContext db, Stream qdpx, int? parkId, string importerId, DateTimeOffset now)
    {
        var report = new ImportReport();
        QdaProject project;
        Dictionary<string, string> files;
        if (UploadedArchive.Check(qdpx, ArchiveLimits.Project) == ArchiveCheck.TooLarge)
        {
            report.Problems.Add(new("The project unpacks to more than FieldSurvey reads (at most {0} MB per file, {1} MB in all).",
                ArchiveLimits.Project.MaxEntryBytes / 1024 / 1024, ArchiveLimits.Project.MaxTotalBytes / 1024 / 1024));
            return report;
        }
        try
        {
            using var zip = new ZipArchive(qdpx, ZipArchiveMode.Read);
            var qde = zip.Entries.FirstOrDefault(e => e.FullName.Equals("project.qde", StringComparison.OrdinalIgnoreCase))
                ?? zip.Entries.FirstOrDefault(e => e.FullName.EndsWith(".qde", StringComparison.OrdinalIgnoreCase));
            if (qde is null) { report.Problems.Add(new("The file has no project.qde.")); return report; }
            IReadOnlyList<string> ignored;
            using (var s = qde.Open())
            using (var xml = XmlReader.Create(s, UploadedXml.Settings))
                project = QdaXml.Read(XDocument.Load(xml), out ignored);
            report.Skipped.AddRange(ignored.Select(i => new ReportLine("Not imported (FieldSurvey has no place for it): {0}.", i)));
            files = new(StringComparer.OrdinalIgnoreCase);
            foreach (var e in zip.Entries.Where(e => e.FullName.StartsWith("sources/", StringComparison.OrdinalIgnoreCase) && e.Length > 0))
            {
                using var reader = new StreamReader(e.Open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
                files[e.FullName["sources/".Length..]] = reader.ReadToEnd();
            }
            project = QdaSync.Apply(project, files);   // sync points of AudioSource transcripts become turn times
            foreach (var source in project.Sources.Where(x => (x.Text?.Length ?? 0) > TranscriptText.MaxLength))
                report.Problems.Add(new("Source \"{0}\" is longer than {1} characters, the transcript limit.", source.Name, TranscriptText.MaxLength));
            foreach (var (name, text) in files.Where(f => f.Value.Length > TranscriptText.MaxLength))
                report.Problems.Add(new("Source file {0} is longer than {1} characters, the transcript limit.", name, TranscriptText.MaxLength));
            if (report.Problems.Count > 0) return report;
        }
        catch (XmlException e)
        {
            report.Problems.Add(new("project.qde is not well-formed XML, or it holds a DTD, which FieldSurvey refuses: {0}", e.Message));
            return report;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            report.Problems.Add(new("The file could not be read: {0}", e.Message));
            return report;
        }

        report.Sources = project.Sources.Count;
        report.Codes = project.AllCodes.Count();
        report.Selections = project.Sources.Sum(s => s.Selections.Count);
        report.Users = project.Users.Count;
        report.Notes = project.Notes?.Count ?? 0;
        report.Sets = project.Sets?.Count ?? 0;

        var plan = await PlanAsync(db, project, files, parkId, importerId, now, report);
        if (report.Problems.Count > 0 || plan is null) return report;

        await using var tx = await db.BeginWriteAsync();
        db.AuditReason = "REFI-QDA import";
        await db.SaveChangesAsync();   // new vocabulary entries and firms
        foreach (var (interview, firm) in plan.Interviews) interview.FirmId = firm.Id;
        db.Interviews.AddRange(plan.Interviews.Select(x => x.Interview));
        db.AuditReason = "REFI-QDA import";
        await db.SaveChangesAsync();
        foreach (var (transcript, interview) in plan.Transcripts) transcript.InterviewId = interview.Id;
        db.Transcripts.AddRange(plan.Transcripts.Select(x => x.Transcript));
        db.AuditReason = "REFI-QDA import";
        await db.SaveChangesAsync();
        foreach (var (segment, transcript, terms, _) in plan.Segments)
        {
            segment.TranscriptId = transcript.Id;
            segment.LinkageTypeId = terms.GetValueOrDefault(TermKind.LinkageType)?.Id;
            segment.PartnerLocationId = terms.GetValueOrDefault(TermKind.PartnerLocation)?.Id;
            segment.PartnerKindId = terms.GetValueOrDefault(TermKind.PartnerKind)?.Id;
            segment.NatureId = terms.GetValueOrDefault(TermKind.Nature)?.Id;
            db.Segments.Add(segment);
        }
        foreach (var (transcript, coder) in plan.Segments.Where(x => x.Segment.CoderId is not null).Select(x => (x.Transcript, x.Segment.CoderId!)).Distinct())
            db.CodingAssignments.Add(new CodingAssignment { TranscriptId = transcript.Id, CoderId = coder, AssignedAtUtc = now, CompletedAtUtc = now });
        db.AuditReason = "REFI-QDA import";
        await db.SaveChangesAsync();
        foreach (var (segment, _, _, themes) in plan.Segments)
            db.SegmentThemes.AddRange(themes.Select(t => new SegmentTheme { SegmentId = segment.Id, TermId = t.Id }));
        foreach (var m in plan.Memos)
        {
            m.Memo.TermId = m.Term?.Id; m.Memo.TranscriptId = m.Transcript?.Id; m.Memo.FirmId = m.Firm?.Id;
            db.Memos.Add(m.Memo);
        }
        db.CodeGroups.AddRange(plan.Groups.Select(g => g.Group));
        db.AuditReason = "REFI-QDA import";
        await db.SaveChangesAsync();
        foreach (var m in plan.Memos)
            db.MemoLinks.AddRange(m.Segments.Select(x => new MemoLink { MemoId = m.Memo.Id, SegmentId = x.Id }));
        foreach (var (group, members) in plan.Groups)
            db.CodeGroupMembers.AddRange(members.Select(t => new CodeGroupMember { CodeGroupId = group.Id, TermId = t.Id }));
        db.AuditReason = "REFI-QDA import";
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        report.Saved = true;
        return report;
    }

    sealed record Who(string? Id, bool Consensus, string Original, bool Unmatched);

    sealed record Plan(List<(Interview Interview, Firm Firm)> Interviews, List<(Transcript Transcript, Interview Interview)> Transcripts,
        List<(Segment Segment, Transcript Transcript, Dictionary<TermKind, Term> Terms, List<Term> Themes)> Segments)
    {
        public List<PlannedMemo> Memos { get; } = [];
        public List<(CodeGroup Group, List<Term> Members)> Groups { get; } = [];
    }

    sealed record PlannedMemo(Memo Memo, Term? Term, Transcript? Transcript, Firm? Firm, List<Segment> Segments);

    static async Task<Plan?> PlanAsync(FieldSurveyDbContext db, QdaProject project, Dictionary<string, string> files,
        int? parkId, string importerId, DateTimeOffset now, ImportReport report)
    {
        // Codes
        var terms = await db.Terms.Where(t => Codebook.Coded.Contains(t.Kind)).ToListAsync();
        var codeMap = new Dictionary<Guid, Term>();
        var dimensionGuids = new HashSet<Guid>();
        var topOrder = terms.Where(t => t.Kind == TermKind.Theme && t.ParentId == null).Select(t => t.SortOrder).DefaultIfEmpty().Max();
        foreach (var top in project.Codes)
        {
            if (Dimension(top.Name) is not { } kind)
            {
                ImportTheme(db, top, null, ++topOrder, terms, codeMap, report);
                continue;
            }
            dimensionGuids.Add(top.Guid);
            report.Matched.Add(new("Code \"{0}\" is the dimension {1}.", top.Name, kind));
            foreach (var child in top.Children)
            {
                foreach (var deeper in child.Children.SelectMany(c => c.Flatten()))
                    report.Skipped.Add(new("Code \"{0}\": nested deeper than one level under a dimension.", deeper.Name));
                var (name, code) = SplitName(child.Name);
                var term = terms.FirstOrDefault(t => t.Kind == kind && code is not null && t.Code == code)
                    ?? terms.FirstOrDefault(t => t.Kind == kind && (Same(t.NameEn, name) || Same(t.NameZh, name) || Same(t.Code, name)));
                if (term is not null)
                {
                    report.Matched.Add(new("Code \"{0}\" matched {1} entry {2}.", child.Name, kind, term.Code));
                }
                else
                {
                    term = new Term
                    {
                        Kind = kind, Code = UniqueCode(code ?? Slug(name), kind, terms), NameEn = name, NameZh = name,
                        DefinitionEn = child.Description, SortOrder = terms.Where(t => t.Kind == kind).Select(t => t.SortOrder).DefaultIfEmpty().Max() + 1,
                    };
                    terms.Add(term);
                    db.Terms.Add(term);
                    report.Created.Add(new("New {0} entry {1} (\"{2}\").", kind, term.Code, name));
                }
                codeMap[child.Guid] = term;
            }
        }

        // Users
        var accounts = await db.Users.Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync();
        var userMap = new Dictionary<Guid, Who>();
        foreach (var u in project.Users)
        {
            var account = accounts.FirstOrDefault(a => u.Id is { Length: > 0 } && Same(a.Email, u.Id))
                ?? accounts.FirstOrDefault(a => Same(a.Email, u.Name) || Same(a.DisplayName, u.Name));
            if (account is not null) { userMap[u.Guid] = new(account.Id, false, u.Name, false); report.Matched.Add(new("User \"{0}\" matched the account {1}.", u.Name, account.Email ?? account.DisplayName)); }
            else if (Same(u.Name, RefiQdaExport.ConsensusUser)) { userMap[u.Guid] = new(null, true, u.Name, false); report.Matched.Add(new("User \"{0}\": consensus coding.", u.Name)); }
            else { userMap[u.Guid] = new(importerId, false, u.Name, true); report.Created.Add(new("User \"{0}\" has no account: their coding is attributed to you, with the name in the memo.", u.Name)); }
        }

        // Sources and selections
        var guide = await db.GuideVersions.Where(g => g.PublishedAt != null).OrderByDescending(g => g.Number).FirstOrDefaultAsync()
            ?? await db.GuideVersions.OrderByDescending(g => g.Number).FirstOrDefaultAsync();
        var parks = await db.Parks.ToListAsync();
        var firms = await db.Firms.ToListAsync();
        var interviews = await db.Interviews.ToListAsync();
        var transcriptTexts = await db.Transcripts.Select(t => new { t.InterviewId, t.Text }).ToListAsync();
        var plan = new Plan([], [], []);
        var targets = new NoteTargets();
        var passages = new List<(Guid, Segment)>();
        var usedInterviews = new HashSet<int>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        foreach (var source in project.Sources)
        {
            targets.Passages.Clear();   // a source skipped below takes its passages' notes with it
            var raw = source.Text ?? (source.PlainTextPath is { } path && files.TryGetValue(FileName(path), out var f) ? f : null);
            if (raw is null) { report.Problems.Add(new("Source \"{0}\": its text {1} is not in the file (looked in Sources/ and sources/).", source.Name, source.PlainTextPath ?? "")); continue; }
            var text = TranscriptText.Normalize(raw);
            if (text != raw && !(raw.StartsWith(text, StringComparison.Ordinal) && raw[text.Length..].Trim().Length == 0) && source.Selections.Count > 0)
            {
                report.Problems.Add(new("Source \"{0}\": its text is not in NFC with \\n line ends, so its positions would not match the stored text.", source.Name));
                continue;
            }

            // Every selection is checked, even of a source that turns out to be in the study already: a damaged file is refused whole.
            var transcript = new Transcript { InterviewId = 0, Text = text, UpdatedAtUtc = now, UpdatedById = importerId };
            var pending = new List<(Segment, Transcript, Dictionary<TermKind, Term>, List<Term>)>();
            foreach (var sel in source.Selections)
            {
                var start = TextPositions.ToUtf16(text, sel.Start);
                var end = TextPositions.ToUtf16(text, sel.End);
                if (start is null || end is null || start >= end)
                {
                    report.Problems.Add(new("Selection {0} in \"{1}\": positions {2}–{3} are outside the text ({4} characters) or empty.",
                        sel.Guid.ToString("D"), source.Name, sel.Start, sel.End, TextPositions.Length(text)));
                    continue;
                }
                var quote = text[start.Value..end.Value];
                if (sel.Name is { Length: > 0 } selName && TextPositions.Length(selName) == sel.End - sel.Start && selName != quote)
                {
                    report.Problems.Add(new("Selection {0} in \"{1}\": the text at {2}–{3} is \"{4}\", but the selection is named \"{5}\".",
                        sel.Guid.ToString("D"), source.Name, sel.Start, sel.End, quote, selName));
                    continue;
                }
                var dims = new Dictionary<TermKind, Term>();
                var themes = new List<Term>();
                foreach (var coding in sel.Codings)
                {
                    if (codeMap.TryGetValue(coding.CodeGuid, out var theme) && theme.Kind == TermKind.Theme)
                    {
                        if (!themes.Contains(theme)) themes.Add(theme);
                    }
                    else if (codeMap.TryGetValue(coding.CodeGuid, out var term))
                    {
                        if (dims.TryGetValue(term.Kind, out var other) && other != term)
                            report.Problems.Add(new("Selection {0} in \"{1}\" has two {2} codes ({3}, {4}); a FieldSurvey segment holds one per dimension.",
                                sel.Guid.ToString("D"), source.Name, term.Kind, other.Code, term.Code));
                        dims[term.Kind] = term;
                    }
                    else if (project.AllCodes.Any(c => c.Guid == coding.CodeGuid))
                        report.Skipped.Add(new("A coding of selection {0} in \"{1}\": its code is not one FieldSurvey imports.", sel.Guid.ToString("D"), source.Name));
                    else
                        report.Problems.Add(new("Selection {0} in \"{1}\" refers to code {2}, which is not in the codebook.", sel.Guid.ToString("D"), source.Name, coding.CodeGuid.ToString("D")));
                }
                var userGuid = sel.CreatingUser ?? sel.Codings.Select(c => c.CreatingUser).FirstOrDefault(u => u is not null) ?? project.CreatingUser;
                var who = userGuid is { } g && userMap.TryGetValue(g, out var u) ? u : new Who(importerId, false, userGuid?.ToString("D") ?? "unknown", true);
                var (partner, memo) = SplitDescription(sel.Description);
                if (who.Unmatched)
                    memo = string.Join("\n", new[] { $"{ImportedNote}; coder: {who.Original}", memo }.Where(x => !string.IsNullOrEmpty(x)));
                var segment = new Segment
                {
                    CoderId = who.Consensus ? null : who.Id, IsConsensus = who.Consensus, Start = start.Value, End = end.Value, Quote = quote,
                    PartnerName = partner, Memo = memo, Anchor = AnchorState.Anchored,
                    CreatedAtUtc = sel.CreatedUtc ?? now, UpdatedAtUtc = now,
                };
                pending.Add((segment, transcript, dims, themes));
                foreach (var note in sel.NoteRefs ?? []) targets.Passages.Add((note, segment));
            }
            var firmName = source.Name.Split(" (")[0];
            var firm = firms.FirstOrDefault(x => Same(x.NameZh, source.Name) || Same(x.NameEn, source.Name))
                ?? firms.FirstOrDefault(x => Same(x.NameZh, firmName) || Same(x.NameEn, firmName))
                ?? firms.FirstOrDefault(x => x.Id != 0 && Same(Pseudonyms.Firm(x.Id), firmName));   // our export without personal data
            Interview? interview = null;
            if (firm is not null && firm.Id != 0)
            {
                var ids = interviews.Where(i => i.FirmId == firm.Id).Select(i => i.Id).ToHashSet();
                if (transcriptTexts.Any(t => ids.Contains(t.InterviewId) && t.Text == text))
                {
                    report.Skipped.Add(new("Source \"{0}\": firm {1} already has this transcript.", source.Name, firm.NameZh));
                    continue;
                }
                // Notes on a source already in the study stay out with it.
                interview = interviews.Where(i => ids.Contains(i.Id) && !usedInterviews.Contains(i.Id))
                    .FirstOrDefault(i => transcriptTexts.All(t => t.InterviewId != i.Id));
                report.Matched.Add(new("Source \"{0}\" matched the firm {1}.", source.Name, firm.NameZh));
            }
            else if (firm is null)
            {
                var parkCode = ParkLine().Match(source.Description ?? "") is { Success: true } m ? m.Groups[1].Value.Trim() : null;
                var park = parks.FirstOrDefault(p => parkCode is not null && Same(p.Code, parkCode)) ?? parks.FirstOrDefault(p => p.Id == parkId);
                if (park is null) { report.Problems.Add(new("Source \"{0}\" matches no firm: choose the park for new firms.", source.Name)); continue; }
                firm = new Firm { NameZh = firmName, ParkId = park.Id, Notes = $"{ImportedNote} (source {source.Guid:D}), {now:yyyy-MM-dd}" };
                firms.Add(firm);
                db.Firms.Add(firm);
                report.Created.Add(new("Firm \"{0}\" in park {1} (no firm of that name).", firmName, park.Code));
            }
            if (interview is not null) usedInterviews.Add(interview.Id);
            else
            {
                if (guide is null) { report.Problems.Add(new("The study has no interview guide, so no interview can hold source \"{0}\".", source.Name)); continue; }
                interview = new Interview
                {
                    GuideVersionId = guide.Id, InterviewerId = importerId, Status = InterviewStatus.Approved,
                    InterviewDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(source.CreatedUtc ?? now, zone).DateTime),
                    CreatedAtUtc = now, Notes = $"{ImportedNote}: {source.Name}",
                };
                plan.Interviews.Add((interview, firm));
                report.Created.Add(new("Interview of {0} for source \"{1}\".", firm.NameZh, source.Name));
            }
            plan.Transcripts.Add((transcript, interview));
            plan.Segments.AddRange(pending);
            foreach (var note in source.NoteRefs ?? []) targets.Sources.Add((note, transcript, firm));
            passages.AddRange(targets.Passages);
        }
        targets.Passages.Clear();
        targets.Passages.AddRange(passages);
        await PlanMemosAsync(db, project, files, codeMap, userMap, targets, plan, importerId, now, report);
        await PlanGroupsAsync(db, project, codeMap, plan, now, report);
        return plan;
    }

    /// <summary>Where the NoteRefs of the project point: passages, sources (with their firm), codes.</summary>
    sealed class NoteTargets
    {
        public List<(Guid Note, Segment Segment)> Passages { get; } = [];
        public List<(Guid Note, Transcript Transcript, Firm Firm)> Sources { get; } = [];
    }

    /// <summary>The Description FieldSurvey gives a note that is a memo on a firm (REFI-QDA cases carry no notes).</summary>
    public const string FirmMemoMark = "FieldSurvey memo on the firm of its source";

    static async Task PlanMemosAsync(FieldSurveyDbContext db, QdaProject project, Dictionary<string, string> files,
        Dictionary<Guid, Term> codeMap, Dictionary<Guid, Who> userMap, NoteTargets targets, Plan plan, string importerId,
        DateTimeOffset now, ImportReport report)
    {
        var notes = project.Notes ?? [];
        if (notes.Count == 0) return;
        var existing = (await db.Memos.Where(m => m.DeletedAtUtc == null).Select(m => new { m.Title, m.Text }).ToListAsync())
            .Select(m => (m.Title, m.Text)).ToHashSet();
        var codeRefs = project.AllCodes.SelectMany(c => (c.NoteRefs ?? []).Select(n => (Note: n, Code: c.Guid))).ToList();
        var projectRefs = (project.NoteRefs ?? []).ToHashSet();
        foreach (var note in notes)
        {
            var text = note.Text ?? (note.PlainTextPath is { } path && files.TryGetValue(FileName(path), out var f) ? f : null);
            if (text is null) { report.Problems.Add(new("Note \"{0}\": its text {1} is not in the file.", note.Name, note.PlainTextPath ?? "")); continue; }
            text = TranscriptText.Normalize(text);
            var title = string.IsNullOrWhiteSpace(note.Name) ? ImportedNote : note.Name.Trim();
            if (title.Length > 300) title = title[..300];
            if (!existing.Add((title, text))) { report.Skipped.Add(new("Note \"{0}\": a memo with this title and text is already in the study.", title)); continue; }
            var memo = new Memo
            {
                Title = title, Text = text, CreatedAtUtc = note.CreatedUtc ?? now, UpdatedAtUtc = now,
                AuthorId = note.CreatingUser is { } u && userMap.TryGetValue(u, out var who) && !who.Consensus ? who.Id : importerId,
            };
            var passages = targets.Passages.Where(p => p.Note == note.Guid).Select(p => p.Segment).Distinct().ToList();
            var source = targets.Sources.FirstOrDefault(s => s.Note == note.Guid);
            var code = codeRefs.Where(c => c.Note == note.Guid && codeMap.ContainsKey(c.Code)).Select(c => codeMap[c.Code]).FirstOrDefault();
            PlannedMemo planned;
            if (passages.Count > 0) { memo.Target = MemoTarget.Passage; planned = new(memo, null, null, null, passages); }
            else if (code is not null) { memo.Target = MemoTarget.Code; planned = new(memo, code, null, null, []); }
            else if (source.Transcript is not null && note.Description?.StartsWith(FirmMemoMark, StringComparison.Ordinal) == true)
            { memo.Target = MemoTarget.Firm; planned = new(memo, null, null, source.Firm, []); }
            else if (source.Transcript is not null) { memo.Target = MemoTarget.Transcript; planned = new(memo, null, source.Transcript, null, []); }
            else
            {
                memo.Target = MemoTarget.Project;
                planned = new(memo, null, null, null, []);
                if (!projectRefs.Contains(note.Guid) && codeRefs.Any(c => c.Note == note.Guid))
                    report.Skipped.Add(new("Note \"{0}\" is attached to a code FieldSurvey does not import; it is kept as a project memo.", title));
            }
            plan.Memos.Add(planned);
            report.Created.Add(new(memo.Target switch
            {
                MemoTarget.Passage => "Memo \"{0}\" on {1} passages.", MemoTarget.Code => "Memo \"{0}\" on the code {1}.",
                MemoTarget.Firm => "Memo \"{0}\" on a firm.", MemoTarget.Transcript => "Memo \"{0}\" on a transcript.",
                _ => "Project memo \"{0}\".",
            }, title, passages.Count > 0 ? passages.Count : code?.Code ?? ""));
        }
    }

    static async Task PlanGroupsAsync(FieldSurveyDbContext db, QdaProject project, Dictionary<Guid, Term> codeMap, Plan plan, DateTimeOffset now, ImportReport report)
    {
        var sets = project.Sets ?? [];
        if (sets.Count == 0) return;
        var names = (await db.CodeGroups.Select(g => g.Name).ToListAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sets)
        {
            var members = set.MemberCodes.Where(codeMap.ContainsKey).Select(g => codeMap[g]).Distinct().ToList();
            if (members.Count == 0)
            {
                report.Skipped.Add(new("Set \"{0}\" was dropped: it holds no imported codes, and FieldSurvey groups codes only.", set.Name));
                continue;
            }
            if (set.MemberSources.Count + set.MemberNotes.Count > 0)
                report.Skipped.Add(new("Set \"{0}\": its {1} source and note members were dropped; FieldSurvey groups codes only.", set.Name, set.MemberSources.Count + set.MemberNotes.Count));
            var name = set.Name.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 300)] : ImportedNote;
            if (!names.Add(name)) { report.Skipped.Add(new("Set \"{0}\": a code group of that name is already in the study.", name)); continue; }
            plan.Groups.Add((new CodeGroup { Name = name, Description = set.Description, CreatedAtUtc = now }, members));
            report.Created.Add(new("Code group \"{0}\" with {1} codes.", name, members.Count));
        }
    }

    /// <summary>
    /// A code outside the dimensions and its whole subtree, as thematic codes. A code is matched to an existing
    /// thematic code by its "[code]" suffix, else by name under the same parent; otherwise it is created.
    /// </summary>
    static void ImportTheme(FieldSurveyDbContext db, QdaCode code, Term? parent, int order, List<Term> terms,
        Dictionary<Guid, Term> codeMap, ImportReport report)
    {
        var (name, suffix) = SplitName(code.Name);
        var term = terms.FirstOrDefault(t => t.Kind == TermKind.Theme && suffix is not null && t.Code == suffix)
            ?? terms.FirstOrDefault(t => t.Kind == TermKind.Theme && SameParent(t, parent) && (Same(t.NameEn, name) || Same(t.NameZh, name)));
        if (term is not null)
            report.Matched.Add(new("Code \"{0}\" matched the thematic code {1}.", code.Name, term.Code));
        else
        {
            var notes = ThemeDescription.Read(code.Description);
            name = name.Length == 0 ? "?" : name[..Math.Min(name.Length, 200)];
            term = new Term
            {
                Kind = TermKind.Theme, Code = UniqueCode(suffix ?? Slug(name), TermKind.Theme, terms), NameEn = name,
                NameZh = notes.NameZh is { Length: > 0 } zh ? zh : name, DefinitionEn = notes.DefinitionEn, DefinitionZh = notes.DefinitionZh,
                Inclusion = notes.Inclusion, Exclusion = notes.Exclusion, Example = notes.Example,
                Color = Themes.NormaliseColour(code.Color), Parent = parent, SortOrder = order,
            };
            terms.Add(term);
            db.Terms.Add(term);
            report.Created.Add(parent is null ? new("Thematic code {0} (\"{1}\").", term.Code, name)
                : new("Thematic code {0} (\"{1}\") under {2}.", term.Code, name, parent.Code));
        }
        codeMap[code.Guid] = term;
        var n = 0;
        foreach (var child in code.Children) ImportTheme(db, child, term, ++n, terms, codeMap, report);
    }

    static bool SameParent(Term t, Term? parent) =>
        parent is null ? t.ParentId is null && t.Parent is null : ReferenceEquals(t.Parent, parent) || (parent.Id != 0 && t.ParentId == parent.Id);

    static (string? Partner, string? Memo) SplitDescription(string? description)
    {
        if (string.IsNullOrEmpty(description)) return (null, null);
        if (!description.StartsWith(RefiQdaExport.PartnerPrefix, StringComparison.Ordinal)) return (null, description);
        var lines = description.Split('\n', 2);
        return (lines[0][RefiQdaExport.PartnerPrefix.Length..].Trim(), lines.Length > 1 && lines[1].Length > 0 ? lines[1] : null);
    }

    static string FileName(string path) => path.StartsWith("internal://", StringComparison.OrdinalIgnoreCase) ? path["internal://".Length..] : Path.GetFileName(path);

    static TermKind? Dimension(string name)
    {
        var (plain, code) = SplitName(name);
        foreach (var kind in Codebook.Dimensions)
            if (Same(code, kind.ToString()) || Same(plain, kind.ToString()) || Same(plain, Pages.Admin.VocabularyNames.KindName(kind)))
                return kind;
        return null;
    }

    /// <summary>"Research [research]" → ("Research", "research"); a name without a bracketed suffix has no code.</summary>
    static (string Name, string? Code) SplitName(string name) =>
        CodeSuffix().Match(name) is { Success: true } m ? (m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim()) : (name.Trim(), null);

    static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    static string Slug(string name)
    {
        var slug = NonWord().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "imported" : slug[..Math.Min(slug.Length, 40)];
    }

    static string UniqueCode(string code, TermKind kind, List<Term> terms)
    {
        code = code[..Math.Min(code.Length, 34)];   // room for "-12345" within the 40-character limit
        var candidate = code;
        var entries = terms.Select(VocabularyEntry.Of).ToList();
        for (var n = 2; VocabularyRules.Check(new VocabularyEntry(0, kind, candidate, null, true), entries).Any(); n++) candidate = $"{code}-{n}";
        return candidate;
    }

    [GeneratedRegex(@"^(.*)\[([^\[\]]+)\]\s*$")] private static partial Regex CodeSuffix();
    [GeneratedRegex(@"[^a-z0-9]+")] private static partial Regex NonWord();
    [GeneratedRegex(@"(?m)^Park:\s*(\S+)")] private static partial Regex ParkLine();
}
