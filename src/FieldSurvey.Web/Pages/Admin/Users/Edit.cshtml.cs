using System.ComponentModel.DataAnnotations;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.Users;

/// <summary>
/// Roles, password reset, unlock and deactivation. People are never deleted: their work points at them.
/// Every change of access is written to the audit trail (<see cref="AccessAudit"/>) with the change itself.
/// </summary>
public sealed class EditModel(FieldSurveyDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty, StringLength(100, MinimumLength = 10, ErrorMessage = "The password needs at least 10 characters.")]
    public string? NewPassword { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    public AppUser? Person { get; private set; }
    public bool LockedOut { get; private set; }
    public IReadOnlyList<ParkChoice> Parks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new InputModel { DisplayName = Person!.DisplayName, Roles = [.. await users.GetRolesAsync(Person)], Parks = [.. await db.ParkIdsOfAsync(id)] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Remove(nameof(NewPassword));
        var wanted = Input.Roles.Where(Roles.All.Contains).ToHashSet();
        if (wanted.Count == 0) ModelState.AddModelError("Input.Roles", t["Choose at least one role."]);
        if (Person!.Id == User.Id() && !wanted.Contains(Roles.PI))
            ModelState.AddModelError("Input.Roles", t["You cannot remove your own PI role."]);
        var parks = Input.Parks.Where(p => Parks.Any(c => c.Id == p)).ToHashSet();
        if (!ModelState.IsValid) return Page();
        var current = await users.GetRolesAsync(Person);
        await using var transaction = await db.BeginWriteAsync();
        foreach (var role in current.Except(wanted))
        {
            await users.RemoveFromRoleAsync(Person, role);
            await AuditAsync(AccessChange.RoleRemoved, role);
        }
        foreach (var role in wanted.Except(current))
        {
            await users.AddToRoleAsync(Person, role);
            await AuditAsync(AccessChange.RoleGranted, role);
        }
        await ParkAccess.SetAsync(db, Person, parks, Parks, AuditAsync);
        Person.DisplayName = Input.DisplayName;
        await users.UpdateAsync(Person);
        await users.UpdateSecurityStampAsync(Person); // role and park changes reach the person's cookie within a minute
        await transaction.CommitAsync();
        StatusMessage = t["Saved."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // The reset form posts no name or roles (so the binder even falls back to unprefixed keys): only the password is checked.
        foreach (var key in ModelState.Keys.Where(k => k != nameof(NewPassword)).ToList()) ModelState.Remove(key);
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), t["Enter a new password."]);
        if (!ModelState.IsValid) { Input = new InputModel { DisplayName = Person!.DisplayName, Roles = [.. await users.GetRolesAsync(Person)], Parks = [.. await db.ParkIdsOfAsync(id)] }; return Page(); }
        var wasLocked = LockedOut;
        await using var transaction = await db.BeginWriteAsync();
        var token = await users.GeneratePasswordResetTokenAsync(Person!);
        var result = await users.ResetPasswordAsync(Person!, token, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(nameof(NewPassword), e.Description);
            Input = new InputModel { DisplayName = Person!.DisplayName, Roles = [.. await users.GetRolesAsync(Person)], Parks = [.. await db.ParkIdsOfAsync(id)] };
            return Page();
        }
        await AuditAsync(AccessChange.PasswordReset, null);
        await UnlockAsync(wasLocked);
        await transaction.CommitAsync();
        StatusMessage = t["The password was reset. Pass it on to the person."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await using var transaction = await db.BeginWriteAsync();
        await UnlockAsync(LockedOut);
        await transaction.CommitAsync();
        StatusMessage = t["The account is unlocked."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostActiveAsync(string id, bool active)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Person!.Id == User.Id() && !active)
        {
            StatusMessage = t["Error: {0}", t["You cannot deactivate yourself."]];
            return RedirectToPage(new { id });
        }
        if (Person.IsActive == active) return RedirectToPage(new { id });   // a repeated post changes nothing
        await using var transaction = await db.BeginWriteAsync();
        Person.IsActive = active;
        await users.UpdateAsync(Person);
        await users.SetLockoutEndDateAsync(Person, active ? null : DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(Person); // signs the person out everywhere
        await AuditAsync(active ? AccessChange.Reactivated : AccessChange.Deactivated, null);
        await transaction.CommitAsync();
        StatusMessage = active ? t["The account is active again."] : t["The account was deactivated; the person's work is kept."];
        return RedirectToPage(new { id });
    }

    async Task UnlockAsync(bool wasLocked)
    {
        await users.SetLockoutEndDateAsync(Person!, null);
        await users.ResetAccessFailedCountAsync(Person!);
        if (wasLocked) await AuditAsync(AccessChange.Unlocked, null);
    }

    Task AuditAsync(AccessChange change, string? role) =>
        AccessAudit.RecordAsync(db, clock, Person!, change, role, User.Id(), User.Identity?.Name);

    async Task<bool> LoadAsync(string id)
    {
        Person = await users.FindByIdAsync(id);
        if (Person is null) return false;
        LockedOut = await users.IsLockedOutAsync(Person) && Person.IsActive;
        Parks = await db.ParkChoicesAsync(id);
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's name."), StringLength(100)] public string DisplayName { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        /// <summary>The parks an interviewer or coder is limited to; none: every park.</summary>
        public List<int> Parks { get; set; } = [];
    }
}
