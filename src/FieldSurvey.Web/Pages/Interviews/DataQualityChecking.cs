using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>One interview's answers as the data-quality checks read them.</summary>
public sealed record InterviewAnswers(int InterviewId, int GuideVersionId, IReadOnlyDictionary<string, (string? Value, BlankReason? Blank)> Answers,
    IReadOnlyDictionary<string, int> PartnerRows);

/// <summary>
/// Runs <see cref="DataQualityChecks"/> for the capture page, the review page and the study-wide report, so the three
/// find the same things. The study behind the outlier check is every interview past draft (submitted, returned, approved,
/// locked) that the reader may see; each interview is compared with the others (its own value taken out).
/// </summary>
public static class DataQualityChecking
{
    public static IQueryable<Interview> InStudy(this IQueryable<Interview> interviews) =>
        interviews.Where(i => i.Status != InterviewStatus.Draft);

    public static async Task<List<DataQualityRule>> ActiveRulesAsync(this FieldSurveyDbContext db) =>
        await db.DataQualityRules.AsNoTracking().Where(r => !r.Retired).OrderBy(r => r.Id).ToListAsync();

    public static async Task<Dictionary<int, InterviewAnswers>> AnswersAsync(this FieldSurveyDbContext db, IQueryable<Interview> interviews)
    {
        var heads = await interviews.Select(i => new { i.Id, i.GuideVersionId }).ToListAsync();
        var ids = heads.Select(h => h.Id).ToList();
        var answers = await db.Answers.AsNoTracking().Where(a => ids.Contains(a.InterviewId))
            .Select(a => new { a.InterviewId, a.QuestionId, a.Value, a.BlankReason }).ToListAsync();
        var rows = await db.PartnerRows.AsNoTracking().Where(p => ids.Contains(p.InterviewId))
            .GroupBy(p => new { p.InterviewId, p.QuestionId }).Select(g => new { g.Key.InterviewId, g.Key.QuestionId, N = g.Count() }).ToListAsync();
        var byInterview = answers.ToLookup(a => a.InterviewId);
        var rowsBy = rows.ToLookup(r => r.InterviewId);
        return heads.ToDictionary(h => h.Id, h => new InterviewAnswers(h.Id, h.GuideVersionId,
            byInterview[h.Id].ToDictionary(a => a.QuestionId, a => (a.Value, a.BlankReason)),
            rowsBy[h.Id].ToDictionary(r => r.QuestionId, r => r.N)));
    }

    /// <summary>Each number question's values over the study, by interview, read against the interview's own guide version.</summary>
    public static StudyNumbers Numbers(IEnumerable<InterviewAnswers> study, Func<int, ResolvedGuide> guideOf)
    {
        var values = new Dictionary<(int, string), decimal>();
        foreach (var i in study)
        {
            var guide = guideOf(i.GuideVersionId).Guide;
            foreach (var (qid, (value, _)) in i.Answers)
                if (guide.Find(qid) is { Kind: QuestionType.Integer or QuestionType.Decimal } && value is not null && AnswerFormat.TryNumber(value, out var n))
                    values[(i.InterviewId, qid)] = n;
        }
        return new StudyNumbers(values);
    }

    public static IReadOnlyList<DataQualityFinding> Check(ResolvedGuide guide, InterviewAnswers interview, StudyNumbers study,
        IReadOnlyList<DataQualityRule> rules) =>
        DataQualityChecks.Run(guide.Guide, guide.OptionsOf, interview.Answers, study.Others(interview.InterviewId),
            rules.Select(r => new DataQualityRuleText(r.Id, r.Expression, r.Severity)).ToList(),
            qid => interview.PartnerRows.GetValueOrDefault(qid));

    /// <summary>The guide versions by id, each with the vocabulary resolved once.</summary>
    public static async Task<Func<int, ResolvedGuide>> GuidesAsync(this FieldSurveyDbContext db)
    {
        var terms = await db.Terms.AsNoTracking().ToListAsync();
        var versions = await db.GuideVersions.AsNoTracking().Select(g => new { g.Id, g.Number, g.DefinitionJson }).ToListAsync();
        var cache = versions.ToDictionary(v => v.Id, v => new Lazy<ResolvedGuide>(() => new ResolvedGuide(GuideParser.Parse(v.DefinitionJson).Guide
            ?? throw new InvalidDataException($"Guide version {v.Id} does not parse."), terms, v.Number)));
        return id => cache[id].Value;
    }

    /// <summary>Interview ids with unresolved queries, of those given.</summary>
    public static IQueryable<DataQuery> Unresolved(this IQueryable<DataQuery> queries) =>
        queries.Where(q => q.Status == DataQueryStatus.Open || q.Status == DataQueryStatus.Answered);
}

/// <summary>Number answers over the study: (interview, question) → value. <see cref="Others"/> leaves one interview out.</summary>
public sealed class StudyNumbers(IReadOnlyDictionary<(int InterviewId, string QuestionId), decimal> values)
{
    readonly Dictionary<string, NumericSummary> all = values.GroupBy(kv => kv.Key.QuestionId)
        .ToDictionary(g => g.Key, g => NumericSummary.Of(g.Select(kv => kv.Value)));

    public IReadOnlyDictionary<string, NumericSummary> Others(int interviewId) => all.ToDictionary(kv => kv.Key,
        kv => values.TryGetValue((interviewId, kv.Key), out var own) ? kv.Value.Without(own) : kv.Value);
}

public static class DataQualityWarnings
{
    /// <summary>Checks that <see cref="AnswerRules"/> already reports as the answer's own problems.</summary>
    static readonly HashSet<string> AnswerOwn = ["required", "range", "split-sum", "invalid"];

    /// <summary>
    /// What the capture page shows beside a just-saved answer: the findings about it that the answer's own check does not
    /// already say (a part above its total, an outlier, a PI rule). Warnings only: the answer is saved either way.
    /// </summary>
    public static async Task<List<string>> WarningsAsync(this FieldSurveyDbContext db, int interviewId, ResolvedGuide guide, string questionId,
        Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        var mine = (await db.AnswersAsync(db.Interviews.Where(i => i.Id == interviewId)))[interviewId];
        var numbers = new Dictionary<(int, string), decimal>();
        if (guide.Guide.Find(questionId) is { Kind: QuestionType.Integer or QuestionType.Decimal })
        {
            var study = db.Interviews.InStudy().Where(i => i.Id != interviewId).Select(i => i.Id);
            foreach (var a in await db.Answers.AsNoTracking().Where(a => a.QuestionId == questionId && a.Value != null && study.Contains(a.InterviewId))
                         .Select(a => new { a.InterviewId, a.Value }).ToListAsync())
                if (AnswerFormat.TryNumber(a.Value!, out var n)) numbers[(a.InterviewId, questionId)] = n;
        }
        var rules = await db.ActiveRulesAsync();
        var byId = rules.ToDictionary(r => r.Id);
        return DataQualityChecking.Check(guide, mine, new StudyNumbers(numbers), rules)
            .Where(f => f.QuestionIds.Contains(questionId) && !AnswerOwn.Contains(f.Rule))
            .Select(f => DataQualityText.Finding(t, f, byId, Infrastructure.DisplayNames.Chinese)).ToList();
    }
}
