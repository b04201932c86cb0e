using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>Identity's messages (password rules, duplicate e-mail, ...) in the person's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    IdentityError E(string code, string text, params object[] args) => new() { Code = code, Description = t[text, args] };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Something went wrong with the account.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Someone else changed this account at the same time; try again.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "The password is wrong.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "The link or token is no longer valid.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "\"{0}\" cannot be used as a user name.", userName ?? "");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "\"{0}\" is not a valid e-mail address.", email ?? "");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "An account for {0} already exists.", userName);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "An account for {0} already exists.", email);
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), "The password needs at least {0} characters.", length);
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "The password needs a character that is not a letter or digit.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "The password needs a digit (0-9).");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "The password needs a lower-case letter (a-z).");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "The password needs an upper-case letter (A-Z).");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), "The password needs at least {0} different characters.", uniqueChars);
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), "The person already has the role {0}.", role);
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), "The person does not have the role {0}.", role);
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Lockout is not enabled for this account.");
}
