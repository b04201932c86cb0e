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

    /// <summary>Every reason key, so the string table can be checked for them.</summary>
    public static readonly IReadOnlyList<string> ReasonKeys =
        [ThinPark, NoProfile, Dissimilar, Similar, LowestPair, Dense, DenseNone, NoEvidence, Sparse, NotSparse, NothingToCompare, Natures, AllCollaborating, AllCompeting, Neither];

    static string F(double d) => double.IsNaN(d) ? "n/a" : d.ToString("0.00", CultureInfo.InvariantCulture);
    static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static Classification Classify(IndicatorSet e, ClassificationRule rule)
    {
        var reasons = new List<Reason>();
        Classification Done(Verdict v) => new(e.Key, v, reasons, rule.Statement());
        var thin = e.Parks.Where(p => e.MentionsPerPark[p] < rule.MinMentionsPerPark || e.FirmsPerPark[p] < rule.MinFirmsPerPark).ToList();
        foreach (var p in thin)
            reasons.Add(new(ThinPark, p, N(e.MentionsPerPark[p]), N(rule.MinMentionsPerPark), N(e.FirmsPerPark[p]), N(rule.MinFirmsPerPark)));
        if (double.IsNaN(e.Dissimilarity)) reasons.Add(new(NoProfile));
        if (reasons.Count > 0) return Done(Verdict.InsufficientEvidence);

        var dissimilar = e.Dissimilarity >= rule.MinDissimilarity;
        reasons.Add(new(dissimilar ? Dissimilar : Similar, F(e.Dissimilarity), F(rule.MinDissimilarity)));
        if (e.LowestPair is { } lowest)
            reasons.Add(new(LowestPair, lowest, string.Join(", ", e.PairIndices!.Select(p => $"{p.Pair} {F(p.Index)}"))));
        // A type without within- or cross-cluster mentions says nothing about the parks: it neither counts as a
        // dense type nor as a sparse one (a share of 0 would push a thinly coded study towards "competing").
        var evidenced = e.Shares.Where(s => !s.NoEvidence).ToList();
        var dense = evidenced.Where(s => s.Share >= rule.CollaboratingShare).ToList();
        reasons.Add(dense.Count > 0
            ? new(Dense, F(rule.CollaboratingShare), N(dense.Count), N(rule.MinTypesAboveShare), string.Join(", ", dense.Select(s => $"{s.LinkageType} {F(s.Share)}")))
            : new(DenseNone, F(rule.CollaboratingShare), N(dense.Count), N(rule.MinTypesAboveShare)));
        if (evidenced.Count < e.Shares.Count)
            reasons.Add(new(NoEvidence, string.Join(", ", e.Shares.Where(s => s.NoEvidence).Select(s => s.LinkageType))));
        var sparse = evidenced.Count > 0 && evidenced.All(s => s.Share < rule.CompetingShare);
        reasons.Add(evidenced.Count == 0 ? new(NothingToCompare) : new(sparse ? Sparse : NotSparse, F(rule.CompetingShare)));
        reasons.Add(new(Natures, N(e.Collaborative), N(e.Competitive)));

        Verdict verdict;
        if (dissimilar && dense.Count >= rule.MinTypesAboveShare && e.Collaborative > e.Competitive) verdict = Verdict.Collaborating;
        else if (!dissimilar && (e.Competitive > e.Collaborative || sparse)) verdict = Verdict.Competing;
        else verdict = Verdict.Mixed;
        reasons.Add(new(verdict switch { Verdict.Collaborating => AllCollaborating, Verdict.Competing => AllCompeting, _ => Neither }));
        return Done(verdict);
    }
}
