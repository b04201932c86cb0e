using System.Security.Claims;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>A guide version with its vocabulary-based options resolved: what the capture and review pages render.</summary>
public sealed class ResolvedGuide(Guide guide, IReadOnlyList<Term> terms, int number = 0)
{
    public int Number { get; } = number;
    public Guide Guide { get; } = guide;
    public IReadOnlyList<Term> Terms { get; } = terms;

    /// <summary>A choice question's options, or a split question's parts, from the guide or from the vocabulary it names.</summary>
    public IReadOnlyList<GuideOption> OptionsOf(GuideQuestion q)
    {
        var kindName = q.Kind == QuestionType.Split ? q.PartsFrom ?? q.OptionsFrom : q.OptionsFrom;
        if (kindName is not null && Enum.TryParse<TermKind>(kindName, out var kind))
            return TermsOf(kind).Select(t => new GuideOption(t.Code, t.NameEn, t.NameZh)).ToList();
        return q.Options ?? [];
    }

    public IReadOnlyList<Term> TermsOf(TermKind kind) => Terms.Where(t => t.Kind == kind && t.IsActive).OrderBy(t => t.SortOrder).ToList();

    public int? LinkageTypeId(GuideQuestion q) =>
        Terms.FirstOrDefault(t => t.Kind == TermKind.LinkageType && t.Code == q.LinkageType)?.Id;
}

public static class InterviewGuides
{
    /// <summary>The interviews a person may open: all for a PI, their own for an interviewer (no IDOR by id).</summary>
    public static IQueryable<Interview> VisibleTo(this IQueryable<Interview> interviews, ClaimsPrincipal user)
    {
        if (user.IsPI()) return interviews;
        var id = user.Id();
        return interviews.Where(i => i.InterviewerId == id);
    }

    public static async Task<ResolvedGuide> ResolveGuideAsync(this FieldSurveyDbContext db, int guideVersionId)
    {
        var version = await db.GuideVersions.AsNoTracking().Where(g => g.Id == guideVersionId).Select(g => new { g.DefinitionJson, g.Number }).SingleAsync();
        var parsed = GuideParser.Parse(version.DefinitionJson);
        // Published versions were checked when published; a version that no longer parses is a bug to see, not hide.
        var guide = parsed.Guide ?? throw new InvalidDataException($"Guide version {guideVersionId} does not parse: {parsed.Problems[0].Message}");
        return new ResolvedGuide(guide, await db.Terms.AsNoTracking().ToListAsync(), version.Number);
    }

    /// <summary>An answer as a reader sees it ("Other: 医院", "ZLS 50 · BJ 50").</summary>
    public static string Describe(this ResolvedGuide guide, GuideQuestion q, string? value, bool chinese)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var options = guide.OptionsOf(q);
        string Label(string code) => AnswerFormat.OtherText(code) is { } other ? (chinese ? $"其他：{other}" : $"Other: {other}")
            : options.FirstOrDefault(o => o.Code == code)?.Label(chinese) ?? code;
        return q.Kind switch
        {
            QuestionType.Single => Label(value),
            QuestionType.Multiple => AnswerFormat.Multiple(value) is { } codes ? string.Join("; ", codes.Select(Label)) : value,
            QuestionType.Split => AnswerFormat.Split(value) is { } split
                ? string.Join(" · ", split.Select(kv => $"{Label(kv.Key)} {kv.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}%")) : value,
            _ => value + (q.Unit is { } unit ? " " + unit : ""),
        };
    }
}
