using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding.Memos;

/// <summary>
/// Memos on one coded passage, for the annotator's memo card (wwwroot/js/coding/passage-memos.js): JSON in and out.
/// A passage is reachable when its segment is visible to the person (the blind-coding rule of the annotator), and the
/// memos shown are the ones the memo list would show them; only one's own memo is edited, and a stale edit is refused.
/// </summary>
public sealed class PassageModel(FieldSurveyDbContext db, TimeProvider clock, UserTime time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record MemoInput(int SegmentId, int? Id, int Version, string? Title, string? Text, bool Shared);

    public sealed record MemoView(int Id, int Version, string Title, string Text, bool Shared, string? Author, string Updated, bool Own);

    public async Task<IActionResult> OnGetAsync(int segmentId)
    {
        if (!await VisibleAsync(segmentId)) return Error(404, "No such passage.");
        return new JsonResult(new { memos = await ListAsync(segmentId) });
    }

    public async Task<IActionResult> OnPostAsync([FromBody] MemoInput input)
    {
        if (!await VisibleAsync(input.SegmentId)) return Error(404, "No such passage.");
        var title = input.Title?.Trim() ?? "";
        var text = input.Text?.Trim() ?? "";
        if (title.Length == 0) return Error(400, "Give the memo a title.");
        if (title.Length > 300) return Error(400, "The title is too long (at most 300 characters).");
        if (text.Length == 0) return Error(400, "Write the memo's text.");
        if (text.Length > 20000) return Error(400, "The memo is too long (at most 20000 characters).");
        var now = clock.GetUtcNow();
        var me = User.Id();
        Memo memo;
        if (input.Id is { } id)
        {
            // Only the author's own memo on this very passage is found; anybody else's id is simply not there.
            var found = await db.Memos.SingleOrDefaultAsync(m => m.Id == id && m.AuthorId == me && m.DeletedAtUtc == null
                && db.MemoLinks.Any(l => l.MemoId == m.Id && l.SegmentId == input.SegmentId));
            if (found is null) return Error(404, "No such memo of yours on this passage.");
            memo = found;
            db.ExpectVersion(memo, input.Version);
        }
        else
        {
            memo = new Memo { Target = MemoTarget.Passage, Title = "", Text = "", AuthorId = me, CreatedAtUtc = now };
            db.Memos.Add(memo);
        }
        memo.Title = title;
        memo.Text = text;
        memo.Shared = input.Shared;
        memo.UpdatedAtUtc = now;
        // A new memo needs its id before its link can point at it: both saves in one transaction.
        await using var tx = await db.BeginWriteAsync();
        if (!await db.TrySaveAsync()) return Error(409, "Someone else changed this memo while you were editing. Your changes were not saved: reload the page to see theirs.");
        if (input.Id is null)
        {
            db.MemoLinks.Add(new MemoLink { MemoId = memo.Id, SegmentId = input.SegmentId });
            await db.SaveChangesAsync();
        }
        await tx.CommitAsync();
        return new JsonResult(new { memos = await ListAsync(input.SegmentId) });
    }

    // Segments are park-scoped by the query filter; VisibleTo adds the blind-coding rule.
    Task<bool> VisibleAsync(int segmentId) =>
        db.Segments.Where(s => s.Id == segmentId && s.DeletedAtUtc == null).VisibleTo(db, User).AnyAsync();

    async Task<IReadOnlyList<MemoView>> ListAsync(int segmentId)
    {
        var me = User.Id();
        var memos = await db.Readable(User).Where(m => db.MemoLinks.Any(l => l.MemoId == m.Id && l.SegmentId == segmentId))
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).AsNoTracking().ToListAsync();
        var authorIds = memos.Select(m => m.AuthorId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return memos.Select(m => new MemoView(m.Id, m.Version, m.Title, m.Text, m.Shared, m.AuthorId is { } a ? names.GetValueOrDefault(a) : null,
            time.Format(m.UpdatedAtUtc), m.AuthorId == me)).ToList();
    }

    JsonResult Error(int status, string message) => new(new { error = t[message].Value }) { StatusCode = status };
}
