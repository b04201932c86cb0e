using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// Files that large downloads (the report's workbook and CSV files) are written to before they are sent, instead of
/// memory: a workbook of 200,000 passages is held neither whole nor twice in the app's heap. Each file is under the
/// data folder (0700, readable by the app's account only: exports can hold personal data), created 0600, and deleted
/// when the response has sent it or the request failed.
/// </summary>
public sealed class DownloadSpool(IOptions<StorageOptions> storage, IWebHostEnvironment env)
{
    /// <summary>An empty file, open for writing then reading, that is deleted when the stream is closed.</summary>
    public FileStream Create()
    {
        var folder = DatabaseSetup.PrivateFolder(DatabaseSetup.DataFolder(storage.Value, env.ContentRootPath), "downloads");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 64 * 1024,
            Options = FileOptions.DeleteOnClose,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(Path.Combine(folder, $"download-{Guid.NewGuid():N}.tmp"), options);
    }

    /// <summary>A spooled file written by <paramref name="write"/>, positioned at its start; closed (and so deleted) if writing fails.</summary>
    public FileStream Write(Action<Stream> write)
    {
        var stream = Create();
        try
        {
            write(stream);
            stream.Flush();
            stream.Position = 0;
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
