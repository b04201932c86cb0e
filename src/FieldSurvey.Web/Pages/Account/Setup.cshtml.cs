using System.ComponentModel.DataAnnotations;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Pages.Account;

/// <summary>One-time page of a fresh install: creates the first PI, then answers 404 for ever.</summary>
public sealed class SetupModel(FieldSurveyDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    TimeProvider clock, IOptions<TimeOptions> time) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await db.Users.AnyAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await db.Users.AnyAsync()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var user = new AppUser
        {
            UserName = Input.Email, Email = Input.Email, EmailConfirmed = true, DisplayName = Input.DisplayName,
            TimeZoneId = time.Value.DefaultUserTimeZone, CreatedAtUtc = clock.GetUtcNow(),
        };
        // Two set-up requests can both pass the check above. Each claims the PI role's row (a conditional update on
        // its concurrency stamp) in a transaction and checks again for accounts: the row lock makes the second wait
        // for the first to commit, then its claim or its second look fails, and it creates nobody.
        await using (var transaction = await db.BeginWriteAsync())
        {
            var piRole = await db.Roles.SingleAsync(r => r.Name == Roles.PI);
            piRole.ConcurrencyStamp = Guid.NewGuid().ToString();
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateConcurrencyException) { return NotFound(); }
            if (await db.Users.AnyAsync()) return NotFound();
            var result = await users.CreateAsync(user, Input.Password);
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
            if (!result.Succeeded) return Page();
            await users.AddToRoleAsync(user, Roles.PI);
            await AccessAudit.RecordAsync(db, clock, user, AccessChange.RoleGranted, Roles.PI, user.Id, user.UserName);
            await transaction.CommitAsync();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/Admin");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name."), StringLength(100), Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";
        [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address."), Display(Name = "E-mail")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter a password."), StringLength(100, MinimumLength = 10, ErrorMessage = "The password needs at least 10 characters."), DataType(DataType.Password), Display(Name = "Password")]
        public string Password { get; set; } = "";
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ."), DataType(DataType.Password), Display(Name = "Password again")]
        public string Confirm { get; set; } = "";
    }
}
