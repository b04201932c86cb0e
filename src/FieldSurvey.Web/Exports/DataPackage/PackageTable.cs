using System.Text.RegularExpressions;
using FieldSurvey.Core.Exports;

namespace FieldSurvey.Web.Exports.DataPackage;

/// <summary>Column types of the package, as the R and Stata readers convert them.</summary>
public enum ColumnType { Text, Integer, Number, Date, UtcTime, Factor }

/// <summary>A column: its name (safe for R and Stata), type, meaning and, for factors, the code list in codes.csv.</summary>
public sealed record PackageColumn(string Name, ColumnType Type, string Description, string? Variable = null);

/// <summary>One label of a coded variable (codes.csv).</summary>
public sealed record CodeLabel(string Variable, string Code, string En, string Zh);

/// <summary>One CSV of the package: columns first, then rows of already formatted cells (null = empty).</summary>
public sealed partial class PackageTable(string file, string description)
{
    public string File { get; } = file;
    public string Description { get; } = description;
    public List<PackageColumn> Columns { get; } = [];
    public List<string?[]> Rows { get; } = [];

    public string Add(string name, ColumnType type, string description, string? variable = null)
    {
        var safe = SafeName(name);
        Columns.Add(new PackageColumn(safe, type, description, variable));
        return safe;
    }

    /// <summary>R and Stata both accept [A-Za-z_][A-Za-z0-9_]*, at most 32 characters (Stata's limit).</summary>
    public static string SafeName(string name)
    {
        var s = NonName().Replace(name, "_");
        if (s.Length == 0 || char.IsDigit(s[0])) s = "v_" + s;
        return s.Length > 32 ? s[..32] : s;
    }

    /// <summary>The table as CSV in the data package's format (<see cref="CsvFormat.DataPackage"/>), cells as already formatted.</summary>
    public byte[] ToCsv(bool escapeFormulas = true) =>
        CsvExport.ToBytes(new ReportTable(File, Description, Columns.Select(c => new Column(c.Name)).ToList(), Rows.Select(r => r.Cast<object?>().ToArray())),
            CsvFormat.DataPackage(escapeFormulas));

    [GeneratedRegex("[^A-Za-z0-9_]")] private static partial Regex NonName();
}
