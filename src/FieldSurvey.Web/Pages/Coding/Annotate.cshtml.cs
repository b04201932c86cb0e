using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>
/// The annotator. The page carries the transcript text and the codebook; segments travel as JSON through the
/// handlers below, which check who may see and change what (blind double coding, own segments only).
/// </summary>
public sealed class AnnotateModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, CodebookCache codebook) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public TranscriptHeader? Transcript { get; private set; }
    public CodingAccess Access { get; private set; } = null!;
    public IReadOnlyList<Term> Codes { get; private set; } = [];
    public Interviews.PlayerView Player { get; private set; } = new([]);
    /// <summary>The active thematic codes in tree order, for the quick filter box.</summary>
    public IReadOnlyList<(Term Term, int Depth)> ThemeTree { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int transcriptId)
    {
        if (!await LoadAsync(transcriptId)) return NotFound();
        if (!Access.CanOpen) return Forbid();
        (Codes, ThemeTree) = await codebook.GetAsync(db);
        Player = await Interviews.RecordingAccess.PlayerForTranscriptAsync(db, User, Transcript!.InterviewId, Transcript.Text);
        return Page();
    }

    public async Task<IActionResult> OnGetDataAsync(int transcriptId)
    {
        if (!await LoadAsync(transcriptId)) return Error(404, "No such transcript.");
        if (!Access.CanOpen) return Error(403, "You are not assigned to this transcript.");
        var segments = await db.Segments.AsNoTracking()
            .Where(s => s.TranscriptId == transcriptId && s.DeletedAtUtc == null && !s.IsConsensus).OrderBy(s => s.Start).ToListAsync();
        var me = User.Id();
        var visible = segments.Where(s => s.CoderId == me || Access.SeesOthers).ToList();
        var themes = await SegmentEditing.ThemesOfAsync(db, visible.Select(s => s.Id).ToList());
        return new JsonResult(new
        {
            length = Transcript!.Text.Length, revision = Transcript.Revision, canEdit = Access.CanEdit,
            segments = visible.Select(s => SegmentView.Of(s, me, themes[s.Id].ToList())),
        });
    }

    public async Task<IActionResult> OnPostSaveAsync(int transcriptId, [FromBody] SegmentInput input)
    {
        if (await RefusalAsync(transcriptId) is { } refused) return refused;
        if (await SegmentEditing.ProblemAsync(db, Transcript!.Text, input) is { } problem) return Error(400, problem);
        Segment segment;
        if (input.Id is { } id)
        {
            if (await OwnAsync(transcriptId, id) is not { } found) return Error(404, "No such segment of yours on this transcript.");
            segment = found;
            db.ExpectVersion(segment, input.Version);
        }
        else
        {
            segment = new Segment { TranscriptId = transcriptId, CoderId = User.Id(), Quote = "", CreatedAtUtc = clock.GetUtcNow() };
            db.Segments.Add(segment);
        }
        SegmentEditing.Apply(segment, input, clock.GetUtcNow());
        var themeIds = input.ThemeIds ?? [];
        // A change of themes alone still bumps the segment's version, so a stale edit is refused here too.
        if (segment.Id != 0) db.Entry(segment).Property(x => x.UpdatedAtUtc).IsModified = true;
        // A new segment needs its id before its themes can point at it: both saves in one transaction.
        // Inside the SQLite write gate from here to the commit: every other coder's save waits, so a new segment (no
        // themes yet) skips reading its current themes, and its second save when it has none to add.
        await using var tx = await db.BeginWriteAsync();
        if (segment.Id == 0)
        {
            if (!await db.TrySaveAsync()) return Error(409, Stale);
            SegmentEditing.AddThemes(db, segment.Id, themeIds);
        }
        else await SegmentEditing.SetThemesAsync(db, segment.Id, themeIds);
        if (db.ChangeTracker.HasChanges() && !await db.TrySaveAsync()) return Error(409, Stale);
        await tx.CommitAsync();
        return new JsonResult(SegmentView.Of(segment, User.Id(), themeIds));
    }

    public Task<IActionResult> OnPostDeleteAsync(int transcriptId, [FromBody] SegmentRef target) => SetDeletedAsync(transcriptId, target.Id, true);

    public Task<IActionResult> OnPostRestoreAsync(int transcriptId, [FromBody] SegmentRef target) => SetDeletedAsync(transcriptId, target.Id, false);

    public async Task<IActionResult> OnPostCompleteAsync(int transcriptId, bool complete)
    {
        if (!await LoadAsync(transcriptId)) return NotFound();
        var me = User.Id();
        var assignment = await db.CodingAssignments.SingleOrDefaultAsync(a => a.TranscriptId == transcriptId && a.CoderId == me);
        if (assignment is null) return Forbid();
        if (!complete && !Access.CanReopen)
        {
            StatusMessage = t["Error: {0}", t["Both codings are finished and revealed; only a PI can reopen yours."]];
            return RedirectToPage(new { transcriptId });
        }
        if (complete == (assignment.CompletedAtUtc is not null)) return RedirectToPage(new { transcriptId });
        assignment.CompletedAtUtc = complete ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync();
        StatusMessage = complete ? t["Coding marked complete."] : t["Coding reopened."];
        return RedirectToPage(new { transcriptId });
    }

    async Task<IActionResult> SetDeletedAsync(int transcriptId, int id, bool deleted)
    {
        if (await RefusalAsync(transcriptId) is { } refused) return refused;
        if (await OwnAsync(transcriptId, id, includeDeleted: true) is not { } segment) return Error(404, "No such segment of yours on this transcript.");
        if (!deleted && SegmentRules.CheckSpan(Transcript!.Text, segment.Start, segment.End, segment.Quote) is not null && segment.Anchor != AnchorState.Lost)
            return Error(409, "The transcript changed since this segment was deleted; it cannot be restored in place.");
        segment.DeletedAtUtc = deleted ? clock.GetUtcNow() : null;
        segment.UpdatedAtUtc = clock.GetUtcNow();
        await db.SaveChangesAsync();
        var themes = await SegmentEditing.ThemesOfAsync(db, [segment.Id]);
        return new JsonResult(SegmentView.Of(segment, User.Id(), themes[segment.Id].ToList()));
    }

    async Task<IActionResult?> RefusalAsync(int transcriptId)
    {
        if (!await LoadAsync(transcriptId)) return Error(404, "No such transcript.");
        if (!Access.CanOpen) return Error(403, "You are not assigned to this transcript.");
        if (!Access.CanEdit)
            return Error(409, Access.CanReopen ? "You marked this transcript complete; reopen it to change your codes."
                : "Both codings are finished and revealed; only a PI can reopen yours.");
        return null;
    }

    // Only the signed-in coder's own segments can be changed: another coder's id simply is not found.
    Task<Segment?> OwnAsync(int transcriptId, int id, bool includeDeleted = false)
    {
        var me = User.Id();
        return db.Segments.SingleOrDefaultAsync(s => s.Id == id && s.TranscriptId == transcriptId && s.CoderId == me
                                                     && (includeDeleted || s.DeletedAtUtc == null));
    }

    async Task<bool> LoadAsync(int transcriptId)
    {
        Transcript = await db.Transcripts.AsNoTracking().Where(x => x.Id == transcriptId)
            .Join(db.Interviews, x => x.InterviewId, i => i.Id, (x, i) => new { x, i.FirmId, InterviewId = i.Id })
            .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new TranscriptHeader(x.x.Id, x.InterviewId, x.x.Text, x.x.Revision, f.NameZh, f.NameEn, f.Park!.Code))
            .SingleOrDefaultAsync();
        if (Transcript is null) return false;
        Access = await db.AccessAsync(User, transcriptId);
        return true;
    }

    const string Stale = "This segment was changed elsewhere since you loaded it; reload the page to see the current version.";

    JsonResult Error(int status, string message) => new(new { error = t[message].Value }) { StatusCode = status };

    public sealed record TranscriptHeader(int Id, int InterviewId, string Text, int Revision, string FirmZh, string? FirmEn, string Park);
}
