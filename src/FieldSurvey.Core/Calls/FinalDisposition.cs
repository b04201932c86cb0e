namespace FieldSurvey.Core.Calls;

/// <summary>An attempt as the rules see it.</summary>
public sealed record AttemptOutcome(DateTimeOffset AtUtc, string Disposition, DateTimeOffset? CallbackAtUtc = null);

/// <summary>One step of the hierarchy: the classes it takes and a message code (English text, localised by the page).</summary>
public sealed record HierarchyStep(int Rank, IReadOnlyList<RateClass> Classes, string Code);

/// <summary>
/// A firm's final disposition from its call attempts (temporary dispositions). AAPOR Standard Definitions,
/// 10th edition (2023), section on temporary vs. final disposition codes: when a case has several call
/// outcomes, the final code is not simply the last one; it is the outcome that tells the most about the
/// case. A later unanswered call does not undo an interview, a refusal or a finding that the firm is out of
/// scope, and a call that reached someone outranks later calls that reached nobody: once the firm is known
/// to be there (3.20, reached but unknown whether it has an eligible respondent) a later no-answer (3.1x,
/// unknown whether the number reaches an eligible firm at all) must not make the case less known.
/// Within a step the latest attempt wins (AAPOR's "last status"); of two logged at the same time, the one
/// given later. <see cref="Steps"/> is the hierarchy, highest first; the progress page prints it.
/// A PI's override, when set, replaces the derived code.
/// </summary>
public static class FinalDisposition
{
    public const string NoAttemptsCode = "No attempt: 3.11 not attempted.";

    public static readonly IReadOnlyList<HierarchyStep> Steps =
    [
        new(1, [RateClass.Complete], "1.1 complete interview (an interview happened)."),
        new(2, [RateClass.Partial], "1.2 partial interview."),
        new(3, [RateClass.NotEligible], "4.x not eligible, the latest such call (eligibility is settled)."),
        new(4, [RateClass.Refusal], "2.1x refusal or break-off, the latest such call (a later call without contact does not undo it)."),
        new(5, [RateClass.NonContact, RateClass.Other], "2.2x non-contact or 2.30 other: eligible firm, no interview; the latest such call."),
        new(6, [RateClass.UnknownRespondent, RateClass.UnknownOther], "3.2x firm reached, unknown if it has an eligible respondent (or 3.90); the latest such call."),
        new(7, [RateClass.UnknownEligibility], "3.1x firm never reached (no answer, busy, machine...); the latest such call."),
    ];

    public static Disposition Derive(IEnumerable<AttemptOutcome> attempts, string? overrideCode = null)
    {
        if (Dispositions.Find(overrideCode) is { } chosen) return chosen;
        var known = attempts
            .Select((a, index) => (a.AtUtc, Index: index, Disposition: Dispositions.Find(a.Disposition)))
            .Where(a => a.Disposition is not null)
            .ToList();
        if (known.Count == 0) return Dispositions.Get(Dispositions.NotAttempted);
        return known
            .OrderBy(a => Rank(a.Disposition!))
            .ThenByDescending(a => a.AtUtc)
            .ThenByDescending(a => a.Index)
            .First().Disposition!;
    }

    /// <summary>The step of the hierarchy a disposition belongs to (1 = highest).</summary>
    public static int Rank(Disposition d) => Steps.First(s => s.Classes.Contains(d.Class)).Rank;
}
