using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FieldSurvey.Web.Infrastructure;

/// <summary><c>GET /health</c>: 200 and {"app","version","status","database"} when the database answers, else 503.</summary>
public static class Health
{
    public static readonly string Version =
        typeof(Health).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                app = "FieldSurvey",
                version = Version,
                status = report.Status.ToString(),
                database = report.Entries.TryGetValue("database", out var d) ? d.Status.ToString() : "Unknown",
            }),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
}
