using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>A coder's queue: the transcripts assigned to them, with their own progress (<see cref="CodingQueue"/>).</summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    [Microsoft.AspNetCore.Mvc.TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<QueueRow> Queue { get; private set; } = [];

    public async Task OnGetAsync() => Queue = await db.QueueAsync(User.Id());
}
