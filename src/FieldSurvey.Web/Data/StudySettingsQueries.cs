using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data;

public static class StudySettingsQueries
{
    /// <summary>The study's one settings row (the first, should a second ever appear), or null before seeding.</summary>
    public static Task<StudySettings?> CurrentAsync(this IQueryable<StudySettings> settings, CancellationToken ct = default) =>
        settings.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
}
