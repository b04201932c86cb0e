namespace FieldSurvey.Core.Exports;

/// <summary>How a column's values are written: text (escaped against formula injection) or a number format.</summary>
public enum ColumnKind
{
    Text = 0,
    Integer = 1,
    /// <summary>A share in [0, 1], shown as 0.0%.</summary>
    Share = 2,
    /// <summary>An index such as Duncan's, shown as 0.000.</summary>
    Index = 3,
}

public sealed record Column(string Header, ColumnKind Kind = ColumnKind.Text, double Width = 14);

/// <summary>
/// A plain table every export can write: a workbook sheet, a CSV file, a PDF table. Rows are enumerated once
/// and may be lazy (the passage list can hold 200,000 rows). NaN and null cells are written empty. Other
/// features (e.g. agreement tables) hand their tables to the exports in this shape.
/// </summary>
public sealed record ReportTable(string Name, string Title, IReadOnlyList<Column> Columns, IEnumerable<object?[]> Rows);
