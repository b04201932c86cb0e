using System.IO.Compression;

namespace FieldSurvey.Core;

/// <summary>
/// Caps on what an uploaded zip (.docx, .xlsx, .qdpx) may unpack to. A zip's declared sizes can lie and
/// deflate reaches ratios above 1000:1 (a 62 KB .docx held a 60 MB document.xml), so the caps are checked
/// by counting the bytes actually inflated, before any reader builds a document from them.
/// </summary>
public sealed record ArchiveLimits(long MaxEntryBytes, long MaxTotalBytes, int MaxEntries)
{
    const long MB = 1024 * 1024;

    // A Word transcript at the transcript limit (2 million characters, mostly CJK) is about 6 MB of text;
    // run markup can multiply that several times, so 32 MB per part leaves room without letting a DOM of
    // gigabytes be built.
    public static readonly ArchiveLimits Word = new(32 * MB, 64 * MB, 1_000);

    // A sampling frame of tens of thousands of firms fits easily; the firm reader also caps rows and columns.
    public static readonly ArchiveLimits Workbook = new(32 * MB, 64 * MB, 1_000);

    // project.qde plus one text per source, each source at most the transcript limit (about 6 MB of CJK in
    // UTF-8); a study of a few hundred interviews is a few tens of MB. Everything is held in memory while
    // the import is checked, so the total is what bounds the server's memory.
    public static readonly ArchiveLimits Project = new(32 * MB, 128 * MB, 20_000);
}

public enum ArchiveCheck { Fine, NotAnArchive, TooLarge }

public static class UploadedArchive
{
    /// <summary>Inflates every entry once, counting bytes, and stops at the first cap passed. Leaves the stream at its start.</summary>
    public static ArchiveCheck Check(Stream zip, ArchiveLimits limits)
    {
        var start = zip.Position;
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > limits.MaxEntries) return ArchiveCheck.TooLarge;
            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                if (entry.Length > limits.MaxEntryBytes || (total += entry.Length) > limits.MaxTotalBytes) return ArchiveCheck.TooLarge;
                total -= entry.Length;
                using var content = entry.Open();
                var inflated = 0L;
                for (int read; (read = content.Read(buffer)) > 0;)
                {
                    inflated += read;
                    total += read;
                    if (inflated > limits.MaxEntryBytes || total > limits.MaxTotalBytes) return ArchiveCheck.TooLarge;
                }
            }
            return ArchiveCheck.Fine;
        }
        catch (InvalidDataException)
        {
            return ArchiveCheck.NotAnArchive;
        }
        finally
        {
            zip.Position = start;
        }
    }
}
