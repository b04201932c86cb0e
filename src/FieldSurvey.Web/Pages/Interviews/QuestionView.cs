using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>
/// What _Question.cshtml renders: one question with its stored answer or partner rows, and the reasons a
/// submit was refused at this question (none unless the page comes back from a refused submit).
/// </summary>
public sealed record QuestionView(ResolvedGuide Guide, GuideQuestion Question, Answer? Answer, IReadOnlyList<PartnerRow> Partners,
    bool Chinese, bool Shown, IReadOnlyList<string>? Problems = null);
