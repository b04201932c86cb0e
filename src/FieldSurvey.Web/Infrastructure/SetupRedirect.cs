using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// A fresh install with no accounts sends every page to the one-time set-up page that creates the first PI.
/// Once anyone exists the answer is remembered and the set-up page answers 404.
/// </summary>
public sealed class SetupRedirect(RequestDelegate next)
{
    // One middleware instance per app: once true, never asks the database again.
    volatile bool hasUsers;

    public async Task InvokeAsync(HttpContext context, FieldSurveyDbContext db)
    {
        var path = context.Request.Path;
        if (!hasUsers && !path.StartsWithSegments("/Account/Setup") && !path.StartsWithSegments("/health")
            && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js") && !path.StartsWithSegments("/lib")
            && !(hasUsers = await db.Users.AnyAsync()))
        {
            context.Response.Redirect("/Account/Setup");
            return;
        }
        await next(context);
    }
}
