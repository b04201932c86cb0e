using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FieldSurvey.Web.Api;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.Tokens;

/// <summary>
/// Personal access tokens for the read API: a PI issues one to a person (it acts with that person's roles),
/// sees its secret once, and lists and revokes tokens. Issuing and revoking are "Access" rows of the audit trail.
/// </summary>
public sealed class IndexModel(FieldSurveyDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public IssueInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    /// <summary>The new token's secret, shown on this response only; never stored.</summary>
    public string? NewSecret { get; private set; }
    public IReadOnlyList<Row> Tokens { get; private set; } = [];
    public IReadOnlyList<(string Id, string Label)> People { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.ExpiresOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(90);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostIssueAsync()
    {
        var person = Input.PersonId is null ? null : await users.FindByIdAsync(Input.PersonId);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (person is not { IsActive: true }) ModelState.AddModelError("Input.PersonId", t["Choose an active person."]);
        if (Input.ExpiresOn is { } e && (e <= today || e > today.AddDays(ApiTokens.MaxDays)))
            ModelState.AddModelError("Input.ExpiresOn", t["The expiry date lies between tomorrow and a year from today."]);
        // An interviewer's personal data is per firm (own and unassigned firms only); the API does not draw that line, so only a PI's token gets it.
        if (Input.PersonalData && person is not null && !await users.IsInRoleAsync(person, Roles.PI))
            ModelState.AddModelError("Input.PersonalData", t["Only a PI's token may carry personal data."]);
        if (!ModelState.IsValid) { await LoadAsync(); return Page(); }

        var secret = ApiTokens.NewSecret();
        db.ApiTokens.Add(new ApiToken
        {
            Name = Input.Name.Trim(), UserId = person!.Id, SecretHash = ApiTokens.Hash(secret), Prefix = ApiTokens.Prefix(secret),
            PersonalData = Input.PersonalData, CreatedAtUtc = now, CreatedById = User.Id(),
            ExpiresAtUtc = new DateTimeOffset(Input.ExpiresOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        });
        await db.SaveChangesAsync();
        await AccessAudit.RecordAsync(db, clock, person, AccessChange.TokenIssued, null, User.Id(), User.Identity?.Name, Details(Input.Name.Trim(), Input.ExpiresOn.Value, Input.PersonalData));
        // Shown on this response, not through TempData: the secret never reaches a cookie or a redirect.
        NewSecret = secret;
        ModelState.Clear();
        Input = new IssueInput { ExpiresOn = today.AddDays(90) };
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(x => x.Id == id);
        if (token is null) return NotFound();
        if (token.RevokedAtUtc is null)
        {
            token.RevokedAtUtc = clock.GetUtcNow();
            token.RevokedById = User.Id();
            await db.SaveChangesAsync();
            var person = await users.FindByIdAsync(token.UserId);
            if (person is not null)
                await AccessAudit.RecordAsync(db, clock, person, AccessChange.TokenRevoked, null, User.Id(), User.Identity?.Name,
                    Details(token.Name, DateOnly.FromDateTime(token.ExpiresAtUtc.UtcDateTime), token.PersonalData));
        }
        StatusMessage = t["Token revoked."];
        return RedirectToPage();
    }

    static Dictionary<string, string?> Details(string name, DateOnly expires, bool personal) => new()
    {
        ["Token"] = name, ["Expires"] = expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["PersonalData"] = personal ? "yes" : "no",
    };

    async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        var people = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive }).ToListAsync();
        People = people.Where(p => p.IsActive).Select(p => (p.Id, $"{p.DisplayName} <{p.Email}>")).ToList();
        var names = people.ToDictionary(p => p.Id, p => p.Email ?? p.Id);
        Tokens = (await db.ApiTokens.AsNoTracking().OrderByDescending(x => x.Id).ToListAsync())
            .Select(x => new Row(x.Id, x.Name, names.GetValueOrDefault(x.UserId, "?"), x.Prefix, x.PersonalData, x.CreatedAtUtc, x.ExpiresAtUtc, x.LastUsedAtUtc,
                x.RevokedAtUtc is not null ? "Revoked" : x.ExpiresAtUtc <= now ? "Expired" : "Active")).ToList();
    }

    public sealed record Row(int Id, string Name, string Person, string Prefix, bool PersonalData, DateTimeOffset Created, DateTimeOffset Expires,
        DateTimeOffset? LastUsed, string State);

    public sealed class IssueInput
    {
        [Required(ErrorMessage = "Choose an active person.")] public string? PersonId { get; set; }
        [Required(ErrorMessage = "Name the token (what it is for)."), StringLength(100)] public string Name { get; set; } = "";
        [Required(ErrorMessage = "The expiry date lies between tomorrow and a year from today.")] public DateOnly? ExpiresOn { get; set; }
        public bool PersonalData { get; set; }
    }
}
