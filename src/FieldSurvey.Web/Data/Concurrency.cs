using FieldSurvey.Core;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data;

/// <summary>
/// Optimistic concurrency for edit forms: the form carries the version it was loaded with; saving
/// checks that version against the database and refuses (never overwrites) when someone saved in between.
/// </summary>
public static class Concurrency
{
    /// <summary>Declare which version of <paramref name="entity"/> the person was looking at.</summary>
    public static void ExpectVersion<T>(this FieldSurveyDbContext db, T entity, int version) where T : Entity =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;

    /// <summary>Saves; false when a record changed or vanished since it was loaded (nothing is written then).</summary>
    public static async Task<bool> TrySaveAsync(this FieldSurveyDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
