using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using FieldSurvey.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>What the capture page's script posts for one answer: the version it loaded (-1: there was no answer yet).</summary>
public sealed record AnswerSave(string QuestionId, string? Value, string? BlankReason, int Version)
{
    /// <summary>The reason by name ("Refused", "DontKnow", "NotApplicable"); anything else is no reason.</summary>
    public BlankReason? Reason => Enum.TryParse<BlankReason>(BlankReason, out var r) && Enum.IsDefined(r) ? r : null;
}

public sealed record PartnerSaveRow(int? Id, int Version, string? PartnerName, int? PartnerKindId, int? PartnerLocationId,
    int? NatureId, int? SinceYear, string? Activity);

public sealed record PartnerRemoval(int Id, int Version);

public sealed record PartnersSave(string QuestionId, IReadOnlyList<PartnerSaveRow> Rows, IReadOnlyList<PartnerRemoval>? Removed);

/// <summary>Outcome of a save: HTTP status and the JSON body the script reads.</summary>
public sealed record SaveResult(int Status, object Body);

/// <summary>
/// Autosave of answers and partner lists. A save carries the version the person loaded; when the stored
/// answer moved on since, the save is refused (409) with the stored value, never written over. A repeated
/// save of the value already stored (a retry whose first reply was lost) succeeds.
/// </summary>
public static class CaptureSaving
{
    public static async Task<SaveResult> SaveAnswerAsync(this FieldSurveyDbContext db, Interview interview, ResolvedGuide guide,
        AnswerSave save, IStringLocalizer t)
    {
        var question = guide.Guide.Find(save.QuestionId);
        if (question is null || question.Kind == QuestionType.Partners)
            return new(400, new { message = t["This question is not in the interview's guide."].Value });
        var value = string.IsNullOrWhiteSpace(save.Value) ? null : save.Value.Normalize(System.Text.NormalizationForm.FormC);
        var blank = value is null ? save.Reason : null;

        var answer = await db.Answers.SingleOrDefaultAsync(a => a.InterviewId == interview.Id && a.QuestionId == question.Id);
        var same = answer is not null && answer.Value == value && answer.BlankReason == blank;
        if (answer is not null && !same && answer.Version != save.Version)
            return Conflict(answer, guide, question, t);
        if (answer is null)
        {
            answer = new Answer { InterviewId = interview.Id, QuestionId = question.Id };
            db.Answers.Add(answer);
        }
        else if (!same) db.ExpectVersion(answer, save.Version);
        answer.Value = value;
        answer.BlankReason = blank;
        if (!await db.TrySaveAsync())
        {
            var theirs = await db.Answers.AsNoTracking().SingleAsync(a => a.InterviewId == interview.Id && a.QuestionId == question.Id);
            return Conflict(theirs, guide, question, t);
        }
        var problems = AnswerRules.Check(question, value, blank, guide.OptionsOf(question)).Select(p => t[p.Message, p.Args].Value);
        // Data-quality findings about this answer come back as warnings: the answer is saved all the same (issue 24).
        var warnings = await db.WarningsAsync(interview.Id, guide, question.Id, t);
        return new(200, new { version = answer.Version, problems, warnings });
    }

    // "shown" is the stored answer as a reader sees it (option labels, translated blank reason).
    static SaveResult Conflict(Answer theirs, ResolvedGuide guide, GuideQuestion question, IStringLocalizer t) => new(409, new
    {
        message = t["Someone else changed this answer since you opened the page. Your answer was not saved; theirs is shown below. Keep yours to save it over theirs."].Value,
        theirs = new
        {
            value = theirs.Value, blankReason = theirs.BlankReason?.ToString(), version = theirs.Version,
            shown = theirs.BlankReason is { } blank ? t[blank.Label()].Value : guide.Describe(question, theirs.Value, DisplayNames.Chinese),
        },
    });

    public static async Task<SaveResult> SavePartnersAsync(this FieldSurveyDbContext db, Interview interview, ResolvedGuide guide,
        PartnersSave save, int currentYear, IStringLocalizer t)
    {
        var question = guide.Guide.Find(save.QuestionId);
        if (question?.Kind != QuestionType.Partners)
            return new(400, new { message = t["This question is not a partner list of the interview's guide."].Value });
        var problems = save.Rows.Select((r, i) => (Index: i, Messages: PartnerRules
                .Check(new(r.PartnerName, r.PartnerKindId, r.PartnerLocationId, r.SinceYear), currentYear)
                .Select(p => t[p.Message, p.Args].Value).ToList()))
            .Where(p => p.Messages.Count > 0).ToList();
        if (problems.Count > 0) return new(422, new { problems = problems.Select(p => new { index = p.Index, messages = p.Messages }) });

        var stored = await db.PartnerRows.Where(p => p.InterviewId == interview.Id && p.QuestionId == question.Id).ToListAsync();
        var linkage = guide.LinkageTypeId(question);
        var saved = new List<PartnerRow>();
        foreach (var (r, i) in save.Rows.Select((r, i) => (r, i)))
        {
            PartnerRow row;
            if (r.Id is { } id)
            {
                if (stored.FirstOrDefault(s => s.Id == id) is not { } found) return PartnersConflict(stored, t);
                row = found;
                db.ExpectVersion(row, r.Version);
            }
            else
            {
                row = new PartnerRow { InterviewId = interview.Id, QuestionId = question.Id, PartnerName = "" };
                db.PartnerRows.Add(row);
            }
            row.RowNumber = i + 1;
            row.PartnerName = r.PartnerName!.Trim().Normalize(System.Text.NormalizationForm.FormC);
            (row.PartnerKindId, row.PartnerLocationId, row.NatureId) = (r.PartnerKindId, r.PartnerLocationId, r.NatureId);
            row.SinceYear = r.SinceYear;
            row.Activity = string.IsNullOrWhiteSpace(r.Activity) ? null : r.Activity.Trim().Normalize(System.Text.NormalizationForm.FormC);
            row.LinkageTypeId = linkage;
            saved.Add(row);
        }
        foreach (var removal in save.Removed ?? [])
        {
            if (stored.FirstOrDefault(s => s.Id == removal.Id) is not { } gone) continue; // already removed
            db.ExpectVersion(gone, removal.Version);
            db.PartnerRows.Remove(gone);
        }
        if (!await db.TrySaveAsync())
            return PartnersConflict(await db.PartnerRows.AsNoTracking()
                .Where(p => p.InterviewId == interview.Id && p.QuestionId == question.Id).ToListAsync(), t);
        return new(200, new { rows = saved.Select(r => new { id = r.Id, version = r.Version }) });
    }

    static SaveResult PartnersConflict(List<PartnerRow> theirs, IStringLocalizer t) => new(409, new
    {
        message = t["Someone else changed this partner list since you opened the page. Your rows were not saved; theirs are shown below."].Value,
        theirs = theirs.OrderBy(r => r.RowNumber).Select(Row),
    });

    public static object Row(PartnerRow r) => new
    {
        id = r.Id, version = r.Version, partnerName = r.PartnerName, partnerKindId = r.PartnerKindId,
        partnerLocationId = r.PartnerLocationId, natureId = r.NatureId, sinceYear = r.SinceYear, activity = r.Activity,
    };
}
