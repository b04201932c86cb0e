using System.Globalization;
using System.Security.Claims;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// Park-scoped access (issue 24; REDCap's data access groups): the parks a signed-in person may see, read
/// from their cookie (one <see cref="ParkClaim"/> per park, written by <see cref="AppClaimsFactory"/>). Null
/// means every park: PIs, people the PI has not limited, and requests without a user (start-up, seeding).
/// The database enforces it (<c>FieldSurveyDbContext.ParkScope.cs</c>): every query of firms and of what
/// hangs from them is filtered, so a page or handler cannot forget it. See docs/security.md.
/// </summary>
public static class ParkScope
{
    public const string ParkClaim = "fs:park";

    public static IReadOnlyList<int>? AllowedParkIds(this ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.IsInRole(Roles.PI)) return null;
        var parks = user.FindAll(ParkClaim).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();
        return parks.Count == 0 ? null : parks;
    }

    public static bool IsParkScoped(this ClaimsPrincipal? user) => user.AllowedParkIds() is not null;

    /// <summary>
    /// The parks a person may file a firm under or filter by. Parks themselves are not filtered in the
    /// database: a coder still codes a partner in another park, and vocabularies list every park.
    /// </summary>
    public static IQueryable<Park> VisibleTo(this IQueryable<Park> parks, ClaimsPrincipal user) =>
        user.AllowedParkIds() is { } allowed ? parks.Where(p => allowed.Contains(p.Id)) : parks;
}
