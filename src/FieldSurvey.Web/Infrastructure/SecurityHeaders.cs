namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// Headers on every response. The CSP allows scripts from this origin only (no inline script, no
/// eval), which is why views never use onclick= or &lt;script&gt; blocks.
/// </summary>
public static class SecurityHeaders
{
    const string Csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
                       "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; " +
                       "form-action 'self'; frame-ancestors 'none'";

    // The API reference (Scalar, issue 26) starts itself with one inline module script; only that page may run one.
    const string ReferenceCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
                                "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
                                "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/reference") ? ReferenceCsp : Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
