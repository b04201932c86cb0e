using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// Who may open which part of the app: one table, bound to page folders so a new page inherits its
/// folder's roles and cannot forget them. Every page needs a signed-in, active user unless listed as
/// anonymous here. The main menu is drawn from the same table (<see cref="Allows"/>), so a link is shown
/// exactly when its page would open. The role-matrix test walks every page against its own copy of this table.
/// </summary>
public static class PageAccess
{
    /// <summary>The roles each policy lets in.</summary>
    static readonly Dictionary<string, string[]> PolicyRoles = new()
    {
        [Policies.PI] = [Roles.PI],
        [Policies.FieldTeam] = [Roles.PI, Roles.Interviewer],
        [Policies.Coding] = [Roles.Coder, Roles.PI],
    };

    /// <summary>Page folders and the policy that guards each; pages outside them need only a signed-in user.</summary>
    public static readonly IReadOnlyList<(string Folder, string Policy)> Folders =
    [
        ("/Admin", Policies.PI), ("/Reports", Policies.PI), ("/Agreement", Policies.PI),
        ("/Firms", Policies.FieldTeam), ("/Calls", Policies.FieldTeam), ("/Interviews", Policies.FieldTeam),
        ("/Coding", Policies.Coding),
    ];

    /// <summary>The main menu in its order: a folder's index page and its label (an English key of the string table).</summary>
    public static readonly IReadOnlyList<(string Path, string Label)> Menu =
    [
        ("/Calls", "Call list"), ("/Firms", "Firms"), ("/Interviews", "Interviews"), ("/Coding", "Coding"), ("/Coding/Memos", "Memos"),
        ("/Agreement", "Agreement"), ("/Reports", "Reports"), ("/Admin", "Study set-up"),
    ];

    public static void Configure(RazorPagesOptions options)
    {
        var c = options.Conventions;
        c.AuthorizeFolder("/");
        foreach (var (folder, policy) in Folders) c.AuthorizeFolder(folder, policy);
        c.AllowAnonymousToPage("/Account/Login");
        c.AllowAnonymousToPage("/Account/Setup");
        c.AllowAnonymousToPage("/Error");
    }

    public static void AddPolicies(Microsoft.AspNetCore.Authorization.AuthorizationBuilder auth)
    {
        foreach (var (policy, roles) in PolicyRoles) auth.AddPolicy(policy, p => p.RequireRole(roles));
    }

    /// <summary>Whether the folder policies let a signed-in <paramref name="user"/> open the page at <paramref name="path"/>.</summary>
    public static bool Allows(ClaimsPrincipal user, string path) =>
        user.Identity?.IsAuthenticated == true
        && (Folders.FirstOrDefault(f => path == f.Folder || path.StartsWith(f.Folder + "/", StringComparison.OrdinalIgnoreCase)).Policy is not { } policy
            || PolicyRoles[policy].Any(user.IsInRole));
}
