using FieldSurvey.Core.Calibration;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding.Calibration;

/// <summary>
/// A coder's own place in a calibration test: the test, their taker row, and the ids of the test's transcripts.
/// Only the transcript ids come from the gold table here, never a gold passage: the taking pages are blind.
/// </summary>
public sealed record CalibrationSeat(CalibrationTest Test, CalibrationTaker Taker, IReadOnlyList<int> TranscriptIds)
{
    /// <summary>Once submitted, a test's answers are final.</summary>
    public bool CanEdit => Taker.SubmittedAtUtc is null;

    /// <summary>The seat of <paramref name="coderId"/> on the test; null when the test does not exist or they do not take it.</summary>
    public static async Task<CalibrationSeat?> FindAsync(FieldSurveyDbContext db, int testId, string coderId)
    {
        var taker = await db.CalibrationTakers.SingleOrDefaultAsync(k => k.TestId == testId && k.CoderId == coderId);
        if (taker is null) return null;
        var test = await db.CalibrationTests.AsNoTracking().SingleAsync(x => x.Id == testId);
        var transcripts = await db.CalibrationGold.AsNoTracking().Where(g => g.TestId == testId).Select(g => g.TranscriptId).Distinct().ToListAsync();
        return new CalibrationSeat(test, taker, transcripts.Order().ToList());
    }
}
