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
    public const string RetestDue = "is due for a calibration re-test";
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
        var terms = await db.TermCodesAsync();
        var gold = await db.CalibrationGold.AsNoTracking().Where(g => g.TestId == test.Id).ToListAsync();
        var coded = await db.CalibrationSegments.AsNoTracking().Where(s => s.TestId == test.Id && s.CoderId == coderId).ToListAsync();
        var transcripts = gold.Select(g => g.TranscriptId).Distinct().Order().Select(id => new CalibrationTranscript(id, $"#{id}",
            gold.Where(g => g.TranscriptId == id).Select(g => Span(terms, g)).ToList(),
            coded.Where(s => s.TranscriptId == id).Select(s => Span(terms, s)).ToList())).ToList();
        var codebook = await db.CodebookAsync();
        return CalibrationScoring.Score(transcripts, Dimensions(test), codebook, Themes(terms, test), test.PassMark, replicates);
    }

    /// <summary>Term ids to codes, for the coding dimensions and the thematic codes.</summary>
    static Task<Dictionary<int, string>> TermCodesAsync(this FieldSurveyDbContext db) =>
        db.Terms.AsNoTracking().Where(t => t.Kind <= TermKind.Nature || t.Kind == TermKind.Theme).ToDictionaryAsync(t => t.Id, t => t.Code);

    static CodedSpan Span(Dictionary<int, string> terms, CalibrationGold g) =>
        Span(terms, g.Id, g.Start, g.End, g.LinkageTypeId, g.PartnerLocationId, g.PartnerKindId, g.NatureId, g.ThemeIds);

    static CodedSpan Span(Dictionary<int, string> terms, CalibrationSegment s) =>
        Span(terms, s.Id, s.Start, s.End, s.LinkageTypeId, s.PartnerLocationId, s.PartnerKindId, s.NatureId, s.ThemeIds);

    static CodedSpan Span(Dictionary<int, string> terms, int id, int start, int end, int? type, int? location, int? kind, int? nature, IEnumerable<int> themes)
    {
        string? Code(int? x) => x is { } v ? terms.GetValueOrDefault(v) : null;
        return new CodedSpan(id, start, end, Code(type), Code(location), Code(kind), Code(nature))
            { Themes = themes.Select(t => terms.GetValueOrDefault(t)).OfType<string>().ToHashSet(StringComparer.Ordinal) };
    }

    static List<TermKind> Dimensions(CalibrationTest test) => test.Dimensions.Select(d => (TermKind)d).ToList();
    static List<string> Themes(Dictionary<int, string> terms, CalibrationTest test) => test.ThemeIds.Select(id => terms.GetValueOrDefault(id)).OfType<string>().ToList();

    /// <summary>A coder's submitted tests, oldest first, with their scores against the gold: the drift history.</summary>
    public static async Task<IReadOnlyList<(CalibrationTest Test, DateTimeOffset SubmittedAtUtc, CalibrationResult Result)>> HistoryAsync(
        this FieldSurveyDbContext db, string coderId, int replicates = 1000)
    {
        var history = new List<(CalibrationTest, DateTimeOffset, CalibrationResult)>();
        foreach (var (test, submitted) in await db.SubmittedTestsAsync(coderId))
            history.Add((test, submitted, await db.ScoreAsync(test, coderId, replicates)));
        return history;
    }

    /// <summary>The tests a coder has submitted, with when, oldest first.</summary>
    static async Task<List<(CalibrationTest Test, DateTimeOffset Submitted)>> SubmittedTestsAsync(this FieldSurveyDbContext db, string coderId) =>
        (await db.CalibrationTakers.AsNoTracking().Where(k => k.CoderId == coderId && k.SubmittedAtUtc != null)
            .Join(db.CalibrationTests, k => k.TestId, x => x.Id, (k, x) => new { Test = x, Submitted = k.SubmittedAtUtc!.Value }).ToListAsync())
        .OrderBy(x => x.Submitted).ThenBy(x => x.Test.Id).Select(x => (x.Test, x.Submitted)).ToList();

    /// <summary>Intra-coder agreement of a coder over their submitted tests that share transcripts (Core pairs them).</summary>
    public static async Task<IReadOnlyList<IntraCoderResult>> IntraCoderAsync(this FieldSurveyDbContext db, string coderId, int replicates = 1000)
    {
        var terms = await db.TermCodesAsync();
        var taken = await db.SubmittedTestsAsync(coderId);
        var testIds = taken.Select(x => x.Test.Id).ToList();
        var coded = await db.CalibrationSegments.AsNoTracking().Where(s => s.CoderId == coderId && testIds.Contains(s.TestId)).ToListAsync();
        // A transcript of a test counts as coded by the coder when it is in the test's gold, even if the coder marked nothing in it.
        var goldTranscripts = (await db.CalibrationGold.AsNoTracking().Where(g => testIds.Contains(g.TestId))
            .Select(g => new { g.TestId, g.TranscriptId }).Distinct().ToListAsync()).ToLookup(g => g.TestId, g => g.TranscriptId);
        var codings = taken.Select(x => new CoderTestCoding(x.Test.Id, x.Submitted, Dimensions(x.Test), Themes(terms, x.Test),
            goldTranscripts[x.Test.Id].ToDictionary(id => id, id => (IReadOnlyList<CodedSpan>)coded.Where(s => s.TestId == x.Test.Id && s.TranscriptId == id)
                .Select(s => Span(terms, s)).ToList()))).ToList();
        var passMark = taken.Count == 0 ? CalibrationRules.DefaultPassMark : taken[^1].Test.PassMark;   // the latest test's
        return CalibrationScoring.IntraCoder(codings, await db.CodebookAsync(), passMark, replicates);
    }

    /// <summary>
    /// Whether a coder may be assigned live transcripts: yes when the study has no calibration test, when the coder
    /// passed the current one (submitted, and every tested row reaches the pass mark) and the pass has not expired
    /// under the test's re-test schedule, or when a PI waived it with a reason.
    /// </summary>
    public static async Task<GateStatus> GateAsync(this FieldSurveyDbContext db, string coderId, DateTimeOffset nowUtc)
    {
        if (await db.CurrentTestAsync() is not { } test) return new GateStatus(true, null, null, null);
        if (await db.CalibrationOverrides.AnyAsync(o => o.TestId == test.Id && o.CoderId == coderId))
            return new GateStatus(true, test.Id, test.Title, null);
        var taker = await db.CalibrationTakers.AsNoTracking().SingleOrDefaultAsync(k => k.TestId == test.Id && k.CoderId == coderId);
        if (taker is null) return new GateStatus(false, test.Id, test.Title, GateStatus.NotTaking);
        if (taker.SubmittedAtUtc is null) return new GateStatus(false, test.Id, test.Title, GateStatus.NotSubmitted);
        // The verdict reads alpha itself, not its interval: a few replicates keep the assignment page quick.
        var passed = (await db.ScoreAsync(test, coderId, replicates: 10)).Passed;
        if (passed && CalibrationRules.RetestDue(test, taker.SubmittedAtUtc.Value, nowUtc))
            return new GateStatus(false, test.Id, test.Title, GateStatus.RetestDue);   // drift: the pass has expired
        return new GateStatus(passed, test.Id, test.Title, passed ? null : GateStatus.NotPassed);
    }
}
