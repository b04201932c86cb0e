using System.Security.Claims;

namespace FieldSurvey.Web.Infrastructure;

public static class UserExtensions
{
    public const string TimeZoneClaim = "fs:tz";
    public const string CultureClaim = "fs:culture";
    public const string DisplayNameClaim = "fs:name";

    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";

    public static bool IsPI(this ClaimsPrincipal user) => user.IsInRole(Roles.PI);
}
