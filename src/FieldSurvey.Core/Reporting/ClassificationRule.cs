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

    /// <summary>The rule in words with its thresholds, as printed on the page, the workbook and the PDF.</summary>
    public string Describe() =>
        $"Insufficient evidence when a park has fewer than {MinMentionsPerPark} mentions or fewer than {MinFirmsPerPark} interviewed firms. " +
        $"Collaborating when dissimilarity (Duncan) ≥ {F(MinDissimilarity)}, cross-cluster share ≥ {F(CollaboratingShare)} in at least {MinTypesAboveShare} linkage types, " +
        $"and collaborative mentions outnumber competitive ones. " +
        $"Competing when dissimilarity < {F(MinDissimilarity)} and either competitive mentions outnumber collaborative ones " +
        $"or the cross-cluster share is < {F(CompetingShare)} in every linkage type (a type with no within- or cross-cluster mentions counts as 0). " +
        "Otherwise mixed.";
}

/// <summary>A suggested verdict with the reasons (conditions and numbers) and the rule that produced it.</summary>
public sealed record Classification(string Key, Verdict Verdict, IReadOnlyList<string> Reasons, string RuleText);

public static class Classifier
{
    static string F(double d) => double.IsNaN(d) ? "n/a" : d.ToString("0.00", CultureInfo.InvariantCulture);

    public static Classification Classify(IndicatorSet e, ClassificationRule rule)
    {
        var reasons = new List<string>();
        var thin = e.Parks.Where(p => e.MentionsPerPark[p] < rule.MinMentionsPerPark || e.FirmsPerPark[p] < rule.MinFirmsPerPark).ToList();
        foreach (var p in thin)
            reasons.Add($"{p}: {e.MentionsPerPark[p]} mentions (minimum {rule.MinMentionsPerPark}) and {e.FirmsPerPark[p]} interviewed firms (minimum {rule.MinFirmsPerPark}).");
        if (double.IsNaN(e.Dissimilarity))
            reasons.Add("Dissimilarity cannot be computed: a park has no value-chain profile (answer A6).");
        if (reasons.Count > 0) return new(e.Key, Verdict.InsufficientEvidence, reasons, rule.Describe());

        var dissimilar = e.Dissimilarity >= rule.MinDissimilarity;
        reasons.Add(dissimilar
            ? $"Dissimilarity {F(e.Dissimilarity)} ≥ {F(rule.MinDissimilarity)}: the parks do different value-chain work."
            : $"Dissimilarity {F(e.Dissimilarity)} < {F(rule.MinDissimilarity)}: the parks have similar value-chain profiles.");
        static double Zero(double s) => double.IsNaN(s) ? 0 : s;
        var dense = e.Shares.Where(s => Zero(s.Share) >= rule.CollaboratingShare).ToList();
        reasons.Add($"Cross-cluster share ≥ {F(rule.CollaboratingShare)} in {dense.Count} linkage type(s) (needed {rule.MinTypesAboveShare})" +
            (dense.Count > 0 ? ": " + string.Join(", ", dense.Select(s => $"{s.LinkageType} {F(s.Share)}")) + "." : "."));
        var sparse = e.Shares.All(s => Zero(s.Share) < rule.CompetingShare);
        reasons.Add(sparse
            ? $"Cross-cluster share < {F(rule.CompetingShare)} in every linkage type."
            : $"Cross-cluster share reaches {F(rule.CompetingShare)} in at least one linkage type.");
        reasons.Add($"Collaborative mentions about the other parks: {e.Collaborative}; competitive: {e.Competitive}.");

        Verdict verdict;
        if (dissimilar && dense.Count >= rule.MinTypesAboveShare && e.Collaborative > e.Competitive) verdict = Verdict.Collaborating;
        else if (!dissimilar && (e.Competitive > e.Collaborative || sparse)) verdict = Verdict.Competing;
        else verdict = Verdict.Mixed;
        reasons.Add(verdict switch
        {
            Verdict.Collaborating => "All conditions for collaborating hold.",
            Verdict.Competing => "The conditions for competing hold.",
            _ => "Neither the conditions for collaborating nor those for competing all hold.",
        });
        return new(e.Key, verdict, reasons, rule.Describe());
    }
}
