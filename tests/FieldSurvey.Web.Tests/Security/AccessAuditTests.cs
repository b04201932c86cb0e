using System.Net;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Security;

/// <summary>Issue 17, item 8: every change of access leaves a row on the audit page: who, when, whose account, what.</summary>
public sealed class AccessAuditTests(AccessAuditTests.Fixture fixture) : IClassFixture<AccessAuditTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task Role_changes_password_reset_unlock_deactivation_and_reactivation_are_each_audited_with_who_and_what()
    {
        var id = await fixture.PersonAsync("audited@example.org", "Coder");
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = $"/Admin/Users/Edit?id={id}";
        async Task Post(string handler, Dictionary<string, string> fields)
        {
            var response = await pi.PostFormAsync($"{page}&handler={handler}", fields, formPage: page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, handler + ": " + await response.Content.ReadAsStringAsync());
        }

        await Post("", new() { ["Input.DisplayName"] = "Audited", ["Input.Roles"] = "Interviewer" });   // Coder out, Interviewer in
        await Post("Password", new() { ["NewPassword"] = "Another-pass-2026" });
        using (var scope = fixture.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }
        await Post("Unlock", []);
        await Post("Active&active=false", []);
        await Post("Active&active=true", []);

        var rows = fixture.With(db => db.AuditEntries.Where(a => a.Entity == "Access" && a.EntityId == id).OrderBy(a => a.Id).ToList());
        Assert.Equal(["RoleRemoved", "RoleGranted", "PasswordReset", "Unlocked", "Deactivated", "Reactivated"], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(AppFactory.PI, r.UserName));
        Assert.Contains("\"Role\":\"Coder\"", rows[0].After);
        Assert.Contains("\"Role\":\"Interviewer\"", rows[1].After);
        Assert.All(rows, r => Assert.Contains("audited@example.org", r.After));

        var audit = await pi.GetStringAsync("/Admin/Audit?Entity=Access&EntityId=" + id);
        Assert.Contains("Access #" + id, audit);
        Assert.Contains("PasswordReset", audit);
        Assert.DoesNotContain("Another-pass-2026", audit);
    }
}
