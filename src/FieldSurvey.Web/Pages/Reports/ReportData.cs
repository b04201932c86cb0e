using System.Text.Json;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// Projects the database into Core's report input and computes the report. The page, the workbook, the PDF
/// and the CSV files all come through here, so their figures cannot disagree.
/// </summary>
public static class ReportData
{
    public const string ValueChainQuestion = "A6";

    /// <param name="resamples">Core's resamples behind the uncertainty (0: the point figures only; see <see cref="ReportCache"/>).</param>
    public static async Task<LoadedReport> LoadAsync(FieldSurveyDbContext db, ReportFilter filter, DateTimeOffset now,
        CancellationToken ct = default, int resamples = Uncertainty.DefaultResamples) =>
        Compute(await ReadAsync(db, filter, ct), now, resamples) with { Quotes = PassageQuotes.From(db) };

    /// <summary>The report of <paramref name="source"/>: its transcripts' counted mentions and its partner-list rows, through Core.</summary>
    public static LoadedReport Compute(ReportSource source, DateTimeOffset now, int resamples)
    {
        var mentions = new List<Mention>(source.Parts.Sum(p => p.Mentions.Count) + source.Listed.Count);
        var basis = new Dictionary<TranscriptBasis, int>();
        var times = new Dictionary<int, TimeSpan>();
        foreach (var part in source.Parts)
        {
            mentions.AddRange(part.Mentions);
            basis[part.Basis] = basis.GetValueOrDefault(part.Basis) + 1;
            foreach (var (id, at) in part.Times) times[id] = at;
        }
        mentions.AddRange(source.Listed);
        var input = source.Input with { Mentions = mentions, Transcripts = basis, Resamples = resamples };
        return source.Labels with { Report = LinkageReport.Build(input), GeneratedAtUtc = now, PassageTimes = times };
    }

    /// <summary>
    /// <paramref name="kept"/> brought up to date with the segments changed after version <paramref name="since"/> (one
    /// indexed query; only their transcripts are counted again). Valid only while nothing but segments changed since
    /// (<see cref="DataVersion.OtherChangedAt"/> at or before <paramref name="since"/>): the caller checks.
    /// </summary>
    public static async Task<ReportSource> PatchAsync(FieldSurveyDbContext db, ReportSource kept, long since, CancellationToken ct = default)
    {
        var changed = await db.Segments.AsNoTracking().Where(s => EF.Property<long>(s, ReportInputs.SegmentChangedAt) > since)
            .Select(s => new { Row = new SegmentRow(s.Id, s.TranscriptId, SegmentRow.Shared(s.CoderId), s.IsConsensus, s.LinkageTypeId, s.PartnerLocationId, s.NatureId, s.PartnerName, s.Start),
                               Deleted = s.DeletedAtUtc != null })
            .ToListAsync(ct);
        var parts = kept.Parts.ToArray();
        foreach (var transcript in changed.GroupBy(c => c.Row.TranscriptId))
        {
            if (!kept.PartAt.TryGetValue(transcript.Key, out var at)) continue;   // a transcript this report does not count
            var rows = parts[at].Segments.ToDictionary(s => s.Id);
            foreach (var c in transcript)
                if (c.Deleted) rows.Remove(c.Row.Id);
                else rows[c.Row.Id] = c.Row;
            parts[at] = kept.Counter.Count(parts[at].TranscriptId, parts[at].InterviewId, [.. rows.Values.OrderBy(s => s.Id)]);
        }
        return kept with { Parts = parts };
    }

    /// <summary>Everything the report reads, for <paramref name="filter"/>, with each transcript's segments counted.</summary>
    public static async Task<ReportSource> ReadAsync(FieldSurveyDbContext db, ReportFilter filter, CancellationToken ct = default)
    {
        var settings = await db.StudySettings.AsNoTracking().CurrentAsync(ct) ?? new StudySettings();
        var rule = ClassificationRule.FromJson(settings.ClassificationRuleJson);
        var parks = await db.Parks.AsNoTracking().Where(p => p.RetiredAt == null).OrderBy(p => p.SortOrder)
            .Select(p => new { p.Id, p.Code, p.NameEn, p.NameZh }).ToListAsync(ct);
        var parkCode = parks.ToDictionary(p => p.Id, p => p.Code);
        var terms = await db.Terms.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        var termById = terms.ToDictionary(t => t.Id);
        List<Label> Labels(TermKind kind) => terms.Where(t => t.Kind == kind && t.IsActive).Select(t => new Label(t.Code, t.NameEn, t.NameZh)).ToList();

        var interviews = filter.Interviews == InterviewFilter.Approved
            ? db.Interviews.AsNoTracking().Where(i => i.Status == InterviewStatus.Approved || i.Status == InterviewStatus.Locked)
            : db.Interviews.AsNoTracking().Where(i => i.Status != InterviewStatus.Draft);
        if (filter.From is { } from) interviews = interviews.Where(i => i.InterviewDate >= from);
        if (filter.To is { } to) interviews = interviews.Where(i => i.InterviewDate <= to);
        if (filter.Guide is { } guide) interviews = interviews.Where(i => i.GuideVersionId == guide);
        var rows = await interviews.Join(db.Firms, i => i.FirmId, f => f.Id,
                (i, f) => new { i.Id, i.FirmId, f.ParkId, f.NameZh, f.NameEn, i.RespondentName, i.GuideVersionId })
            .ToListAsync(ct);
        rows = rows.Where(r => parkCode.ContainsKey(r.ParkId) && (filter.Park is null || parkCode[r.ParkId] == filter.Park)).ToList();
        var interviewById = rows.ToDictionary(r => r.Id);
        var interviewIds = rows.Select(r => r.Id).ToList();

        // Transcripts and their segments in id order, so a report patched with changed segments lists its mentions exactly as one read afresh.
        var transcripts = (await db.Transcripts.AsNoTracking().Where(t => interviewIds.Contains(t.InterviewId))
            .Select(t => new { t.Id, t.InterviewId }).ToListAsync(ct)).OrderBy(t => t.Id).ToList();
        var transcriptIds = transcripts.Select(t => t.Id).ToList();
        var segments = await db.Segments.AsNoTracking()
            .Where(s => transcriptIds.Contains(s.TranscriptId) && s.DeletedAtUtc == null)
            .Select(s => new SegmentRow(s.Id, s.TranscriptId, SegmentRow.Shared(s.CoderId), s.IsConsensus, s.LinkageTypeId, s.PartnerLocationId, s.NatureId, s.PartnerName, s.Start))
            .ToListAsync(ct);
        // Each passage's time in the recording (its turn's marker), as the passage CSV of the search page gives it. Only the
        // texts that can hold a marker are read: most transcripts have none, and the texts are the largest column.
        var timedTexts = await db.Transcripts.AsNoTracking()
            .Where(t => transcriptIds.Contains(t.Id) && (t.Text.Contains("[") || t.Text.Contains("【")))
            .Select(t => new { t.Id, t.Text }).ToListAsync(ct);
        var assignments = await db.CodingAssignments.AsNoTracking().Where(a => transcriptIds.Contains(a.TranscriptId))
            .OrderBy(a => a.AssignedAtUtc).ThenBy(a => a.Id).Select(a => new { a.TranscriptId, a.CoderId }).ToListAsync(ct);
        var decisions = await db.AdjudicationDecisions.AsNoTracking().Where(d => transcriptIds.Contains(d.TranscriptId))
            .Select(d => new { d.TranscriptId, d.SegmentAId, d.SegmentBId, d.Kind, d.ConsensusSegmentId }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var counter = new TranscriptCounter(ToMention, id => (interviewById[id].FirmId, interviewById[id].ParkId),
            timedTexts.ToDictionary(t => t.Id, t => TranscriptTurns.Parse(t.Text)),
            assignments.ToLookup(a => a.TranscriptId, a => a.CoderId),
            decisions.ToLookup(d => d.TranscriptId,
                d => new UnitDecisionRef(d.SegmentAId, d.SegmentBId, d.Kind == Core.Agreement.DecisionKind.Reject, d.ConsensusSegmentId)),
            users);
        var segmentsByTranscript = segments.ToLookup(s => s.TranscriptId);
        var parts = transcripts.Select(t => counter.Count(t.Id, t.InterviewId, [.. segmentsByTranscript[t.Id].OrderBy(s => s.Id)])).ToArray();

        var listed = new List<Mention>();
        var partnerRows = await db.PartnerRows.AsNoTracking().Where(p => interviewIds.Contains(p.InterviewId)).OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var p in partnerRows)
        {
            var interview = interviewById[p.InterviewId];
            var text = string.IsNullOrWhiteSpace(p.Activity) ? p.PartnerName : $"{p.PartnerName}: {p.Activity}";
            if (ToMention(interview.FirmId, interview.ParkId, interview.Id, p.LinkageTypeId, p.PartnerLocationId, p.NatureId,
                    MentionSource.PartnerList, p.Id, text, null, p.PartnerName) is { } m)
                listed.Add(m);
        }

        var answers = await db.Answers.AsNoTracking().Where(a => interviewIds.Contains(a.InterviewId) && a.QuestionId == ValueChainQuestion)
            .Select(a => new { a.InterviewId, a.Value }).ToListAsync(ct);
        var activities = answers.ToLookup(a => interviewById[a.InterviewId].FirmId, a => ParseCodes(a.Value));
        var firms = rows.GroupBy(r => r.FirmId).Select(g => new FirmProfile(g.Key, parkCode[g.First().ParkId],
            activities[g.Key].SelectMany(a => a).Distinct().ToList())).ToList();

        // Which park each relation question (F1–F3) asks about is the guide's data (aboutPark), read from the versions
        // the counted interviews were taken with, oldest first.
        // One read of the guide versions serves this and the page's filter list below (a study has a handful of them).
        var guideIds = rows.Select(r => r.GuideVersionId).ToHashSet();
        var guides = await db.GuideVersions.AsNoTracking().OrderBy(g => g.Number)
            .Select(g => new { g.Id, g.Number, g.TitleEn, g.TitleZh, g.DefinitionJson }).ToListAsync(ct);
        var relations = SurveyQuestions.Relations(guides.Where(g => guideIds.Contains(g.Id))
            .Select(g => GuideParser.Parse(g.DefinitionJson).Guide).OfType<Guide>());
        var input = new ReportInput(parks.Select(p => new Label(p.Code, p.NameEn, p.NameZh)).ToList(), Labels(TermKind.PartnerLocation),
            Labels(TermKind.LinkageType), Labels(TermKind.ValueChainActivity), [], firms, new Dictionary<TranscriptBasis, int>(), rule, filter.Source)
        {
            Answers = await SurveyAnswersAsync(db, interviewIds, relations, id => (interviewById[id].FirmId, parkCode[interviewById[id].ParkId]), ct),
            RelationQuestions = relations,
        };
        var latest = await db.ClassificationJudgements.AsNoTracking().OrderByDescending(j => j.DecidedAtUtc).ThenByDescending(j => j.Id).ToListAsync(ct);
        // The report page's filter lists (parks, and the guide versions read above) are kept with the report, so a kept page reads nothing else.
        var labels = new LoadedReport(null!, filter, settings.TitleEn, settings.TitleZh,
            rows.GroupBy(r => r.FirmId).ToDictionary(g => g.Key, g => new FirmName(g.Key, g.First().NameZh, g.First().NameEn, parkCode[g.First().ParkId])),
            rows.ToDictionary(r => r.Id, r => r.RespondentName),
            latest.GroupBy(j => j.Scope).ToDictionary(g => g.Key, g => g.First()), users, default)
        {
            // Every nature, retired ones too: old passages keep their code and still need a label.
            Natures = terms.Where(t => t.Kind == TermKind.Nature).Select(t => new Label(t.Code, t.NameEn, t.NameZh)).ToList(),
            FilterParks = (await db.Parks.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Code, p.NameEn, p.NameZh }).ToListAsync(ct))
                .Select(p => new Label(p.Code, p.NameEn, p.NameZh)).ToList(),
            FilterGuides = guides.Select(g => (g.Id, new Label($"v{g.Number}", g.TitleEn, g.TitleZh))).ToList(),
        };
        return new ReportSource(input, labels, parts, transcripts.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i), listed, counter);

        Mention? ToMention(int firmId, int focalParkId, int interviewId, int? typeId, int? locationId, int? natureId,
            MentionSource source, int evidenceId, string text, string? coder, string? partnerName)
        {
            if (typeId is null || locationId is null || !termById.TryGetValue(typeId.Value, out var type)
                || !termById.TryGetValue(locationId.Value, out var location) || location.Level is null) return null;
            var partnerPark = location.ParkId is { } pid && parkCode.TryGetValue(pid, out var code) ? code : null;
            var scope = Scopes.Of(focalParkId, location.Level.Value, location.ParkId);
            var nature = natureId is { } n && termById.TryGetValue(n, out var nt) ? nt.Code : null;
            return new Mention(firmId, parkCode[focalParkId], location.Code, partnerPark, scope, type.Code, nature, source,
                evidenceId, text, coder, partnerName, interviewId);
        }
    }

    /// <summary>
    /// The structured answers the survey indicators read (C3/C4, D2/D3, E3, F1–F3 and A2 for the employee weights), one per
    /// firm and question: a firm interviewed twice keeps its latest interview's answer.
    /// </summary>
    static async Task<IReadOnlyList<SurveyAnswer>> SurveyAnswersAsync(FieldSurveyDbContext db, List<int> interviewIds,
        IReadOnlyDictionary<string, string> relations, Func<int, (int FirmId, string Park)> firmOf, CancellationToken ct)
    {
        var questions = SurveyQuestions.All(relations).ToList();
        var answers = await db.Answers.AsNoTracking().Where(a => interviewIds.Contains(a.InterviewId) && questions.Contains(a.QuestionId))
            .OrderBy(a => a.InterviewId).Select(a => new { a.InterviewId, a.QuestionId, a.Value }).ToListAsync(ct);
        return answers.Select(a => (Firm: firmOf(a.InterviewId), a.QuestionId, a.Value))
            .GroupBy(a => (a.Firm.FirmId, a.QuestionId)).Select(g => g.Last())
            .Select(a => new SurveyAnswer(a.Firm.FirmId, a.Firm.Park, a.QuestionId, a.Value)).ToList();
    }

    static IReadOnlyList<string> ParseCodes(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try { return JsonSerializer.Deserialize<List<string>>(json) ?? []; }
        catch (JsonException) { return []; }
    }
}
