namespace FieldSurvey.Core.Calls;

/// <summary>An attempt as the rules see it.</summary>
public sealed record AttemptOutcome(DateTimeOffset AtUtc, string Disposition, DateTimeOffset? CallbackAtUtc = null);

/// <summary>
/// A firm's final disposition from its call attempts. AAPOR (Standard Definitions 2023, section on
/// assigning final dispositions) asks for the outcome that carries the most information, which is not
/// always the last call: a later unanswered call does not undo an interview, a refusal or a finding that
/// the firm is out of scope, and a call that reached the firm (eligibility known) outranks later calls
/// that reached nobody. The priority, highest first:
/// <list type="number">
/// <item>1.1 complete, then 1.2 partial (an interview happened);</item>
/// <item>not eligible (4.x), the latest such attempt (eligibility is settled);</item>
/// <item>refusal or break-off (2.1x), the latest such attempt;</item>
/// <item>other eligible non-interview (2.2x non-contact, 2.30 other), the latest;</item>
/// <item>unknown eligibility (3.x), the latest;</item>
/// <item>no attempts: 3.11 not attempted.</item>
/// </list>
/// A PI's override, when set, replaces the derived code.
/// </summary>
public static class FinalDisposition
{
    public static Disposition Derive(IEnumerable<AttemptOutcome> attempts, string? overrideCode = null)
    {
        if (Dispositions.Find(overrideCode) is { } chosen) return chosen;
        var known = attempts
            .Select(a => (a.AtUtc, Disposition: Dispositions.Find(a.Disposition)))
            .Where(a => a.Disposition is not null)
            .Select(a => (a.AtUtc, Disposition: a.Disposition!))
            .ToList();
        if (known.Count == 0) return Dispositions.Get(Dispositions.NotAttempted);
        return known
            .OrderBy(a => Rank(a.Disposition))
            .ThenByDescending(a => a.AtUtc)
            .First().Disposition;
    }

    static int Rank(Disposition d) => d.Class switch
    {
        RateClass.Complete => 0,
        RateClass.Partial => 1,
        RateClass.NotEligible => 2,
        RateClass.Refusal => 3,
        RateClass.NonContact or RateClass.Other => 4,
        _ => 5,
    };
}
