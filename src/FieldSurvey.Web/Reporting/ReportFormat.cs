using System.Globalization;
using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Reporting;

namespace FieldSurvey.Web.Reporting;

/// <summary>
/// How the report presentation writes a count, a percent, an index, an interval, a set's name and a linkage type's
/// name in text, written once for every section (<see cref="ReportPresentation"/>, <see cref="UncertaintySection"/>):
/// one look for a figure wherever it is printed. Numbers in table cells keep their value and take the column's format
/// (<see cref="ColumnFormats"/>); these are for figures inside a sentence or a text cell, in the same formats.
/// </summary>
public sealed class ReportFormat(LoadedReport data, Func<string, string> say, bool chinese)
{
    /// <summary>The string table: the English key in, the reader's language out.</summary>
    public string Say(string key) => say(key);
    /// <summary>A string-table key with <c>{0}…</c> placeholders, formatted with <paramref name="args"/>.</summary>
    public string Say(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, say(key), args);
    public bool Chinese => chinese;

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    /// <summary>A share as 12.5%; undefined (NaN) as "–", as an empty cell prints.</summary>
    public static string Pct(double d) => double.IsNaN(d) ? "–" : d.ToString(ColumnFormats.Share, CultureInfo.InvariantCulture);
    /// <summary>An index (Duncan's) as 0.333.</summary>
    public static string Idx(double d) => double.IsNaN(d) ? "–" : d.ToString(ColumnFormats.Index, CultureInfo.InvariantCulture);
    /// <summary>A 95 % interval as "low – high" in the share's or the index's format; "–" when it is not defined.</summary>
    public static string Range(Interval i, bool share = true) => !i.Defined ? "–"
        : share ? $"{Pct(i.Low)} – {Pct(i.High)}" : $"{Idx(i.Low)} – {Idx(i.High)}";

    /// <summary>A set of parks: "All three parks" for the configuration, else its key (ZLS, YZ-ZLS).</summary>
    public string SetName(string key) => key == Indicators.All ? say("All three parks") : key;
    /// <summary>A linkage type in the reader's language; no type is "All linkage types" (the total matrix).</summary>
    public string TypeName(string? code) => code is null ? say("All linkage types") : data.Type(code).Name(chinese);
}
