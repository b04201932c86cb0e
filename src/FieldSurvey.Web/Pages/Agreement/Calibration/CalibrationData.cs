using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Agreement.Calibration;

/// <summary>Why a coder may or may not be given live transcripts: the current test, and whether it was passed or waived.</summary>
public sealed record GateStatus(bool Open, int? TestId, string? TestTitle, string? Reason)
{
    public const string NotTaking = "not taking the current calibration test";
    public const string NotSubmitted = "has not submitted the current calibration test";
    public const string NotPassed = "did not pass the current calibration test";
}

/// <summary>Reads calibration data for the results, the gate and the assignment page: the only code that reads the calibration tables.</summary>
public static class CalibrationData
{
    /// <summary>The current test: the newest. Null when the study has none, and then nobody is held back.</summary>
    public static Task<CalibrationTest?> CurrentTestAsync(this FieldSurveyDbContext db) =>
        db.CalibrationTests.AsNoTracking().OrderByDescending(x => x.CreatedAtUtc).ThenByDescending(x => x.Id).FirstOrDefaultAsync();

    /// <summary>A coder's result on a test, scored by Core against the gold on the agreement page's units.</summary>
    public static async Task<CalibrationResult> ScoreAsync(this FieldSurveyDbContext db, CalibrationTest test, string coderId, int replicates = 1000)
    {
        var terms = await db.Terms.AsNoTracking().Where(t => t.Kind <= TermKind.Nature || t.Kind == TermKind.Theme)
            .ToDictionaryAsync(t => t.Id, t => t.Code);
        string? Code(int? id) => id is { } x ? terms.GetValueOrDefault(x) : null;
        HashSet<string> Themes(IEnumerable<int> ids) => ids.Select(id => terms.GetValueOrDefault(id)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var gold = await db.CalibrationGold.AsNoTracking().Where(g => g.TestId == test.Id).ToListAsync();
        var coded = await db.CalibrationSegments.AsNoTracking().Where(s => s.TestId == test.Id && s.CoderId == coderId).ToListAsync();
        var transcripts = gold.Select(g => g.TranscriptId).Distinct().Order().Select(id => new CalibrationTranscript(id, $"#{id}",
            gold.Where(g => g.TranscriptId == id).Select(g => new CodedSpan(g.Id, g.Start, g.End, Code(g.LinkageTypeId), Code(g.PartnerLocationId),
                Code(g.PartnerKindId), Code(g.NatureId)) { Themes = Themes(g.ThemeIds) }).ToList(),
            coded.Where(s => s.TranscriptId == id).Select(s => new CodedSpan(s.Id, s.Start, s.End, Code(s.LinkageTypeId), Code(s.PartnerLocationId),
                Code(s.PartnerKindId), Code(s.NatureId)) { Themes = Themes(s.ThemeIds) }).ToList())).ToList();
        var codebook = await db.CodebookAsync();
        var testedThemes = test.ThemeIds.Select(id => terms.GetValueOrDefault(id)).OfType<string>().ToList();
        return CalibrationScoring.Score(transcripts, test.Dimensions.Select(d => (TermKind)d).ToList(), codebook, testedThemes, test.PassMark, replicates);
    }

    /// <summary>
    /// Whether a coder may be assigned live transcripts: yes when the study has no calibration test, when the coder
    /// passed the current one (submitted, and every tested row reaches the pass mark), or when a PI waived it with a reason.
    /// </summary>
    public static async Task<GateStatus> GateAsync(this FieldSurveyDbContext db, string coderId)
    {
        if (await db.CurrentTestAsync() is not { } test) return new GateStatus(true, null, null, null);
        if (await db.CalibrationOverrides.AnyAsync(o => o.TestId == test.Id && o.CoderId == coderId))
            return new GateStatus(true, test.Id, test.Title, null);
        var taker = await db.CalibrationTakers.AsNoTracking().SingleOrDefaultAsync(k => k.TestId == test.Id && k.CoderId == coderId);
        if (taker is null) return new GateStatus(false, test.Id, test.Title, GateStatus.NotTaking);
        if (taker.SubmittedAtUtc is null) return new GateStatus(false, test.Id, test.Title, GateStatus.NotSubmitted);
        // The verdict reads alpha itself, not its interval: a few replicates keep the assignment page quick.
        var passed = (await db.ScoreAsync(test, coderId, replicates: 10)).Passed;
        return new GateStatus(passed, test.Id, test.Title, passed ? null : GateStatus.NotPassed);
    }
}
