using System.Globalization;
using System.Security.Claims;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// Puts the person's display name, time zone, language and the parks they are limited to into the sign-in
/// cookie. The cookie is re-issued when the security stamp changes (checked every minute), so a PI's change
/// of parks reaches the person as quickly as a change of roles.
/// </summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    FieldSurveyDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserExtensions.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(UserExtensions.TimeZoneClaim, user.TimeZoneId));
        if (user.Culture is not null) identity.AddClaim(new Claim(UserExtensions.CultureClaim, user.Culture));
        foreach (var park in await db.UserParks.Where(p => p.UserId == user.Id).Select(p => p.ParkId).ToListAsync())
            identity.AddClaim(new Claim(ParkScope.ParkClaim, park.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
