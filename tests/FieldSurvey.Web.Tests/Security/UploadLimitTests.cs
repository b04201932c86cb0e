using System.Net;
using System.Net.Http.Headers;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Interviews;
using Microsoft.AspNetCore.Hosting;

namespace FieldSurvey.Tests.Security;

/// <summary>
/// Upload limits agree (issue 17, item 13): the page states the configured limit, accepts a file under it,
/// refuses one over it at the field, and the server's own request limit is that same value.
/// </summary>
public sealed class UploadLimitTests
{
    /// <summary>The app with Storage:MaxProjectUploadBytes set.</summary>
    sealed class Limited : AppFactory
    {
        readonly long limit;

        public Limited(long limit) => this.limit = limit;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:MaxProjectUploadBytes", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    static async Task<HttpResponseMessage> PostProjectAsync(HttpClient client, int bytes)
    {
        var page = await client.GetStringAsync("/Admin/Exchange");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[bytes]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "Input.File", "project.qdpx");
        form.Add(new StringContent(HttpClientForms.Token(page)!), "__RequestVerificationToken");
        return await client.PostAsync("/Admin/Exchange?handler=Import", form);
    }

    [Fact]
    public async Task The_qdpx_page_states_the_configured_limit_takes_a_file_under_it_and_refuses_one_over_it()
    {
        await using var app = new Limited(300 * 1024);
        var pi = await app.SignedInAsync(AppFactory.PI);
        var firms = app.With(db => db.Firms.Count());
        Assert.Contains("At most 0.3 MB.", await pi.GetStringAsync("/Admin/Exchange"));

        var under = await PostProjectAsync(pi, 250 * 1024);   // reaches the import, which finds no zip in it
        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        Assert.Contains("data-testid=\"import-refused\"", await under.Content.ReadAsStringAsync());

        var justOver = await PostProjectAsync(pi, 310 * 1024);   // within the form's overhead: the page's own message
        Assert.Equal(HttpStatusCode.OK, justOver.StatusCode);
        Assert.Contains("The file is larger than 0.3 MB.", await justOver.Content.ReadAsStringAsync());

        var farOver = await PostProjectAsync(pi, 600 * 1024);   // refused before the body is read
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, farOver.StatusCode);
        Assert.Contains("data-testid=\"upload-too-large\"", await farOver.Content.ReadAsStringAsync());
        Assert.Equal(firms, app.With(db => db.Firms.Count()));
    }

    [Fact]
    public async Task The_transcript_and_firm_import_pages_state_the_configured_file_limit()
    {
        await using var app = new Limited(300 * 1024);
        var pi = await app.SignedInAsync(AppFactory.PI);
        // The import keeps its file in a database row between steps (item 14), so it takes at most 10 MB whatever the upload limit.
        Assert.Contains("At most 10 MB.", await pi.GetStringAsync("/Admin/Firms/Import"));
        var interview = app.NewInterview(AppFactory.Interviewer);
        var interviewer = await app.SignedInAsync(AppFactory.Interviewer);
        Assert.Contains("At most 20 MB.", await interviewer.GetStringAsync($"/Interviews/Transcript?id={interview}"));
    }
}
