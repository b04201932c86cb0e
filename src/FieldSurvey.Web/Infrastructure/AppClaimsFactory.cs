using System.Security.Claims;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>Puts the person's display name, time zone and language into the sign-in cookie.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserExtensions.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(UserExtensions.TimeZoneClaim, user.TimeZoneId));
        if (user.Culture is not null) identity.AddClaim(new Claim(UserExtensions.CultureClaim, user.Culture));
        return identity;
    }
}
