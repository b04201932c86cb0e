using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding.Memos;

/// <summary>
/// Writes a memo or edits one's own: nobody edits another person's memo (a PI reads them all, and can reply with their own).
/// Author and times come from the signed-in user and the injected clock; a stale edit is refused, never merged.
/// </summary>
public sealed class EditModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public MemoInput Input { get; set; } = new();
    public IReadOnlyList<MemoAbout> Targets { get; private set; } = [];

    public sealed class MemoInput
    {
        public int? Id { get; set; }
        public int Version { get; set; }
        public string? Title { get; set; }
        public string? Text { get; set; }
        public string? About { get; set; } = "Project";
        public bool Shared { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? about)
    {
        Targets = await MemoAccess.TargetsAsync(db, User, DisplayNames.Chinese);
        if (id is null) { Input.About = about ?? "Project"; return Page(); }
        if (await OwnAsync(id.Value) is not { } memo) return NotFound();
        Input = new MemoInput { Id = memo.Id, Version = memo.Version, Title = memo.Title, Text = memo.Text, About = MemoAccess.AboutOf(memo), Shared = memo.Shared };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Targets = await MemoAccess.TargetsAsync(db, User, DisplayNames.Chinese);
        var title = Input.Title?.Trim() ?? "";
        var text = Input.Text?.Trim() ?? "";
        if (title.Length == 0) ModelState.AddModelError("Input.Title", t["Give the memo a title."]);
        else if (title.Length > 300) ModelState.AddModelError("Input.Title", t["The title is too long (at most 300 characters)."]);
        if (text.Length == 0) ModelState.AddModelError("Input.Text", t["Write the memo's text."]);
        else if (text.Length > 20000) ModelState.AddModelError("Input.Text", t["The memo is too long (at most 20000 characters)."]);
        Memo memo;
        var now = clock.GetUtcNow();
        if (Input.Id is { } id)
        {
            if (await OwnAsync(id) is not { } found) return NotFound();
            memo = found;
            db.ExpectVersion(memo, Input.Version);
        }
        else memo = new Memo { Title = "", Text = "", AuthorId = User.Id(), CreatedAtUtc = now };
        if (!MemoAccess.Aim(memo, Input.About, Targets)) ModelState.AddModelError("Input.About", t["Choose what the memo is about from the list."]);
        if (!ModelState.IsValid) return Page();
        memo.Title = title;
        memo.Text = text;
        memo.Shared = Input.Shared;
        memo.UpdatedAtUtc = now;
        if (memo.Id == 0) db.Memos.Add(memo);
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this memo while you were editing. Your changes were not saved: reload the page to see theirs."]);
            return Page();
        }
        TempData["StatusMessage"] = t["Saved."].Value;
        return RedirectToPage("Index");
    }

    // Only the author's own memo is found; anybody else's id is simply not there.
    Task<Memo?> OwnAsync(int id)
    {
        var me = User.Id();
        return db.Memos.SingleOrDefaultAsync(m => m.Id == id && m.AuthorId == me && m.DeletedAtUtc == null);
    }
}
