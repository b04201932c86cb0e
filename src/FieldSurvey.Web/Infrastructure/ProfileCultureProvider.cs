using Microsoft.AspNetCore.Localization;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>The interface language saved in the person's profile; without one, the browser's choice applies.</summary>
public sealed class ProfileCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = httpContext.User.FindFirst(UserExtensions.CultureClaim)?.Value;
        return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
    }
}
