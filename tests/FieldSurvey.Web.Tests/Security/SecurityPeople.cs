using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Security;

/// <summary>Extra accounts the attacks need beside the demo ones.</summary>
public static class SecurityPeople
{
    public static async Task<string> PersonAsync(this AppFactory app, string email, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var created = await users.CreateAsync(user, AppFactory.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
        return user.Id;
    }
}
