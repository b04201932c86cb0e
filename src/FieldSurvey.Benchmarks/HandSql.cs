using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;

namespace FieldSurvey.Benchmarks;

/// <summary>
/// What a user would otherwise do: open the SQLite file and write the GROUP BY of the linkage matrices (mentions and
/// distinct firms per focal park × partner location × linkage type) over approved interviews, counting each
/// transcript's first-assigned coder (or the consensus passages). The report page's targets are ratios against it,
/// timed in the same process on the same file.
/// </summary>
public static class HandSql
{
    // The counted coded passages, as both queries read them: approved or submitted interviews, each transcript's
    // first-assigned coder or the consensus passages.
    const string CountedFrom = """
        FROM Segments s
        JOIN Transcripts t ON t.Id = s.TranscriptId
        JOIN Interviews i ON i.Id = t.InterviewId
        JOIN Firms f ON f.Id = i.FirmId
        JOIN Parks fp ON fp.Id = f.ParkId
        JOIN Terms loc ON loc.Id = s.PartnerLocationId
        JOIN Terms lt ON lt.Id = s.LinkageTypeId
        """;

    const string CountedWhere = """
        WHERE s.DeletedAtUtc IS NULL AND i.Status IN (3, 4)
          AND (s.IsConsensus = 1 OR s.CoderId = (SELECT a.CoderId FROM CodingAssignments a WHERE a.TranscriptId = s.TranscriptId
                                                 ORDER BY a.AssignedAtUtc, a.Id LIMIT 1))
        """;

    public const string Query = $"""
        SELECT fp.Code AS focal, loc.Code AS location, lt.Code AS type, COUNT(*) AS mentions, COUNT(DISTINCT i.FirmId) AS firms
        {CountedFrom}
        {CountedWhere}
        GROUP BY fp.Code, loc.Code, lt.Code
        """;

    /// <summary>Median of <paramref name="runs"/> runs after a warm-up, with the number of matrix cells it returned.</summary>
    public static (double Median, int Cells) Time(string dataFolder, int runs)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "fieldsurvey.db")};Mode=ReadOnly;Pooling=false");
        connection.Open();
        var times = new List<double>();
        var cells = 0;
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var command = connection.CreateCommand();
            command.CommandText = Query;
            using var reader = command.ExecuteReader();
            cells = 0;
            while (reader.Read()) { _ = reader.GetString(0); _ = reader.GetInt64(3); cells++; }
            if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], cells);
    }

    /// <summary>The counted coded passages with what the workbook's passage sheet shows of them, as a user would select them.</summary>
    public const string PassageQuery = $"""
        SELECT 'coded', s.Id, f.NameZh, fp.Code, lt.Code, loc.Code, na.Code, s.PartnerName, s.Quote, u.DisplayName
        {CountedFrom}
        LEFT JOIN Terms na ON na.Id = s.NatureId
        LEFT JOIN AspNetUsers u ON u.Id = s.CoderId
        {CountedWhere}
        """;

    /// <summary>
    /// The workbook's baseline: <see cref="PassageQuery"/> read from the same file and written with a plain streaming
    /// OpenXmlWriter (one Cell/InlineString/Text object per cell, no styles, one sheet). Median of <paramref name="runs"/>
    /// after a warm-up, with the rows written and the file's size.
    /// </summary>
    public static (double Median, int Rows, long Bytes) PlainWorkbook(string dataFolder, int runs)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "fieldsurvey.db")};Mode=ReadOnly;Pooling=false");
        connection.Open();
        var times = new List<double>();
        var (rows, bytes) = (0, 0L);
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var stream = new MemoryStream();
            using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
            {
                var wb = doc.AddWorkbookPart();
                var part = wb.AddNewPart<WorksheetPart>();
                using (var w = OpenXmlWriter.Create(part))
                {
                    w.WriteStartElement(new Worksheet());
                    w.WriteStartElement(new SheetData());
                    using var command = connection.CreateCommand();
                    command.CommandText = PassageQuery;
                    using var reader = command.ExecuteReader();
                    rows = 0;
                    while (reader.Read())
                    {
                        w.WriteStartElement(new Row());
                        for (var c = 0; c < reader.FieldCount; c++)
                        {
                            if (reader.IsDBNull(c)) { w.WriteElement(new Cell()); continue; }
                            var value = reader.GetValue(c);
                            w.WriteElement(value is long n ? new Cell { CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) }
                                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture)!)) });
                        }
                        w.WriteEndElement();
                        rows++;
                    }
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                wb.Workbook = new Workbook(new Sheets(new Sheet { Id = wb.GetIdOfPart(part), SheetId = 1, Name = "Passages" }));
            }
            bytes = stream.Length;
            if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], rows, bytes);
    }
}
