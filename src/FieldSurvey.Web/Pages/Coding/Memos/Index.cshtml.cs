using FieldSurvey.Core.Coding;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding.Memos;

/// <summary>The memo list: search, filter by kind and author; a PI reads every memo, a coder their own and shared ones.</summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public MemoTarget? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Author { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Authors { get; private set; } = [];

    public sealed record Row(Memo Memo, string? AuthorName, bool Own, IReadOnlyList<LinkedPassage> Passages);

    /// <summary>A passage a memo is linked to, shown only when the reader may see that passage (blind coding, park scope).</summary>
    public sealed record LinkedPassage(int TranscriptId, string Quote);

    public async Task OnGetAsync()
    {
        var memos = db.Readable(User);
        var authorIds = await memos.Where(m => m.AuthorId != null).Select(m => m.AuthorId!).Distinct().ToListAsync();
        var names = await db.Users.Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Authors = names.OrderBy(n => n.Value).Select(n => (n.Key, n.Value)).ToList();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            memos = memos.Where(m => m.Title.Contains(q) || m.Text.Contains(q));
        }
        if (Kind is { } kind) memos = memos.Where(m => m.Target == kind);
        if (!string.IsNullOrEmpty(Author)) memos = memos.Where(m => m.AuthorId == Author);
        var me = User.Id();
        var list = await memos.AsNoTracking().OrderByDescending(m => m.UpdatedAtUtc).ThenByDescending(m => m.Id).Take(500).ToListAsync();
        var ids = list.Select(m => m.Id).ToList();
        var links = (await db.MemoLinks.Where(l => ids.Contains(l.MemoId))
            .Join(db.Segments.Where(s => s.DeletedAtUtc == null).VisibleTo(db, User), l => l.SegmentId, s => s.Id, (l, s) => new { l.MemoId, s.TranscriptId, s.Quote })
            .ToListAsync()).ToLookup(x => x.MemoId, x => new LinkedPassage(x.TranscriptId, x.Quote));
        Rows = list.Select(m => new Row(m, m.AuthorId is { } a ? names.GetValueOrDefault(a) : null, m.AuthorId == me, links[m.Id].ToList())).ToList();
    }
}
