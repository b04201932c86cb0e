using System.Security.Claims;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Firms;

/// <summary>A person who can hold a call list.</summary>
public sealed record Caller(string Id, string Name);

/// <summary>Queries the firm, call and progress pages share.</summary>
public static class FirmQueries
{
    /// <summary>Active people who can work a call list: interviewers and PIs (a PI may also call).</summary>
    public static async Task<IReadOnlyList<Caller>> CallersAsync(this FieldSurveyDbContext db)
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.Interviewer || r.Name == Roles.PI).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.Where(u => u.IsActive && userIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new Caller(u.Id, u.DisplayName == "" ? u.Email! : u.DisplayName)).ToListAsync();
    }

    /// <summary>
    /// Whether <paramref name="user"/> may call a firm and read its contacts: a PI any firm, an interviewer
    /// their own and unassigned ones. Another interviewer's firm, its numbers included, stays with them.
    /// </summary>
    public static bool CanWork(this ClaimsPrincipal user, string? assignedInterviewerId) =>
        user.IsPI() || assignedInterviewerId is null || assignedInterviewerId == user.Id();

    /// <summary>The attempts of the given firms, as the Core rules read them, in the order they were made (then logged).</summary>
    public static async Task<Dictionary<int, List<AttemptOutcome>>> AttemptsByFirmAsync(this FieldSurveyDbContext db, IQueryable<int> firmIds)
    {
        var rows = await db.CallAttempts.Where(a => firmIds.Contains(a.FirmId)).OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .Select(a => new { a.FirmId, a.AtUtc, a.Disposition, a.CallbackAtUtc }).ToListAsync();
        return rows.GroupBy(r => r.FirmId)
            .ToDictionary(g => g.Key, g => g.Select(r => new AttemptOutcome(r.AtUtc, r.Disposition, r.CallbackAtUtc)).ToList());
    }

    /// <summary>Every firm's names and phone numbers, for duplicate detection (frames hold hundreds of firms, not millions).</summary>
    public static async Task<IReadOnlyList<FirmKey>> FirmKeysAsync(this FieldSurveyDbContext db)
    {
        var phones = (await db.Contacts.Select(c => new { c.FirmId, c.Phones }).ToListAsync())
            .GroupBy(c => c.FirmId).ToDictionary(g => g.Key, g => g.SelectMany(c => c.Phones).ToList());
        return (await db.Firms.Select(f => new { f.Id, f.NameZh, f.NameEn }).ToListAsync())
            .Select(f => new FirmKey(f.Id, f.NameZh, f.NameEn, phones.GetValueOrDefault(f.Id) ?? [])).ToList();
    }

}
