using System.Net;
using System.Text;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Security;

/// <summary>
/// Issue 17, item 14: the firm-import file lives in the database between the steps (so any instance can serve
/// the next one), is size-limited, reachable by its uploader only, and removed after the import or a day.
/// </summary>
public sealed class ImportStorageTests(ImportStorageTests.Fixture fixture) : IClassFixture<ImportStorageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName = "frame.csv")
    {
        var token = HttpClientForms.Token(await client.GetStringAsync("/Admin/Firms/Import"))!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync("/Admin/Firms/Import?handler=Upload", content);
    }

    static byte[] Frame(string tag) => Encoding.UTF8.GetBytes($"企业名称,园区\n{tag}甲有限公司,ZLS\n{tag}乙有限公司,亦庄\n");

    [Fact]
    public async Task The_file_is_kept_in_the_database_not_on_disk_and_goes_with_the_import()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var upload = await UploadAsync(pi, Frame("库存"));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var page = upload.Headers.Location!.OriginalString;
        var id = page[(page.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        Assert.True(fixture.With(db => db.ImportUploads.Any(u => u.Id == id)));
        if (Directory.Exists(fixture.DataFolder))   // on PostgreSQL the instance may have no data folder at all
            Assert.Empty(Directory.EnumerateFiles(fixture.DataFolder, "*" + id + "*", SearchOption.AllDirectories));

        // Another PI (any instance) cannot open it by its id; its uploader can, from the database alone.
        var otherPi = await fixture.PersonAsync("pi2@example.org", "PI");
        Assert.NotNull(otherPi);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.SignedInAsync("pi2@example.org")).GetAsync(page)).StatusCode);
        var imported = await pi.PostFormAsync($"{page}&handler=Import", [], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(2, fixture.With(db => db.Firms.Count(f => f.NameZh.StartsWith("库存"))));
        Assert.False(fixture.With(db => db.ImportUploads.Any(u => u.Id == id)), "removed after the import");
    }

    [Fact]
    public async Task An_upload_abandoned_for_more_than_a_day_is_removed_and_an_oversized_file_is_refused_unsaved()
    {
        var now = fixture.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var piId = fixture.With(db => db.Users.Single(u => u.Email == AppFactory.PI).Id);
        fixture.With(db =>
        {
            db.ImportUploads.Add(new ImportUpload { Id = new string('a', 32), Extension = ".csv", Content = Frame("过期"), UploadedById = piId, UploadedAtUtc = now.AddHours(-25) });
            db.ImportUploads.Add(new ImportUpload { Id = new string('b', 32), Extension = ".csv", Content = Frame("未过期"), UploadedById = piId, UploadedAtUtc = now.AddHours(-23) });
            return db.SaveChanges();
        });
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(pi, Frame("新"))).StatusCode);
        var left = fixture.With(db => db.ImportUploads.Select(u => u.Id).ToList());
        Assert.DoesNotContain(new string('a', 32), left);
        Assert.Contains(new string('b', 32), left);

        var before = left.Count;
        var big = new byte[11 * 1024 * 1024];
        Array.Fill(big, (byte)'x');
        var refused = await UploadAsync(pi, big);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The file is larger than 10 MB.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(before, fixture.With(db => db.ImportUploads.Count()));
    }
}
