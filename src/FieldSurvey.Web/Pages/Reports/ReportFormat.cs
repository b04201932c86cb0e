using FieldSurvey.Web.Infrastructure;
using System.Globalization;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>How the report pages print figures (the same formats as the workbook and the PDF).</summary>
public static class ReportFormat
{
    public static string Share(double d) => double.IsNaN(d) ? "–" : d.ToString("0.0%", CultureInfo.InvariantCulture);
    /// <summary>The transcript bases in the order the report lists them (adjudication complete, partial, none first).</summary>
    public static readonly IReadOnlyList<TranscriptBasis> Bases =
        [TranscriptBasis.Complete, TranscriptBasis.Partial, TranscriptBasis.None, TranscriptBasis.SingleCoder, TranscriptBasis.Uncoded];

    public static string Index(double d) => double.IsNaN(d) ? "–" : d.ToString("0.000", CultureInfo.InvariantCulture);

    public static string VerdictClass(Verdict v) => v switch
    {
        Verdict.Collaborating => "text-bg-success", Verdict.Competing => "text-bg-danger",
        Verdict.Mixed => "text-bg-warning", _ => "text-bg-secondary",
    };

    /// <summary>The string-table key of <see cref="ClassificationRule.Describe"/> (the same words, thresholds as {0}…{5}).</summary>
    public const string RuleKey =
        "Insufficient evidence when a park has fewer than {0} mentions or fewer than {1} interviewed firms. " +
        "Collaborating when dissimilarity (Duncan) ≥ {2}, cross-cluster share ≥ {3} in at least {4} linkage types, " +
        "and collaborative mentions outnumber competitive ones. " +
        "Competing when dissimilarity < {2} and either competitive mentions outnumber collaborative ones " +
        "or the cross-cluster share is < {5} in every linkage type with evidence (a type with no within- or cross-cluster mentions is no evidence, not a share of 0; with no evidence in any type this condition does not hold). " +
        "Otherwise mixed. For the three parks, dissimilarity is the lowest pairwise index.";

    /// <summary>The arguments of <see cref="RuleKey"/> for a rule.</summary>
    public static object[] RuleArgs(ClassificationRule r) =>
        [r.MinMentionsPerPark, r.MinFirmsPerPark, F(r.MinDissimilarity), F(r.CollaboratingShare), r.MinTypesAboveShare, F(r.CompetingShare)];

    static string F(double d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The string-table key of a scope as the page shows it (the CSV keeps the short machine names).</summary>
    public static string ScopeKey(Scope s) => s switch
    {
        Scope.WithinCluster => "Within the cluster", Scope.CrossCluster => "Other parks (cross-cluster)",
        Scope.Metropolitan => "Elsewhere in Beijing", Scope.National => "Elsewhere in China", _ => "Abroad",
    };

    /// <summary>The string-table key of a column of the side-by-side source comparison.</summary>
    public static string SideKey(SideKind kind) => kind switch
    {
        SideKind.Coded => "Coded passages", SideKind.PartnerList => "Partner lists", _ => "Combined (one relation once)",
    };

    /// <summary>Evidence-link route values: the filters plus the cell.</summary>
    public static Dictionary<string, string> Cell(ReportFilter filter, string focal, string location, string? type)
    {
        var values = filter.RouteValues();
        values["focal"] = focal;
        values["location"] = location;
        if (type is not null) values["type"] = type;
        return values;
    }
}
