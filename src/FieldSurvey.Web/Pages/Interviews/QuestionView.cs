using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>What _Question.cshtml renders: one question with its stored answer or partner rows.</summary>
public sealed record QuestionView(ResolvedGuide Guide, GuideQuestion Question, Answer? Answer, IReadOnlyList<PartnerRow> Partners,
    bool Chinese, bool Shown);
