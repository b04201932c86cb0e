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
    public static async Task<Dictionary<int, List<string>>> NumbersByFirmAsync(this FieldSurveyDbContext db, IReadOnlyCollection<int> firmIds)
    {
        var rows = await db.Contacts.Where(c => firmIds.Contains(c.FirmId)).OrderBy(c => c.Id).Select(c => new { c.FirmId, c.Phones }).ToListAsync();
        return rows.GroupBy(r => r.FirmId).ToDictionary(g => g.Key, g => g.SelectMany(r => r.Phones).Distinct().ToList());
    }

    /// <summary>
    /// The call list step for do-not-call (issue 24): firms that cannot be called leave, and a row whose first number
    /// is marked shows the firm's first number that is not.
    /// </summary>
    public static async Task<IReadOnlyList<CallListRow>> WithoutDoNotCallAsync(this FieldSurveyDbContext db, IReadOnlyList<CallListRow> rows)
    {
        var dnc = await db.DoNotCallListAsync();
        var numbers = await db.NumbersByFirmAsync(rows.Select(r => r.Entry.FirmId).ToList());
        return rows.Where(r => dnc.Callable(r.Entry.FirmId, numbers.GetValueOrDefault(r.Entry.FirmId) ?? []))
            .Select(r => dnc.NumberBarred(r.Phone) ? r with { Phone = numbers[r.Entry.FirmId].FirstOrDefault(n => !dnc.NumberBarred(n)) } : r)
            .ToList();
    }
}
