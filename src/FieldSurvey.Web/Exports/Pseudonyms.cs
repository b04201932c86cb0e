using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// Stable pseudonyms for people in exports: a prefix and the person's rank among ALL accounts ordered by
/// creation time (then id). Accounts are deactivated, never deleted, and new ones rank last, so a person
/// keeps the same number in every export (C03 today is C03 next month); the numbers are not contiguous.
/// </summary>
public sealed class Pseudonyms(IReadOnlyDictionary<string, int> rank, IReadOnlyDictionary<string, (string Name, string? Email)> people)
{
    public static async Task<Pseudonyms> LoadAsync(FieldSurveyDbContext db)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.CreatedAtUtc, u.DisplayName, u.Email }).ToListAsync();
        var ordered = users.OrderBy(u => u.CreatedAtUtc).ThenBy(u => u.Id, StringComparer.Ordinal).ToList();
        return new Pseudonyms(ordered.Select((u, i) => (u.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2),
            ordered.ToDictionary(u => u.Id, u => (u.DisplayName, u.Email)));
    }

    /// <summary>A firm in exports without personal data: F and its record number (F0012), in every export the same.</summary>
    public static string Firm(int firmId) => $"F{firmId:D4}";

    public string Of(string? userId, char prefix) =>
        userId is null ? "" : rank.TryGetValue(userId, out var n) ? $"{prefix}{n:D2}" : $"{prefix}??";

    public string RealName(string? userId) => userId is not null && people.TryGetValue(userId, out var p) ? p.Name : "";
    public string? Email(string? userId) => userId is not null && people.TryGetValue(userId, out var p) ? p.Email : null;
}
