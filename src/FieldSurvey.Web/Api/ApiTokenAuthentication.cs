using System.Security.Claims;
using System.Text.Encodings.Web;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Api;

/// <summary>
/// "Authorization: Bearer fs_…" for /api/v1 only (the API's policies name this scheme; pages keep the cookie).
/// A token acts as its person with the person's roles as they are now, so a role removed or an account
/// deactivated takes effect at the next call. A bearer token is not sent by a browser on its own, so the API
/// needs no antiforgery token. Refusals are problem-details bodies (401 without a usable token, 403 without the role).
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, FieldSurveyDbContext db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "fs:token";
    public const string PersonalDataClaim = "fs:personal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        var hash = ApiTokens.Hash(secret);
        var now = clock.GetUtcNow();
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.SecretHash == hash);
        if (token is null) return AuthenticateResult.Fail("unknown");
        if (token.RevokedAtUtc is not null) return AuthenticateResult.Fail("revoked");
        if (token.ExpiresAtUtc <= now) return AuthenticateResult.Fail("expired");
        var person = await db.Users.AsNoTracking().Where(u => u.Id == token.UserId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive }).FirstOrDefaultAsync();
        if (person is not { IsActive: true }) return AuthenticateResult.Fail("inactive");
        var roles = await db.UserRoles.Where(r => r.UserId == person.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();

        // At most one write a minute per token: "last used" for the token list, not a second audit trail.
        if (token.LastUsedAtUtc is null || now - token.LastUsedAtUtc > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAtUtc = now;
            await db.SaveChangesAsync();
        }

        List<Claim> claims = [new(ClaimTypes.NameIdentifier, person.Id), new(ClaimTypes.Name, person.Email ?? person.Id),
            new(UserExtensions.DisplayNameClaim, person.DisplayName), new(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        // The person's parks, as their cookie carries them (AppClaimsFactory): the park scope's query filters then hold
        // for every API query exactly as for the pages.
        var parks = await db.UserParks.Where(p => p.UserId == person.Id).Select(p => p.ParkId).ToListAsync();
        claims.AddRange(parks.Select(p => new Claim(ParkScope.ParkClaim, p.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        // Personal data needs the token's right and the person still a PI (see Admin/Tokens).
        if (token.PersonalData && roles.Contains(Roles.PI)) claims.Add(new Claim(PersonalDataClaim, "true"));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        var detail = failure switch
        {
            "revoked" => "This token has been revoked.",
            "expired" => "This token has expired.",
            "inactive" => "The token's account is deactivated.",
            "unknown" => "The token is not known.",
            _ => "Send a personal access token: Authorization: Bearer fs_… (a PI issues tokens under Study set-up → API tokens).",
        };
        await Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", "The token's person does not have a role that may read this.");

    Task Problem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = Request.Path },
            options: null, contentType: "application/problem+json");
    }
}
