using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Reporting;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// Renders a <see cref="ReportView"/> as one workbook: every table the view gives the workbook becomes a sheet, in
/// report order (the first, README, carries the report's notes).
/// </summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="extraTables">Tables of other features (e.g. coder agreement) added as sheets after the report's own.</param>
    public static void Write(Stream stream, ReportView view, IEnumerable<ReportTable>? extraTables = null)
    {
        using var xlsx = new XlsxWriter(stream);
        foreach (var table in view.Tables(Outputs.Workbook)) xlsx.AddTable(table);
        foreach (var table in extraTables ?? []) xlsx.AddTable(table);
    }
}
