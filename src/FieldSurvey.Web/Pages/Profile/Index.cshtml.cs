using System.ComponentModel.DataAnnotations;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Profile;

/// <summary>The person's own settings: name, time zone, interface language, password.</summary>
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public PasswordModel Password { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<string> Zones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order().ToList();

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        Input = new InputModel { DisplayName = user.DisplayName, TimeZoneId = user.TimeZoneId, Culture = user.Culture ?? "" };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Two forms on one page: check only this form's fields. When a form's fields are not posted at all, the
        // binder falls back to the empty prefix ("New", not "Password.New"), so keep by prefix rather than drop.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Input.TimeZoneId, out _))
            ModelState.AddModelError("Input.TimeZoneId", t["Choose a time zone from the list."]);
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        user.DisplayName = Input.DisplayName;
        user.TimeZoneId = Input.TimeZoneId;
        user.Culture = string.IsNullOrEmpty(Input.Culture) ? null : Input.Culture;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        // Say it in the language just chosen: the next page will be in it.
        if (user.Culture is not null) System.Globalization.CultureInfo.CurrentUICulture = new(user.Culture);
        StatusMessage = t["Your profile was saved."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Password.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        if (!ModelState.IsValid) { await OnGetAsync(); return Page(); }
        var result = await users.ChangePasswordAsync(user, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Password.New", e.Description);
            await OnGetAsync();
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        StatusMessage = t["Your password was changed."];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name."), StringLength(100)] public string DisplayName { get; set; } = "";
        [Required] public string TimeZoneId { get; set; } = "";
        [RegularExpression("^(|en|zh-Hans)$")] public string Culture { get; set; } = "";
    }

    public sealed class PasswordModel
    {
        [Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password)] public string Current { get; set; } = "";
        [Required(ErrorMessage = "Enter a new password."), StringLength(100, MinimumLength = 10, ErrorMessage = "The password needs at least 10 characters."), DataType(DataType.Password)]
        public string New { get; set; } = "";
    }
}
