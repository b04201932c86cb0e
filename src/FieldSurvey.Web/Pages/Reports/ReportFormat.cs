using System.Globalization;
using FieldSurvey.Core.Reporting;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>How the report pages print figures (the same formats as the workbook and the PDF).</summary>
public static class ReportFormat
{
    public static string Share(double d) => double.IsNaN(d) ? "–" : d.ToString("0.0%", CultureInfo.InvariantCulture);
    public static string Index(double d) => double.IsNaN(d) ? "–" : d.ToString("0.000", CultureInfo.InvariantCulture);
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string VerdictClass(Verdict v) => v switch
    {
        Verdict.Collaborating => "text-bg-success", Verdict.Competing => "text-bg-danger",
        Verdict.Mixed => "text-bg-warning", _ => "text-bg-secondary",
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
