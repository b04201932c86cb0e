using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Calibration;

/// <summary>
/// A calibration test: transcripts whose adjudicated consensus coding is the gold standard, the coding dimensions
/// and thematic codes it tests, the pass mark on Krippendorff's alpha, and who takes it. The gold coding is copied
/// into <see cref="CalibrationGold"/> when the test is made, so a later adjudication cannot change a test already taken.
/// Calibration coding never counts as study evidence: it lives in tables of its own, which no report, export,
/// search or API query reads.
/// </summary>
public sealed class CalibrationTest : Entity
{
    public required string Title { get; set; }
    /// <summary>Pass mark on alpha for every tested dimension and thematic code (0.800 by convention).</summary>
    public double PassMark { get; set; } = CalibrationRules.DefaultPassMark;
    /// <summary>The coding dimensions tested (<see cref="TermKind.LinkageType"/> … <see cref="TermKind.Nature"/>, as numbers).</summary>
    public List<int> Dimensions { get; set; } = [];
    /// <summary>The thematic codes tested (term ids).</summary>
    public List<int> ThemeIds { get; set; } = [];
    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
    /// <summary>
    /// Drift: a pass holds for this many days after the coder submitted; then the gate closes until the coder passes a
    /// re-test. Null: a pass holds until a newer test is made.
    /// </summary>
    public int? RetestEveryDays { get; set; }
    /// <summary>The test this one re-tests (its coders and set-up), if it was made as a re-test.</summary>
    public int? RetestOfId { get; set; }
}

/// <summary>One gold passage of a test: a copy of a consensus segment, with its codes as term ids.</summary>
public sealed class CalibrationGold : Entity
{
    public int TestId { get; set; }
    public int TranscriptId { get; set; }
    /// <summary>The consensus segment it was copied from (kept for the methods appendix; not a foreign key).</summary>
    public int? SourceSegmentId { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public required string Quote { get; set; }
    public int? LinkageTypeId { get; set; }
    public int? PartnerLocationId { get; set; }
    public int? PartnerKindId { get; set; }
    public int? NatureId { get; set; }
    public List<int> ThemeIds { get; set; } = [];
}

/// <summary>A coder who takes a test; <see cref="SubmittedAtUtc"/> is set once, when the coder submits.</summary>
public sealed class CalibrationTaker : Entity
{
    public int TestId { get; set; }
    public required string CoderId { get; set; }
    public DateTimeOffset AssignedAtUtc { get; set; }
    public DateTimeOffset? SubmittedAtUtc { get; set; }
}

/// <summary>A trainee's coded passage in a test: the same shape as a live segment, in a table of its own.</summary>
public sealed class CalibrationSegment : Entity
{
    public int TestId { get; set; }
    public required string CoderId { get; set; }
    public int TranscriptId { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public required string Quote { get; set; }
    public int? LinkageTypeId { get; set; }
    public int? PartnerLocationId { get; set; }
    public int? PartnerKindId { get; set; }
    public int? NatureId { get; set; }
    public List<int> ThemeIds { get; set; } = [];
    public DateTimeOffset UpdatedAtUtc { get; set; }
}

/// <summary>A PI's decision to let a coder code live transcripts without a pass on the current test (audited with its reason).</summary>
public sealed class CalibrationOverride : Entity
{
    public int TestId { get; set; }
    public required string CoderId { get; set; }
    public required string Reason { get; set; }
    public required string ById { get; set; }
    public DateTimeOffset AtUtc { get; set; }
}

/// <summary>The rules of a test's set-up, as codes the page turns into messages.</summary>
public static class CalibrationRules
{
    public const double DefaultPassMark = 0.800;
    public const string NoTranscripts = "Choose at least one transcript with consensus coding.";
    public const string NothingTested = "Choose at least one dimension or thematic code to test.";
    public const string NoTakers = "Choose at least one coder to take the test.";
    public const string BadPassMark = "The pass mark lies between 0 and 1.";
    public const string BadRetestDays = "Re-test every 1 to 730 days, or leave it blank.";

    /// <summary>What is wrong with a test's set-up, field by field (empty when it may be saved).</summary>
    public static IReadOnlyList<(string Field, string Code)> Check(int transcripts, int dimensions, int themes, int takers, double passMark, int? retestEveryDays = null)
    {
        var problems = new List<(string, string)>();
        if (transcripts == 0) problems.Add(("TranscriptIds", NoTranscripts));
        if (dimensions + themes == 0) problems.Add(("Dimensions", NothingTested));
        if (takers == 0) problems.Add(("CoderIds", NoTakers));
        if (passMark is <= 0 or > 1 || double.IsNaN(passMark)) problems.Add(("PassMark", BadPassMark));
        if (retestEveryDays is < 1 or > 730) problems.Add(("RetestEveryDays", BadRetestDays));
        return problems;
    }

    /// <summary>Whether a pass submitted at <paramref name="submittedAtUtc"/> has expired under the test's re-test schedule.</summary>
    public static bool RetestDue(CalibrationTest test, DateTimeOffset submittedAtUtc, DateTimeOffset nowUtc) =>
        test.RetestEveryDays is { } days && nowUtc >= submittedAtUtc.AddDays(days);
}
