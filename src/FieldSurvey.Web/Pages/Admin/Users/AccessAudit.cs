using System.Text.Json;
using FieldSurvey.Core.Auditing;
using FieldSurvey.Web.Data;

namespace FieldSurvey.Web.Pages.Admin.Users;

/// <summary>A change to what a person may do; each is one row of the audit trail.</summary>
public enum AccessChange { RoleGranted, RoleRemoved, PasswordReset, Unlocked, Deactivated, Reactivated, ParkGranted, ParkRemoved, TokenIssued, TokenRevoked }

/// <summary>
/// Writes changes of access to the audit trail as "Access" rows (who, when, whose account, what). Identity's
/// role rows are not entities the automatic audit sees, and a password reset touches only secret columns it
/// leaves out, so these are written here, in the same transaction as the change they record.
/// </summary>
public static class AccessAudit
{
    public const string Entity = "Access";

    public static async Task RecordAsync(FieldSurveyDbContext db, TimeProvider clock, AppUser person, AccessChange change,
        string? role, string? byId, string? byName, IReadOnlyDictionary<string, string?>? details = null)
    {
        var what = new Dictionary<string, string?> { ["Person"] = person.Email };
        if (role is not null) what[change is AccessChange.ParkGranted or AccessChange.ParkRemoved ? "Park" : "Role"] = role;
        foreach (var (key, value) in details ?? new Dictionary<string, string?>()) what[key] = value;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow(), UserId = byId, UserName = byName, Entity = Entity, EntityId = person.Id,
            Action = change.ToString(), After = JsonSerializer.Serialize(what),
        });
        await db.SaveChangesAsync();
    }
}
