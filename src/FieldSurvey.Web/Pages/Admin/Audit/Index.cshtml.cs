using FieldSurvey.Core.Auditing;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Audit;

/// <summary>Browse the audit trail: filter by record type, record id, person and date; newest first, paged.</summary>
public sealed class IndexModel(FieldSurveyDbContext db) : PageModel
{
    const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> EntityNames { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        EntityNames = await db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync();
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(a => a.Entity == Entity);
        if (!string.IsNullOrWhiteSpace(EntityId)) q = q.Where(a => a.EntityId == EntityId);
        if (!string.IsNullOrWhiteSpace(Person)) q = q.Where(a => a.UserName != null && a.UserName.Contains(Person));
        if (From is { } from) { var f = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); q = q.Where(a => a.AtUtc >= f); }
        if (To is { } to) { var t = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); q = q.Where(a => a.AtUtc < t); }
        Total = await q.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = await q.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }
}
