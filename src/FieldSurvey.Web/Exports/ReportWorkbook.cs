using System.Globalization;
using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Pages.Reports;

namespace FieldSurvey.Web.Exports;

/// <summary>The report as one workbook: README, one sheet per matrix and indicator, the classification, the passages.</summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="extraTables">Tables of other features (e.g. coder agreement) added as sheets after the report's own.</param>
    /// <param name="say">The string table for the sheets that take their words from it (issue 19); English when null.</param>
    public static void Write(Stream stream, LoadedReport report, bool includePersonalData, IEnumerable<ReportTable>? extraTables = null,
        Func<string, string>? say = null)
    {
        using var xlsx = new XlsxWriter(stream);
        xlsx.AddNotes("README", Readme(report, includePersonalData));
        foreach (var table in ReportTables.All(report, includePersonalData)) xlsx.AddTable(table);
        foreach (var table in UncertaintyTables.Sheets(report, say ?? (s => s))) xlsx.AddTable(table);
        foreach (var table in extraTables ?? []) xlsx.AddTable(table);
    }

    public static IEnumerable<(string, string)> Readme(LoadedReport r, bool includePersonalData)
    {
        yield return ("Study", $"{r.TitleEn} {r.TitleZh}");
        yield return ("Generated (UTC)", r.GeneratedAtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        yield return ("Filters", r.Filter.Describe());
        yield return ("Interviews", r.Filter.InterviewsText);
        yield return ("Which segments count", CountingRule.Text);
        foreach (var basis in ReportFormat.Bases)
            yield return ($"Transcripts: {ReportTables.BasisName(basis)}", r.Report.TranscriptsWith(basis).ToString(CultureInfo.InvariantCulture));
        yield return ("Provisional passages counted", $"{r.Report.ProvisionalMentions.ToString(CultureInfo.InvariantCulture)} ({ReportTables.ProvisionalText}: units not yet decided; see the Status column of Passages)");
        yield return ("Sources", $"{r.Filter.SourceText}; the sheet 'Sources side by side' shows each source on its own, and the combined view counting one relation (same firm, same partner, same linkage type) once.");
        yield return ("Dissimilarity of the three parks", Indicators.LowestPairRule);
        yield return ("Classification rule", r.Report.Rule.Describe());
        yield return ("Rule thresholds (JSON)", r.Report.Rule.ToJson());
        yield return ("Total mentions counted", r.Report.Total.Total.Mentions.ToString(CultureInfo.InvariantCulture));
        yield return ("Personal data", includePersonalData ? "Included at the PI's request (respondent names)." : "Left out (respondent names, contact data).");
        foreach (var p in r.Report.Input.Parks) yield return ($"Park {p.Code}", $"{p.NameEn} {p.NameZh}");
    }
}
