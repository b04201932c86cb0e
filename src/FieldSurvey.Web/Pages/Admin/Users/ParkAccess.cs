using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Users;

/// <summary>A park the PI can limit a person to, and whether they are limited to it now.</summary>
public sealed record ParkChoice(int Id, string Code, string NameEn, string NameZh);

/// <summary>Reads and changes the parks a person is limited to (<see cref="UserPark"/>); each change is an "Access" audit row.</summary>
public static class ParkAccess
{
    public static async Task<List<int>> ParkIdsOfAsync(this FieldSurveyDbContext db, string userId) =>
        await db.UserParks.Where(p => p.UserId == userId).Select(p => p.ParkId).OrderBy(p => p).ToListAsync();

    /// <summary>The study's parks in use, and any retired park the person is still limited to (so it can be taken away).</summary>
    public static async Task<IReadOnlyList<ParkChoice>> ParkChoicesAsync(this FieldSurveyDbContext db, string userId)
    {
        var held = db.UserParks.Where(u => u.UserId == userId).Select(u => u.ParkId);
        return await db.Parks.Where(p => p.RetiredAt == null || held.Contains(p.Id)).OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Select(p => new ParkChoice(p.Id, p.Code, p.NameEn, p.NameZh)).ToListAsync();
    }

    public static async Task SetAsync(FieldSurveyDbContext db, AppUser person, IReadOnlySet<int> wanted, IReadOnlyList<ParkChoice> parks,
        Func<AccessChange, string?, Task> audit)
    {
        var rows = await db.UserParks.Where(p => p.UserId == person.Id).ToListAsync();
        var code = parks.ToDictionary(p => p.Id, p => p.Code);
        foreach (var row in rows.Where(r => !wanted.Contains(r.ParkId)))
        {
            db.UserParks.Remove(row);
            await audit(AccessChange.ParkRemoved, code.GetValueOrDefault(row.ParkId) ?? row.ParkId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var park in wanted.Where(p => rows.All(r => r.ParkId != p)))
        {
            db.UserParks.Add(new UserPark { UserId = person.Id, ParkId = park });
            await audit(AccessChange.ParkGranted, code[park]);
        }
    }
}
