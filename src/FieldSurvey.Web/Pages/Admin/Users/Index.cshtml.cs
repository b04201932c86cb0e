using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Users;

public sealed class IndexModel(FieldSurveyDbContext db, TimeProvider clock) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<Row> People { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var parks = await db.UserParks.Join(db.Parks, up => up.ParkId, p => p.Id, (up, p) => new { up.UserId, p.Code }).ToListAsync();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        People = (await db.Users.OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive, u.LockoutEnd }).ToListAsync())
            .Select(u => new Row(u.Id, u.Email!, u.DisplayName, u.IsActive, u.LockoutEnd > now,
                string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Order()),
                string.Join(", ", parks.Where(p => p.UserId == u.Id).Select(p => p.Code).Order())))
            .ToList();
    }

    public sealed record Row(string Id, string Email, string Name, bool Active, bool LockedOut, string Roles, string Parks);
}
