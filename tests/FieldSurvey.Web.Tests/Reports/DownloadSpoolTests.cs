using System.Net;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// The report's workbook and CSV files are written to a file under the data folder before they are sent (not held in
/// memory: a large study's passage sheet is ~100 MB of XML before it is zipped). The file is the app account's alone and
/// is gone once the response has been sent.
/// </summary>
public sealed class DownloadSpoolTests(DownloadSpoolTests.Fixture fixture) : IClassFixture<DownloadSpoolTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Theory]
    [InlineData("/Reports/Download?handler=Workbook")]
    [InlineData("/Reports/Download?handler=Csv&table=passages")]
    public async Task A_download_goes_through_an_owner_only_file_that_is_deleted_once_sent(string url)
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        using var response = await pi.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);

        var folder = Path.Combine(fixture.DataFolder, "downloads");
        Assert.True(Directory.Exists(folder), "the download went through the spool folder");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        // Deleted when the response has been sent (the server disposes the stream just after the last byte).
        for (var i = 0; i < 50 && Directory.EnumerateFiles(folder).Any(); i++) await Task.Delay(100);
        Assert.Empty(Directory.EnumerateFiles(folder));
    }
}
