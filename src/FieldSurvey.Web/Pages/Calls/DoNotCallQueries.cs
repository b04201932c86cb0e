using FieldSurvey.Core.Calls;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Calls;

public static class DoNotCallQueries
{
    /// <summary>
    /// The active entries of the whole study. DoNotCall has no park filter on purpose: a number marked in one park's
    /// firm must bar it in every firm, including those a park-scoped interviewer sees.
    /// </summary>
    public static async Task<DoNotCallList> DoNotCallListAsync(this FieldSurveyDbContext db)
    {
        var active = await db.DoNotCalls.AsNoTracking().Where(d => d.RemovedAtUtc == null)
            .Select(d => new { d.FirmId, d.Number }).ToListAsync();
        return new DoNotCallList(active.Where(d => d.Number == null && d.FirmId != null).Select(d => d.FirmId!.Value),
            active.Where(d => d.Number != null).Select(d => d.Number!));
    }

    /// <summary>Every number on file for each of the given firms, in contact order.</summary>
    public static Task<Dictionary<int, List<string>>> NumbersByFirmAsync(this FieldSurveyDbContext db, IReadOnlyCollection<int> firmIds) =>
        NumbersAsync(db.Contacts.Where(c => firmIds.Contains(c.FirmId)));

    /// <summary>Every number on file for each firm of <paramref name="firmIds"/> (a query, so it runs as a sub-select), in contact order.</summary>
    public static Task<Dictionary<int, List<string>>> NumbersByFirmAsync(this FieldSurveyDbContext db, IQueryable<int> firmIds) =>
        NumbersAsync(db.Contacts.Where(c => firmIds.Contains(c.FirmId)));

    static async Task<Dictionary<int, List<string>>> NumbersAsync(IQueryable<Core.Firms.Contact> contacts)
    {
        var rows = await contacts.OrderBy(c => c.Id).Select(c => new { c.FirmId, c.Phones }).ToListAsync();
        return rows.GroupBy(r => r.FirmId).ToDictionary(g => g.Key, g => g.SelectMany(r => r.Phones).Distinct().ToList());
    }
}
