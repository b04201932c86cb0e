using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>A coder's queue: the transcripts assigned to them, with their own progress (<see cref="CodingQueue"/>).</summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    [Microsoft.AspNetCore.Mvc.TempData] public string? StatusMessage { get; set; }
    /// <summary>Rows per page: a coder may hold thousands of transcripts in a large study.</summary>
    public const int PageSize = 50;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public IReadOnlyList<QueueRow> Queue { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var (rows, total, page) = await db.QueuePageAsync(User.Id(), P, PageSize);
        (Queue, P) = (rows, page);
        Pager = new Pager(page, PageSize, total, p => $"/Coding?p={p}");
    }
}
