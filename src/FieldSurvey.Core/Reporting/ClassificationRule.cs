using System.Globalization;
using System.Text.Json;

namespace FieldSurvey.Core.Reporting;

public enum Verdict
{
    Collaborating = 0,
    Competing = 1,
    Mixed = 2,
    InsufficientEvidence = 3,
}

/// <summary>
/// The thresholds of the suggested classification (domain.md, "From linkages to a classification"), stored
/// as JSON in StudySettings.ClassificationRuleJson and printed on every report. Defaults are domain.md's;
/// the minimum counts are ours: below 10 mentions or 3 interviewed firms in a park, shares swing on one answer.
/// </summary>
public sealed record ClassificationRule
{
    public double MinDissimilarity { get; init; } = 0.3;
    public double CollaboratingShare { get; init; } = 0.2;
    public int MinTypesAboveShare { get; init; } = 2;
    public double CompetingShare { get; init; } = 0.1;
    public int MinMentionsPerPark { get; init; } = 10;
    public int MinFirmsPerPark { get; init; } = 3;
    /// <summary>Issue 19: a threshold is passed only when the whole 95 % interval passes it, not just the point estimate.</summary>
    public bool RequireInterval { get; init; }
    /// <summary>Issue 19: the nature condition also asks the survey (F1–F3: partners against competitors).</summary>
    public bool UseSurveyNature { get; init; }

    public static readonly ClassificationRule Default = new();

    static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored rule, or the default when none is stored (or it cannot be read).</summary>
    public static ClassificationRule FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Default;
        try { return JsonSerializer.Deserialize<ClassificationRule>(json, Json) ?? Default; }
        catch (JsonException) { return Default; }
    }

    /// <summary>Problems as (field, message) pairs; empty when the rule is usable.</summary>
    public IEnumerable<(string Field, string Code)> Check()
    {
        if (MinDissimilarity is < 0 or > 1) yield return (nameof(MinDissimilarity), "Enter a number from 0 to 1.");
        if (CollaboratingShare is < 0 or > 1) yield return (nameof(CollaboratingShare), "Enter a number from 0 to 1.");
        if (CompetingShare is < 0 or > 1) yield return (nameof(CompetingShare), "Enter a number from 0 to 1.");
        if (CompetingShare > CollaboratingShare) yield return (nameof(CompetingShare), "The competing share must not exceed the collaborating share.");
        if (MinTypesAboveShare < 1) yield return (nameof(MinTypesAboveShare), "Enter at least 1.");
        if (MinMentionsPerPark < 0) yield return (nameof(MinMentionsPerPark), "Enter 0 or more.");
        if (MinFirmsPerPark < 0) yield return (nameof(MinFirmsPerPark), "Enter 0 or more.");
    }

    static string F(double d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// The rule in words, as a code: the string-table key with its thresholds as {0}…{5}. Every report (page,
    /// workbook, PDF) prints it through the string table, so its wording lives here and in the resx only.
    /// </summary>
    public const string StatementKey =
        "Insufficient evidence when a park has fewer than {0} mentions or fewer than {1} interviewed firms. " +
        "Collaborating when dissimilarity (Duncan) ≥ {2}, cross-cluster share ≥ {3} in at least {4} linkage types, " +
        "and collaborative mentions outnumber competitive ones. " +
        "Competing when dissimilarity < {2} and either competitive mentions outnumber collaborative ones " +
        "or the cross-cluster share is < {5} in every linkage type with evidence (a type with no within- or cross-cluster mentions is no evidence, not a share of 0; with no evidence in any type this condition does not hold). " +
        "Otherwise mixed. For the three parks, dissimilarity is the lowest pairwise index.";

    public Reason Statement() => new(StatementKey, MinMentionsPerPark.ToString(CultureInfo.InvariantCulture),
        MinFirmsPerPark.ToString(CultureInfo.InvariantCulture), F(MinDissimilarity), F(CollaboratingShare),
        MinTypesAboveShare.ToString(CultureInfo.InvariantCulture), F(CompetingShare));

    /// <summary>The rule's options in words (issue 19), printed after <see cref="Statement"/> when they are on.</summary>
    public IReadOnlyList<Reason> Options() =>
        [.. RequireInterval ? [new Reason(IntervalText)] : Array.Empty<Reason>(), .. UseSurveyNature ? [new Reason(SurveyText)] : Array.Empty<Reason>()];

    public const string IntervalText =
        "Each threshold must be passed by the whole 95 % interval, not only by the point estimate: dissimilar when the interval's lower end reaches the threshold, similar when its upper end is below it, a linkage type dense when its share's lower end reaches the share threshold, sparse when its upper end is below the competing share; an interval that straddles a threshold passes neither way.";
    public const string SurveyText =
        "Survey answers count too: collaborating also needs more firms to call the other parks' firms partners than competitors (F1–F3, an answer \"both\" counting for each); competing also holds when more call them competitors than partners.";
}

/// <summary>
/// One reason or note as a code: <see cref="Key"/> is the string-table key (an English sentence with {0}…
/// placeholders, as AnswerRules' codes are) and <see cref="Args"/> its already formatted figures. Core never
/// builds the sentence: the report presentation translates it for the reader.
/// </summary>
public sealed record Reason(string Key, params string[] Args);

/// <summary>A suggested verdict with the reasons (conditions and numbers) and the rule that produced it, all as codes.</summary>
public sealed record Classification(string Key, Verdict Verdict, IReadOnlyList<Reason> Reasons, Reason Rule);

public static class Classifier
{
    public const string ThinPark = "{0}: {1} mentions (minimum {2}) and {3} interviewed firms (minimum {4}).";
    public const string NoProfile = "Dissimilarity cannot be computed: a park has no value-chain profile (answer A6).";
    public const string Dissimilar = "Dissimilarity {0} ≥ {1}: the parks do different value-chain work.";
    public const string Similar = "Dissimilarity {0} < {1}: the parks have similar value-chain profiles.";
    public const string LowestPair = "The three-park dissimilarity is that of the most similar pair, {0}; pairwise: {1}.";
    public const string Dense = "Cross-cluster share ≥ {0} in {1} linkage type(s) (needed {2}): {3}.";
    public const string DenseNone = "Cross-cluster share ≥ {0} in {1} linkage type(s) (needed {2}).";
    public const string NoEvidence = "No evidence (no within- or cross-cluster mentions) for: {0}; these types count neither way.";
    public const string Sparse = "Cross-cluster share < {0} in every linkage type with evidence.";
    public const string NotSparse = "Cross-cluster share reaches {0} in at least one linkage type.";
    public const string NothingToCompare = "No linkage type has within- or cross-cluster evidence: the parks cannot be called competing for want of linkages.";
    public const string Natures = "Collaborative mentions about the other parks: {0}; competitive: {1}.";
    public const string AllCollaborating = "All conditions for collaborating hold.";
    public const string AllCompeting = "The conditions for competing hold.";
    public const string Neither = "Neither the conditions for collaborating nor those for competing all hold.";

    public const string IntervalDissimilarity = "Rule on intervals: dissimilarity interval {0} to {1} against threshold {2}: {3}.";
    public const string IntervalDense = "Rule on intervals: linkage types whose whole share interval reaches {0}: {1}; whose whole interval is below {2}: {3}.";
    public const string SurveyNatures = "Survey answers (F1–F3) about the other parks: partners {0}, competitors {1}.";
    public const string Passes = "passes";
    public const string FailsBelow = "below";
    public const string Straddles = "straddles the threshold";

    /// <summary>Every reason key, so the string table can be checked for them.</summary>
    public static readonly IReadOnlyList<string> ReasonKeys =
        [ThinPark, NoProfile, Dissimilar, Similar, LowestPair, Dense, DenseNone, NoEvidence, Sparse, NotSparse, NothingToCompare, Natures, AllCollaborating, AllCompeting, Neither,
         IntervalDissimilarity, IntervalDense, SurveyNatures, Passes, FailsBelow, Straddles];

    static string F(double d) => double.IsNaN(d) ? "n/a" : d.ToString("0.00", CultureInfo.InvariantCulture);
    static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The suggested verdict. <paramref name="bounds"/> are the 95 % intervals the rule's <see cref="ClassificationRule.RequireInterval"/>
    /// option tests instead of the points (without them the option has no effect); <paramref name="survey"/> the F1–F3
    /// answers its <see cref="ClassificationRule.UseSurveyNature"/> option counts.
    /// </summary>
    public static Classification Classify(IndicatorSet e, ClassificationRule rule, IntervalBounds? bounds = null, SurveyNatureCount? survey = null)
    {
        var reasons = new List<Reason>();
        var verdict = Decide(e, rule, bounds, survey, reasons);
        return new(e.Key, verdict, reasons, rule.Statement());
    }

    /// <summary>The verdict alone, without its reasons: the resampling asks for it thousands of times.</summary>
    public static Verdict VerdictOf(IndicatorSet e, ClassificationRule rule, IntervalBounds? bounds = null, SurveyNatureCount? survey = null) =>
        Decide(e, rule, bounds, survey, null);

    // One decision for both: the reasons are written only when asked for, so the two can never disagree.
    static Verdict Decide(IndicatorSet e, ClassificationRule rule, IntervalBounds? bounds, SurveyNatureCount? survey, List<Reason>? reasons)
    {
        var silent = reasons is null;
        reasons ??= [];
        var thin = e.Parks.Where(p => e.MentionsPerPark[p] < rule.MinMentionsPerPark || e.FirmsPerPark[p] < rule.MinFirmsPerPark).ToList();
        foreach (var p in thin)
            if (!silent) reasons.Add(new(ThinPark, p, N(e.MentionsPerPark[p]), N(rule.MinMentionsPerPark), N(e.FirmsPerPark[p]), N(rule.MinFirmsPerPark)));
        if (double.IsNaN(e.Dissimilarity) && !silent) reasons.Add(new(NoProfile));
        if (thin.Count > 0 || double.IsNaN(e.Dissimilarity)) return Verdict.InsufficientEvidence;

        var onIntervals = rule.RequireInterval && bounds is not null;
        var dissimilar = e.Dissimilarity >= rule.MinDissimilarity;
        var similar = !dissimilar;
        if (!silent) reasons.Add(new(dissimilar ? Dissimilar : Similar, F(e.Dissimilarity), F(rule.MinDissimilarity)));
        if (e.LowestPair is { } lowest)
            if (!silent) reasons.Add(new(LowestPair, lowest, string.Join(", ", e.PairIndices!.Select(p => $"{p.Pair} {F(p.Index)}"))));
        if (onIntervals)
        {
            var d = bounds!.Dissimilarity;
            dissimilar = d.Defined && d.Low >= rule.MinDissimilarity;
            similar = d.Defined && d.High < rule.MinDissimilarity;
            if (!silent) reasons.Add(new(IntervalDissimilarity, F(d.Low), F(d.High), F(rule.MinDissimilarity), dissimilar ? Passes : similar ? FailsBelow : Straddles));
        }
        // A type without within- or cross-cluster mentions says nothing about the parks: it neither counts as a
        // dense type nor as a sparse one (a share of 0 would push a thinly coded study towards "competing").
        var evidenced = e.Shares.Where(s => !s.NoEvidence).ToList();
        var dense = evidenced.Where(s => s.Share >= rule.CollaboratingShare).ToList();
        if (!silent) reasons.Add(dense.Count > 0
            ? new(Dense, F(rule.CollaboratingShare), N(dense.Count), N(rule.MinTypesAboveShare), string.Join(", ", dense.Select(s => $"{s.LinkageType} {F(s.Share)}")))
            : new(DenseNone, F(rule.CollaboratingShare), N(dense.Count), N(rule.MinTypesAboveShare)));
        if (evidenced.Count < e.Shares.Count)
            if (!silent) reasons.Add(new(NoEvidence, string.Join(", ", e.Shares.Where(s => s.NoEvidence).Select(s => s.LinkageType))));
        var sparse = evidenced.Count > 0 && evidenced.All(s => s.Share < rule.CompetingShare);
        if (!silent) reasons.Add(evidenced.Count == 0 ? new(NothingToCompare) : new(sparse ? Sparse : NotSparse, F(rule.CompetingShare)));
        if (onIntervals)
        {
            Interval I(TypeShare s) => bounds!.Shares.GetValueOrDefault(s.LinkageType) ?? Interval.None;
            dense = evidenced.Where(s => I(s).Defined && I(s).Low >= rule.CollaboratingShare).ToList();
            var below = evidenced.Where(s => I(s).Defined && I(s).High < rule.CompetingShare).ToList();
            sparse = evidenced.Count > 0 && below.Count == evidenced.Count;
            if (!silent) reasons.Add(new(IntervalDense, F(rule.CollaboratingShare), Names(dense), F(rule.CompetingShare), Names(below)));
        }
        if (!silent) reasons.Add(new(Natures, N(e.Collaborative), N(e.Competitive)));
        var collaborativeNature = e.Collaborative > e.Competitive;
        var competitiveNature = e.Competitive > e.Collaborative;
        if (rule.UseSurveyNature)
        {
            var sv = survey ?? new SurveyNatureCount(0, 0);
            if (!silent) reasons.Add(new(SurveyNatures, N(sv.Partners), N(sv.Competitors)));
            collaborativeNature = collaborativeNature && sv.Partners > sv.Competitors;
            competitiveNature = competitiveNature || sv.Competitors > sv.Partners;
        }

        Verdict verdict;
        if (dissimilar && dense.Count >= rule.MinTypesAboveShare && collaborativeNature) verdict = Verdict.Collaborating;
        else if (similar && (competitiveNature || sparse)) verdict = Verdict.Competing;
        else verdict = Verdict.Mixed;
        if (!silent) reasons.Add(new(verdict switch { Verdict.Collaborating => AllCollaborating, Verdict.Competing => AllCompeting, _ => Neither }));
        return verdict;
    }

    static string Names(IEnumerable<TypeShare> shares) => shares.Any() ? string.Join(", ", shares.Select(s => s.LinkageType)) : "-";
}

/// <summary>The 95 % intervals of a set's dissimilarity and of its mention shares by linkage type.</summary>
public sealed record IntervalBounds(Interval Dissimilarity, IReadOnlyDictionary<string, Interval> Shares);

/// <summary>Survey answers (F1–F3) of a set's firms about the other parks of the set: "both" counts for each.</summary>
public sealed record SurveyNatureCount(int Partners, int Competitors);

