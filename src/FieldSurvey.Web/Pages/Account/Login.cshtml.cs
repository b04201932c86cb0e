using System.ComponentModel.DataAnnotations;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> t,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        // A deactivated or locked account answers exactly like a wrong password unless the password is right,
        // so the page never tells a stranger that an address has an account. Identity itself would say
        // "locked" before looking at the password.
        if (user is not null && (!user.IsActive || await users.IsLockedOutAsync(user)))
        {
            if (!await users.CheckPasswordAsync(user, Input.Password)) return Wrong();
            logger.LogWarning("Sign-in refused: account {UserId} {State}", user.Id, user.IsActive ? "locked out" : "deactivated");
            ModelState.AddModelError(string.Empty, user.IsActive
                ? t["Too many failed attempts: this account is locked for 15 minutes."]
                : t["This account has been deactivated. Ask a PI."]);
            return Page();
        }
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long to refuse as a known one.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, Input.Password);
            return Wrong();
        }
        var result = await signIn.PasswordSignInAsync(user.UserName!, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        // Also when this wrong password was the one that locked the account: the next right one will say so.
        return Wrong();
    }

    static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    PageResult Wrong()
    {
        ModelState.AddModelError(string.Empty, t["E-mail or password is wrong."]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }
}
