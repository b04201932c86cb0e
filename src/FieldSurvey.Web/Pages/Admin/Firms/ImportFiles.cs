using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using FieldSurvey.Core.Firms;

namespace FieldSurvey.Web.Pages.Admin.Firms;

/// <summary>A file read into a header and rows of strings, for <see cref="FirmImport"/>.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string Encoding);

/// <summary>
/// Keeps an uploaded import file between the steps (upload → mapping → preview → import) in the data
/// folder under a random id, and reads it. Ids are 32 hex digits, so no request can name another path.
/// </summary>
public static class ImportFiles
{
    public static readonly string[] Extensions = [".csv", ".xlsx"];

    public static string Folder(string dataFolder) => Directory.CreateDirectory(Path.Combine(dataFolder, "imports")).FullName;

    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public static string? Find(string dataFolder, string? id) =>
        !IsId(id) ? null : Extensions.Select(e => Path.Combine(Folder(dataFolder), id + e)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Checks the type by extension and by content (an .xlsx is a zip: "PK"; a CSV has no NUL bytes), saves
    /// it and returns its id, or null for a wrong type. Files left over from abandoned imports go after a day.
    /// </summary>
    public static async Task<string?> SaveAsync(string dataFolder, IFormFile file, DateTimeOffset now)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!Extensions.Contains(extension)) return null;
        using var memory = new MemoryStream();
        await file.CopyToAsync(memory);
        var bytes = memory.ToArray();
        var ok = extension == ".xlsx" ? bytes is [0x50, 0x4B, ..] : !bytes.Contains((byte)0);
        if (!ok) return null;
        var folder = Folder(dataFolder);
        foreach (var old in Directory.EnumerateFiles(folder).Where(f => File.GetLastWriteTimeUtc(f) < now.UtcDateTime.AddDays(-1)))
            File.Delete(old);
        var id = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(Path.Combine(folder, id + extension), bytes);
        return id;
    }

    public static ImportTable Read(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(path) : ReadCsv(File.ReadAllBytes(path));

    static ImportTable ReadCsv(byte[] bytes)
    {
        var (text, encoding) = ImportText.Decode(bytes);
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null,
        });
        var rows = new List<IReadOnlyList<string>>();
        while (csv.Read()) rows.Add(csv.Parser.Record ?? []);
        return rows.Count == 0 ? new([], [], encoding) : new(rows[0], rows.Skip(1).ToList(), encoding);
    }

    static ImportTable ReadXlsx(string path)
    {
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null) return new([], [], "XLSX");
        var lastColumn = used.LastColumn().ColumnNumber();
        var rows = new List<IReadOnlyList<string>>();
        // Every sheet row from 1, blank ones included, so row numbers match what the spreadsheet shows.
        for (var r = 1; r <= used.LastRow().RowNumber(); r++)
            rows.Add(Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(r, c).GetFormattedString().Trim()).ToList());
        return new(rows[0], rows.Skip(1).ToList(), "XLSX");
    }
}
