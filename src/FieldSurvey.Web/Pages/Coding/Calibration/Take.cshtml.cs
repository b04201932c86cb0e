using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding.Calibration;

/// <summary>
/// A coder takes a calibration test in the annotator (the same partial and script as live coding). The JSON handlers
/// read and write only the signed-in taker's CalibrationSegments: the gold passages and other trainees' passages are
/// never sent. Whoever does not take the test gets 404, as if it did not exist; after submitting, nothing changes.
/// </summary>
public sealed class TakeModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, CodebookCache codebook) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public CalibrationSeat Seat { get; private set; } = null!;
    public AnnotateModel.TranscriptHeader Transcript { get; private set; } = null!;
    public AnnotatorView Annotator { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int testId, int? transcriptId)
    {
        if (!await LoadAsync(testId, transcriptId)) return NotFound();
        var (codes, tree) = await codebook.GetAsync(db);
        Annotator = new AnnotatorView(Transcript.Id, Transcript.Text, Seat.CanEdit, codes, tree);
        return Page();
    }

    public async Task<IActionResult> OnGetDataAsync(int testId, int transcriptId)
    {
        if (!await LoadAsync(testId, transcriptId)) return Error(404, NotYours);
        var mine = await Mine(transcriptId).OrderBy(s => s.Start).ToListAsync();
        return new JsonResult(new
        {
            length = Transcript.Text.Length, revision = Transcript.Revision, canEdit = Seat.CanEdit,
            segments = mine.Select(View),
        });
    }

    public async Task<IActionResult> OnPostSaveAsync(int testId, int transcriptId, [FromBody] SegmentInput input)
    {
        if (await RefusalAsync(testId, transcriptId) is { } refused) return refused;
        if (await SegmentEditing.ProblemAsync(db, Transcript.Text, input) is { } problem) return Error(400, problem);
        CalibrationSegment segment;
        if (input.Id is { } id)
        {
            if (await Mine(transcriptId).SingleOrDefaultAsync(s => s.Id == id) is not { } found) return Error(404, "No such segment of yours on this transcript.");
            segment = found;
        }
        else
        {
            segment = new CalibrationSegment { TestId = testId, CoderId = User.Id(), TranscriptId = transcriptId, Quote = "" };
            db.CalibrationSegments.Add(segment);
        }
        // Partner name and memo are not scored, so a test keeps only the span and its codes.
        segment.Start = input.Start;
        segment.End = input.End;
        segment.Quote = input.Quote!;
        segment.LinkageTypeId = input.TypeId;
        segment.PartnerLocationId = input.LocationId;
        segment.PartnerKindId = input.KindId;
        segment.NatureId = input.NatureId;
        segment.ThemeIds = [.. input.ThemeIds ?? []];
        segment.UpdatedAtUtc = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return new JsonResult(View(segment));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int testId, int transcriptId, [FromBody] SegmentRef target)
    {
        if (await RefusalAsync(testId, transcriptId) is { } refused) return refused;
        if (await Mine(transcriptId).SingleOrDefaultAsync(s => s.Id == target.Id) is not { } segment) return Error(404, "No such segment of yours on this transcript.");
        db.CalibrationSegments.Remove(segment);
        await db.SaveChangesAsync();
        return new JsonResult(View(segment));
    }

    // A test's passages are deleted outright (they are no evidence to keep), so the annotator's undo cannot bring one back.
    public async Task<IActionResult> OnPostRestoreAsync(int testId, int transcriptId) =>
        await RefusalAsync(testId, transcriptId) ?? Error(409, "A deleted passage of a calibration test cannot be restored; mark it again.");

    public async Task<IActionResult> OnPostSubmitAsync(int testId)
    {
        if (!await LoadAsync(testId, null)) return NotFound();
        if (Seat.CanEdit)
        {
            Seat.Taker.SubmittedAtUtc = clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        StatusMessage = t["Calibration test submitted."];
        return RedirectToPage("Results", new { testId });
    }

    IQueryable<CalibrationSegment> Mine(int transcriptId)
    {
        var me = User.Id();
        return db.CalibrationSegments.Where(s => s.TestId == Seat.Test.Id && s.CoderId == me && s.TranscriptId == transcriptId);
    }

    async Task<IActionResult?> RefusalAsync(int testId, int transcriptId)
    {
        if (!await LoadAsync(testId, transcriptId)) return Error(404, NotYours);
        return Seat.CanEdit ? null : Error(409, "You submitted this calibration test; its answers can no longer change.");
    }

    async Task<bool> LoadAsync(int testId, int? transcriptId)
    {
        if (await CalibrationSeat.FindAsync(db, testId, User.Id()) is not { } seat) return false;
        Seat = seat;
        var id = transcriptId ?? seat.TranscriptIds.FirstOrDefault();
        if (!seat.TranscriptIds.Contains(id)) return false;
        // Through the firm, so park scope applies as on the live annotator.
        var header = await db.Transcripts.AsNoTracking().Where(x => x.Id == id)
            .Join(db.Interviews, x => x.InterviewId, i => i.Id, (x, i) => new { x, i.FirmId, InterviewId = i.Id })
            .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new AnnotateModel.TranscriptHeader(x.x.Id, x.InterviewId, x.x.Text, x.x.Revision, f.NameZh, f.NameEn, f.Park!.Code))
            .SingleOrDefaultAsync();
        if (header is null) return false;
        Transcript = header;
        return true;
    }

    static SegmentView View(CalibrationSegment s) => new(s.Id, 0, s.Start, s.End, s.Quote, s.LinkageTypeId, s.PartnerLocationId,
        s.PartnerKindId, s.NatureId, null, null, nameof(AnchorState.Anchored), true, s.ThemeIds);

    const string NotYours = "No such calibration test of yours, or no such transcript in it.";

    JsonResult Error(int status, string message) => new(new { error = t[message].Value }) { StatusCode = status };
}
