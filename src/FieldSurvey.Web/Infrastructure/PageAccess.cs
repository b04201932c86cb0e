using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// Who may open which part of the app: one table, bound to page folders so a new page inherits its
/// folder's roles and cannot forget them. Every page needs a signed-in, active user unless listed as
/// anonymous here. The role-matrix test walks every page against its own copy of this table.
/// </summary>
public static class PageAccess
{
    public static void Configure(RazorPagesOptions options)
    {
        var c = options.Conventions;
        c.AuthorizeFolder("/");
        c.AuthorizeFolder("/Admin", Policies.PI);
        c.AuthorizeFolder("/Reports", Policies.PI);
        c.AuthorizeFolder("/Agreement", Policies.PI);
        c.AuthorizeFolder("/Firms", Policies.FieldTeam);
        c.AuthorizeFolder("/Calls", Policies.FieldTeam);
        c.AuthorizeFolder("/Interviews", Policies.FieldTeam);
        c.AuthorizeFolder("/Coding", Policies.Coding);
        c.AllowAnonymousToPage("/Account/Login");
        c.AllowAnonymousToPage("/Account/Setup");
        c.AllowAnonymousToPage("/Error");
    }

    public static void AddPolicies(Microsoft.AspNetCore.Authorization.AuthorizationBuilder auth) => auth
        .AddPolicy(Policies.PI, p => p.RequireRole(Roles.PI))
        .AddPolicy(Policies.FieldTeam, p => p.RequireRole(Roles.PI, Roles.Interviewer))
        .AddPolicy(Policies.Interviewer, p => p.RequireRole(Roles.Interviewer, Roles.PI))
        .AddPolicy(Policies.Coding, p => p.RequireRole(Roles.Coder, Roles.PI));
}
