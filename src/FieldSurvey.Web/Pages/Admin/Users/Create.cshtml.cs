using System.ComponentModel.DataAnnotations;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Pages.Admin.Users;

/// <summary>PIs create every account (there is no self-registration) with an initial password to pass on.</summary>
public sealed class CreateModel(FieldSurveyDbContext db, UserManager<AppUser> users, TimeProvider clock, IOptions<TimeOptions> time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var roles = Input.Roles.Where(Roles.All.Contains).ToList();
        if (roles.Count == 0) ModelState.AddModelError("Input.Roles", t["Choose at least one role."]);
        if (!ModelState.IsValid) return Page();
        var user = new AppUser
        {
            UserName = Input.Email, Email = Input.Email, EmailConfirmed = true, DisplayName = Input.DisplayName,
            TimeZoneId = time.Value.DefaultUserTimeZone, CreatedAtUtc = clock.GetUtcNow(),
        };
        await using var transaction = await db.BeginWriteAsync();
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.Contains("Email") || e.Code.Contains("UserName") ? "Input.Email" : "Input.Password", e.Description);
            return Page();
        }
        await users.AddToRolesAsync(user, roles);
        foreach (var role in roles)
            await AccessAudit.RecordAsync(db, clock, user, AccessChange.RoleGranted, role, User.Id(), User.Identity?.Name);
        await transaction.CommitAsync();
        StatusMessage = t["{0} can now sign in.", Input.Email];
        return RedirectToPage("Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's name."), StringLength(100)] public string DisplayName { get; set; } = "";
        [Required(ErrorMessage = "Enter an e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")] public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter an initial password."), StringLength(100, MinimumLength = 10, ErrorMessage = "The password needs at least 10 characters.")]
        public string Password { get; set; } = "";
        public List<string> Roles { get; set; } = [];
    }
}
