using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Firms;

/// <summary>The sampling frame: search (Chinese or English, partial), filter, sort, page; PIs assign firms in bulk.</summary>
public sealed class IndexModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;
    /// <summary>"unassigned" in the interviewer filter: firms on nobody's list.</summary>
    public const string Unassigned = "-";

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? ParkId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = nameof(FirmStatus.Active);
    [BindProperty(SupportsGet = true)] public string? Interviewer { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "name";
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<Row> Firms { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(int Id, string Code, string Name)> Parks { get; private set; } = [];
    public IReadOnlyList<Caller> Callers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var chinese = DisplayNames.Chinese;
        Parks = (await db.Parks.VisibleTo(User).OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code, p.NameEn, p.NameZh }).ToListAsync())
            .Select(p => (p.Id, p.Code, chinese ? p.NameZh : p.NameEn)).ToList();
        Callers = await db.CallersAsync();

        var query = db.Firms.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Contains is a substring test, so part of a Chinese name finds the firm; English ignores case.
            var q = Q.Trim();
            var lower = q.ToLowerInvariant();
            query = query.Where(f => f.NameZh.Contains(q) || (f.NameEn != null && f.NameEn.ToLower().Contains(lower)));
        }
        if (ParkId is { } park) query = query.Where(f => f.ParkId == park);
        if (Enum.TryParse<FirmStatus>(Status, out var status)) query = query.Where(f => f.Status == status);
        if (Interviewer == Unassigned) query = query.Where(f => f.AssignedInterviewerId == null);
        else if (!string.IsNullOrEmpty(Interviewer)) query = query.Where(f => f.AssignedInterviewerId == Interviewer);

        Total = await query.CountAsync();
        query = Sort switch
        {
            "park" => query.OrderBy(f => f.Park!.SortOrder).ThenBy(f => f.NameZh),
            "status" => query.OrderBy(f => f.Status).ThenBy(f => f.NameZh),
            _ => chinese ? query.OrderBy(f => f.NameZh) : query.OrderBy(f => f.NameEn ?? f.NameZh),
        };
        P = Math.Clamp(P, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var page = await query.Skip((P - 1) * PageSize).Take(PageSize)
            .Select(f => new { f.Id, f.NameZh, f.NameEn, Park = f.Park!.Code, f.Status, f.AssignedInterviewerId, f.DispositionOverride })
            .ToListAsync();
        var ids = page.Select(f => f.Id).ToList();
        var attempts = await db.AttemptsByFirmAsync(db.Firms.Where(f => ids.Contains(f.Id)).Select(f => f.Id));
        var names = Callers.ToDictionary(c => c.Id, c => c.Name);
        Firms = page.Select(f => new Row(f.Id, f.NameZh, f.NameEn, f.Park, f.Status,
                f.AssignedInterviewerId is { } a ? names.GetValueOrDefault(a, "?") : null,
                FinalDisposition.Derive(attempts.GetValueOrDefault(f.Id) ?? [], f.DispositionOverride)))
            .ToList();
    }

    /// <summary>Assigns the ticked firms to one interviewer (or to nobody). PIs only.</summary>
    public async Task<IActionResult> OnPostAssignAsync(int[] firmIds, string? assignTo)
    {
        if (!User.IsPI()) return Forbid();
        if (firmIds.Length == 0)
        {
            StatusMessage = t["Error: tick the firms to assign first."];
            return RedirectToPage(Query());
        }
        if (!string.IsNullOrEmpty(assignTo) && !(await db.CallersAsync()).Any(c => c.Id == assignTo))
            return BadRequest();
        var firms = await db.Firms.Where(f => firmIds.Contains(f.Id)).ToListAsync();
        foreach (var firm in firms) firm.AssignedInterviewerId = string.IsNullOrEmpty(assignTo) ? null : assignTo;
        await db.SaveChangesAsync();
        StatusMessage = t.Count(firms.Count, "{0} firm assigned.", "{0} firms assigned.");
        return RedirectToPage(Query());
    }

    object Query() => new { Q, ParkId, Status, Interviewer, Sort, P };

    public string Link(string? sort = null, int? page = null) => "/Firms" + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["parkId"] = ParkId?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = Status,
        ["interviewer"] = Interviewer, ["sort"] = sort ?? Sort, ["p"] = (page ?? P).ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public sealed record Row(int Id, string NameZh, string? NameEn, string Park, FirmStatus Status, string? AssignedTo, Disposition Disposition);
}
