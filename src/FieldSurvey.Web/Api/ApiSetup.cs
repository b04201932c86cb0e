using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using FieldSurvey.Core.Auditing;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace FieldSurvey.Web.Api;

/// <summary>Settings of the read API (section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";
    /// <summary>Calls a token may make per minute before it gets 429.</summary>
    public int RequestsPerMinute { get; set; } = 120;
}

/// <summary>
/// The read API's wiring in one place: the bearer scheme, one policy per audience (the pages' roles, but
/// authenticated by token, never by the sign-in cookie), the per-token rate limit, the audit of every call,
/// the OpenAPI document and its browsable reference. Endpoints are in <see cref="ApiEndpoints"/>.
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";
    public const string RateLimit = "api-token";
    public const string FieldTeam = "Api.FieldTeam", PI = "Api.PI", Anyone = "Api.Anyone";
    /// <summary>A signed-in user (cookie) or a token: who may read the OpenAPI document.</summary>
    public const string Document = "Api.Document";
    const string DocumentScheme = "ApiTokenOrCookie";

    public static void AddFieldSurveyApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            // The document is for both readers: a script with a token, a person signed in (the reference page fetches it).
            .AddPolicyScheme(DocumentScheme, null, o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(FieldTeam, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.PI, Roles.Interviewer))
            .AddPolicy(PI, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.PI))
            .AddPolicy(Anyone, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.All))
            .AddPolicy(Document, p => p.AddAuthenticationSchemes(DocumentScheme).RequireAuthenticatedUser());
        // R and Python readers get column names as the data package has them (firm_id, at_utc).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.AddProblemDetails();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimit, context =>
            {
                var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value.RequestsPerMinute;
                // One bucket per token; calls without a token are refused (401) before they get here.
                var key = context.User.FindFirstValue(ApiTokenAuthentication.TokenIdClaim) ?? "none";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                    { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests",
                    Detail = "This token has made too many calls in the last minute; wait and try again.",
                }, options: null, contentType: "application/problem+json", ct);
            };
        });
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "FieldSurvey read API", Version = "v1",
                    Description = "Read-only access to a FieldSurvey study for R, Stata and Python. Send a personal access token: Authorization: Bearer fs_… See docs/api.md.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "A personal access token (fs_…)." },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>
    /// Before <c>UseAuthorization</c>, which authenticates the token and sets the caller, so the audit written
    /// after the response sees who called, refusals (403, 429) included.
    /// </summary>
    public static void UseApiAudit(this WebApplication app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Prefix), b => b.Use(AuditAsync));

    public static void MapFieldSurveyApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).RequireRateLimiting(RateLimit).WithTags("FieldSurvey").AddEndpointFilter(ApiQueryCheck.Filter);
        ApiEndpoints.Map(api);
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Document);
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("FieldSurvey API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .RequireAuthorization();
    }

    /// <summary>
    /// Every call made with a token is one "Api" row of the audit trail: who (the token's person and the token),
    /// when, what (path, query, status). Calls without a usable token are refused before anything is read.
    /// </summary>
    static async Task AuditAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        var user = context.User;
        if (user.FindFirstValue(ApiTokenAuthentication.TokenIdClaim) is not { } tokenId) return;
        var db = context.RequestServices.GetRequiredService<FieldSurveyDbContext>();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow(), UserId = user.FindFirstValue(ClaimTypes.NameIdentifier), UserName = user.Identity?.Name,
            Entity = AuditEntity, EntityId = tokenId, Action = context.Request.Method,
            After = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["Path"] = context.Request.Path.Value ?? "", ["Query"] = context.Request.QueryString.Value ?? "",
                ["Status"] = context.Response.StatusCode.ToString(CultureInfo.InvariantCulture),
            }),
        });
        await db.SaveChangesAsync();
    }

    public const string AuditEntity = "Api";
}
