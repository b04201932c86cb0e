using System.Globalization;

namespace FieldSurvey.Core.Exports;

/// <summary>How a column's values are written: text (escaped against formula injection) or a number format.</summary>
public enum ColumnKind
{
    Text = 0,
    Integer = 1,
    /// <summary>A share in [0, 1], shown as <see cref="ColumnFormats.Share"/>.</summary>
    Share = 2,
    /// <summary>An index such as Duncan's, shown as <see cref="ColumnFormats.Index"/>.</summary>
    Index = 3,
}

public sealed record Column(string Header, ColumnKind Kind = ColumnKind.Text, double Width = 14);

/// <summary>
/// A plain table every export can write: a workbook sheet, a CSV file, a PDF table, a page table. Rows are
/// enumerated once and may be lazy (the passage list can hold 200,000 rows). NaN and null cells are written
/// empty. A cell is a plain value or a <see cref="Cell"/> that adds a test id, an evidence link or a tone.
/// <see cref="Id"/> is the language-independent key of download links (the name when not given).
/// </summary>
public sealed record ReportTable(string Name, string Title, IReadOnlyList<Column> Columns, IEnumerable<object?[]> Rows,
    string? Id = null);

/// <summary>
/// A cell with what a page needs beside its value: <paramref name="TestId"/>, the evidence behind a count
/// (<paramref name="Evidence"/>: query values of the evidence list) and a <paramref name="Tone"/> for a badge
/// ("success", "danger", "warning", "secondary"). Files write <see cref="Value"/> only.
/// </summary>
public sealed record Cell(object? Value, string? TestId = null, IReadOnlyDictionary<string, string>? Evidence = null, string? Tone = null)
{
    /// <summary>The page the evidence link opens; null: the passages behind a count (the report's evidence page).</summary>
    public string? EvidencePage { get; init; }

    public static object? ValueOf(object? cell) => cell is Cell c ? c.Value : cell;
}

/// <summary>The number formats, written once: .NET and spreadsheet format codes agree on these.</summary>
public static class ColumnFormats
{
    public const string Share = "0.0%", Index = "0.000";

    /// <summary>A value as a page or PDF prints it: shares as 12.5%, indices as 0.333, undefined as "–".</summary>
    public static string Display(object? value, ColumnKind kind) => Cell.ValueOf(value) switch
    {
        null => "",
        double d when double.IsNaN(d) || double.IsInfinity(d) => "–",
        double d when kind == ColumnKind.Share => d.ToString(Share, CultureInfo.InvariantCulture),
        double d when kind == ColumnKind.Index => d.ToString(Index, CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };
}
