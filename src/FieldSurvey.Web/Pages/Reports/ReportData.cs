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
        CancellationToken ct = default, int resamples = Uncertainty.DefaultResamples)
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

        var transcripts = await db.Transcripts.AsNoTracking().Where(t => interviewIds.Contains(t.InterviewId))
            .Select(t => new { t.Id, t.InterviewId }).ToListAsync(ct);
        var transcriptIds = transcripts.Select(t => t.Id).ToList();
        var segments = await db.Segments.AsNoTracking()
            .Where(s => transcriptIds.Contains(s.TranscriptId) && s.DeletedAtUtc == null)
            .Select(s => new { s.Id, s.TranscriptId, s.CoderId, s.IsConsensus, s.Quote, s.LinkageTypeId, s.PartnerLocationId, s.NatureId, s.PartnerName, s.Start })
            .ToListAsync(ct);
        // Each passage's time in the recording (its turn's marker), as the passage CSV of the search page gives it. Only the
        // texts that can hold a marker are read: most transcripts have none, and the texts are the largest column.
        var timedTexts = await db.Transcripts.AsNoTracking()
            .Where(t => transcriptIds.Contains(t.Id) && (t.Text.Contains("[") || t.Text.Contains("【")))
            .Select(t => new { t.Id, t.Text }).ToListAsync(ct);
        var turnsByTranscript = timedTexts.ToDictionary(t => t.Id, t => TranscriptTurns.Parse(t.Text));
        var passageTimes = new Dictionary<int, TimeSpan>();
        var assignments = await db.CodingAssignments.AsNoTracking().Where(a => transcriptIds.Contains(a.TranscriptId))
            .OrderBy(a => a.AssignedAtUtc).ThenBy(a => a.Id).Select(a => new { a.TranscriptId, a.CoderId }).ToListAsync(ct);
        var decisions = await db.AdjudicationDecisions.AsNoTracking().Where(d => transcriptIds.Contains(d.TranscriptId))
            .Select(d => new { d.TranscriptId, d.SegmentAId, d.SegmentBId, d.Kind, d.ConsensusSegmentId }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var mentions = new List<Mention>();
        var basis = new Dictionary<TranscriptBasis, int>();
        var segmentsByTranscript = segments.ToLookup(s => s.TranscriptId);
        var assignmentsByTranscript = assignments.ToLookup(a => a.TranscriptId, a => a.CoderId);
        var decisionsByTranscript = decisions.ToLookup(d => d.TranscriptId,
            d => new UnitDecisionRef(d.SegmentAId, d.SegmentBId, d.Kind == Core.Agreement.DecisionKind.Reject, d.ConsensusSegmentId));
        foreach (var transcript in transcripts)
        {
            var own = segmentsByTranscript[transcript.Id].ToList();
            var count = CountingRule.Count(own.Select(s => new CodedSegmentRef(s.Id, s.CoderId, s.IsConsensus)).ToList(),
                assignmentsByTranscript[transcript.Id].ToList(), decisionsByTranscript[transcript.Id].ToList());
            basis[count.Basis] = basis.GetValueOrDefault(count.Basis) + 1;
            var provisional = count.Counted.ToDictionary(c => c.Id, c => c.Provisional);
            var interview = interviewById[transcript.InterviewId];
            foreach (var s in own.Where(s => provisional.ContainsKey(s.Id)))
                if (ToMention(interview.FirmId, interview.ParkId, interview.Id, s.LinkageTypeId, s.PartnerLocationId, s.NatureId,
                        MentionSource.Coded, s.Id, s.Quote, s.CoderId is null ? "consensus" : users.GetValueOrDefault(s.CoderId), s.PartnerName) is { } m)
                {
                    mentions.Add(provisional[s.Id] ? m with { Provisional = true } : m);
                    if (turnsByTranscript.TryGetValue(transcript.Id, out var turns) && TurnTimes.AtOffset(turns, s.Start) is { } at) passageTimes[s.Id] = at;
                }
        }
        var partnerRows = await db.PartnerRows.AsNoTracking().Where(p => interviewIds.Contains(p.InterviewId)).OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var p in partnerRows)
        {
            var interview = interviewById[p.InterviewId];
            var text = string.IsNullOrWhiteSpace(p.Activity) ? p.PartnerName : $"{p.PartnerName}: {p.Activity}";
            if (ToMention(interview.FirmId, interview.ParkId, interview.Id, p.LinkageTypeId, p.PartnerLocationId, p.NatureId,
                    MentionSource.PartnerList, p.Id, text, null, p.PartnerName) is { } m)
                mentions.Add(m);
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
            Labels(TermKind.LinkageType), Labels(TermKind.ValueChainActivity), mentions, firms, basis, rule, filter.Source)
        {
            Answers = await SurveyAnswersAsync(db, interviewIds, relations, id => (interviewById[id].FirmId, parkCode[interviewById[id].ParkId]), ct),
            RelationQuestions = relations,
            Resamples = resamples,
        };
        var latest = await db.ClassificationJudgements.AsNoTracking().OrderByDescending(j => j.DecidedAtUtc).ThenByDescending(j => j.Id).ToListAsync(ct);
        // The report page's filter lists (parks, and the guide versions read above) are kept with the report, so a kept page reads nothing else.
        return new LoadedReport(LinkageReport.Build(input), filter, settings.TitleEn, settings.TitleZh,
            rows.GroupBy(r => r.FirmId).ToDictionary(g => g.Key, g => new FirmName(g.Key, g.First().NameZh, g.First().NameEn, parkCode[g.First().ParkId])),
            rows.ToDictionary(r => r.Id, r => r.RespondentName),
            latest.GroupBy(j => j.Scope).ToDictionary(g => g.Key, g => g.First()), users, now)
        {
            // Every nature, retired ones too: old passages keep their code and still need a label.
            Natures = terms.Where(t => t.Kind == TermKind.Nature).Select(t => new Label(t.Code, t.NameEn, t.NameZh)).ToList(),
            PassageTimes = passageTimes,
            FilterParks = (await db.Parks.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Code, p.NameEn, p.NameZh }).ToListAsync(ct))
                .Select(p => new Label(p.Code, p.NameEn, p.NameZh)).ToList(),
            FilterGuides = guides.Select(g => (g.Id, new Label($"v{g.Number}", g.TitleEn, g.TitleZh))).ToList(),
        };

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
