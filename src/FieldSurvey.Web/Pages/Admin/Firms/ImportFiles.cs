using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Admin.Firms;

/// <summary>A file read into a header and rows of strings, for <see cref="FirmImport"/>.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string Encoding);

/// <summary>
/// Keeps an uploaded import file between the steps (upload → mapping → preview → import) in the database
/// under a random id, so any instance can serve the next step, and reads it. Ids are 32 hex digits drawn at
/// random, and a PI reaches only their own uploads.
/// </summary>
public static class ImportFiles
{
    public static readonly string[] Extensions = [".csv", ".xlsx"];

    /// <summary>
    /// Largest file kept, whatever the general upload limit: the file sits in a database row until the import,
    /// and a sampling frame of a few thousand firms is well under a megabyte.
    /// </summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Abandoned uploads go after this long.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public static async Task<ImportUpload?> FindAsync(FieldSurveyDbContext db, string? id, string userId) =>
        !IsId(id) ? null : await db.ImportUploads.SingleOrDefaultAsync(u => u.Id == id && u.UploadedById == userId);

    /// <summary>
    /// Checks the type by extension and by content (an .xlsx is a zip: "PK"; a CSV has no NUL bytes) and
    /// reads it once within <see cref="MaxRows"/> and <see cref="MaxColumns"/>, then stores it in the database
    /// (so every instance can read it) and returns its id, or a problem (English) and nothing stored. Uploads
    /// left over from abandoned imports go first.
    /// </summary>
    public static async Task<(string? Id, string? Problem)> SaveAsync(FieldSurveyDbContext db, IFormFile file, string userId, DateTimeOffset now)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        const string wrongType = "Only CSV (.csv) and Excel (.xlsx) files can be imported.";
        if (!Extensions.Contains(extension) || file.Length > MaxBytes) return (null, wrongType);
        using var memory = new MemoryStream();
        await file.CopyToAsync(memory);
        var bytes = memory.ToArray();
        var ok = extension == ".xlsx" ? bytes is [0x50, 0x4B, ..] : !bytes.Contains((byte)0);
        if (!ok) return (null, wrongType);
        try
        {
            Read(bytes, extension);
        }
        catch (ImportTooLargeException)
        {
            return (null, "The file has more than {0} rows or {1} columns, or unpacks to more than FieldSurvey reads; nothing was saved.");
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or FileFormatException or System.Xml.XmlException)
        {
            return (null, "This is not a readable Excel (.xlsx) file.");
        }
        var cutoff = now - KeptFor;
        await db.ImportUploads.Where(u => u.UploadedAtUtc < cutoff).ExecuteDeleteAsync();
        var id = Guid.NewGuid().ToString("N");
        db.ImportUploads.Add(new ImportUpload { Id = id, Extension = extension, Content = bytes, UploadedById = userId, UploadedAtUtc = now });
        await db.SaveChangesAsync();
        return (id, null);
    }

    // A frame of 20,000 firms is far beyond a study of three parks; the caps keep a crafted sheet (one cell
    // at ZZ10000 is 7 million cells once rows are filled out) from costing the server gigabytes.
    public const int MaxRows = 20_000;
    public const int MaxColumns = 60;

    public static ImportTable Read(ImportUpload upload) => Read(upload.Content, upload.Extension);

    /// <summary>Throws <see cref="ImportTooLargeException"/> past the caps.</summary>
    public static ImportTable Read(byte[] bytes, string extension) =>
        extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(bytes) : ReadCsv(bytes);

    static ImportTable ReadCsv(byte[] bytes)
    {
        var (text, encoding) = FieldSurvey.Core.UploadedText.Decode(bytes);
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null,
        });
        var rows = new List<IReadOnlyList<string>>();
        while (csv.Read())
        {
            if (rows.Count >= MaxRows + 1 || csv.Parser.Count > MaxColumns) throw new ImportTooLargeException();
            rows.Add(csv.Parser.Record ?? []);
        }
        return rows.Count == 0 ? new([], [], encoding) : new(rows[0], rows.Skip(1).ToList(), encoding);
    }

    // Read with the Open XML SDK, not ClosedXML: ClosedXML 0.95.4 was built against Open XML SDK 2.x and
    // fails in its type initialiser (InvalidProgramException) beside the 3.3.0 this solution pins.
    static ImportTable ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        if (FieldSurvey.Core.UploadedArchive.Check(stream, FieldSurvey.Core.ArchiveLimits.Workbook) == FieldSurvey.Core.ArchiveCheck.TooLarge)
            throw new ImportTooLargeException();
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var book = document.WorkbookPart!;
        var first = book.Workbook.Sheets!.Elements<Sheet>().FirstOrDefault();
        if (first?.Id?.Value is not { } relId) return new([], [], "XLSX");
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheet = ((WorksheetPart)book.GetPartById(relId)).Worksheet;
        var cells = new Dictionary<(int Row, int Column), string>();
        foreach (var cell in sheet.Descendants<Cell>())
        {
            if (cell.CellReference?.Value is not { } reference) continue;
            var address = Address(reference);
            if (address.Row > MaxRows + 1 || address.Column > MaxColumns) throw new ImportTooLargeException();
            var text = cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index) && index < shared.Count
                ? shared[index]
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
            cells[address] = text.Trim();
        }
        if (cells.Count == 0) return new([], [], "XLSX");
        var lastRow = cells.Keys.Max(k => k.Row);
        var lastColumn = cells.Keys.Max(k => k.Column);
        // Every sheet row from 1, blank ones included, so row numbers match what the spreadsheet shows.
        var rows = Enumerable.Range(1, lastRow)
            .Select(r => (IReadOnlyList<string>)Enumerable.Range(1, lastColumn).Select(c => cells.GetValueOrDefault((r, c), "")).ToList())
            .ToList();
        return new(rows[0], rows.Skip(1).ToList(), "XLSX");
    }

    /// <summary>"C12" → (12, 3). A reference too long to be on the sheet counts as past the caps.</summary>
    static (int Row, int Column) Address(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = Math.Min(column * 26 + char.ToUpperInvariant(reference[i]) - 'A' + 1, int.MaxValue / 27);
        return (int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : int.MaxValue, column);
    }
}

/// <summary>The import file is past <see cref="ImportFiles.MaxRows"/>, <see cref="ImportFiles.MaxColumns"/> or the workbook's unpacked-size caps.</summary>
public sealed class ImportTooLargeException : Exception;
