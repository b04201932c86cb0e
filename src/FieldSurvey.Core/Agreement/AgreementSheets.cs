using FieldSurvey.Core.Exports;

namespace FieldSurvey.Core.Agreement;

/// <summary>Hands the agreement tables to the report exports (workbook sheets, CSV) in their table shape.</summary>
public static class AgreementSheets
{
    /// <summary>
    /// One <see cref="ReportTable"/> per agreement table, named "Agreement 1", "Agreement 2", ... (sheet names
    /// must be short and unique). A column whose values are numbers is written as a number: whole numbers as
    /// integers (unit counts), others as indices with three decimals (percent agreement, kappa, alpha).
    /// </summary>
    public static IReadOnlyList<ReportTable> AsReportTables(IReadOnlyList<AgreementTable> tables) =>
        tables.Select((table, i) => new ReportTable($"Agreement {i + 1}", table.Title,
            table.Headers.Select((header, c) => new Column(header, KindOf(table.Rows.Select(r => c < r.Count ? r[c] : null)),
                c == 0 ? 28 : 14)).ToList(),
            table.Rows.Select(r => r.ToArray()))).ToList();

    static ColumnKind KindOf(IEnumerable<object?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        if (present.Count == 0 || !present.All(v => v is int or long or double)) return ColumnKind.Text;
        return present.All(v => v is int or long || (v is double d && (double.IsNaN(d) || d == Math.Floor(d)) && present.Any(x => x is int or long)))
            ? ColumnKind.Integer : ColumnKind.Index;
    }
}
