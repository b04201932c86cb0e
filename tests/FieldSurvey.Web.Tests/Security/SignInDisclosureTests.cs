using System.Net;
using System.Text.RegularExpressions;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Security;

/// <summary>Issue 17, item 9: the sign-in page tells a stranger nothing about an account until the password is right.</summary>
public sealed partial class SignInDisclosureTests(SignInDisclosureTests.Fixture fixture) : IClassFixture<SignInDisclosureTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Wrong = "E-mail or password is wrong.";

    [GeneratedRegex("<div class=\"alert alert-danger[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    async Task<(HttpStatusCode Status, string Message)> SignInAsync(string email, string password)
    {
        var response = await fixture.Client().PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, Regex.Replace(Summary().Match(html).Groups[1].Value, "<[^>]+>", "").Trim());
    }

    [Fact]
    public async Task A_deactivated_account_answers_a_wrong_password_like_an_unknown_address()
    {
        var id = await fixture.PersonAsync("gone@example.org", "Coder");
        using (var scope = fixture.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);   // as Admin/Users does
        }
        var stranger = await SignInAsync("nobody@example.org", "Guess-2026!");
        Assert.Contains(Wrong, stranger.Message);
        Assert.Equal(stranger, await SignInAsync("gone@example.org", "Guess-2026!"));

        var right = await SignInAsync("gone@example.org", AppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains("deactivated", right.Message);
    }

    [Fact]
    public async Task A_locked_account_answers_a_wrong_password_like_an_unknown_address()
    {
        await fixture.PersonAsync("locked@example.org", "Coder");
        for (var i = 0; i < 5; i++) Assert.Contains(Wrong, (await SignInAsync("locked@example.org", "Guess-2026!")).Message);
        Assert.True(fixture.With(db => db.Users.Single(u => u.Email == "locked@example.org").LockoutEnd) is not null, "five failures lock the account");

        var stranger = await SignInAsync("nobody@example.org", "Guess-2026!");
        Assert.Equal(stranger, await SignInAsync("locked@example.org", "Guess-2026!"));
        var right = await SignInAsync("locked@example.org", AppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, right.Status);   // not signed in
        Assert.Contains("locked", right.Message);
    }
}
