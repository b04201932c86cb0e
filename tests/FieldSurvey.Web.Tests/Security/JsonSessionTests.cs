using System.Net;
using System.Net.Http.Headers;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Security;

/// <summary>
/// The page scripts' JSON requests (post-json.js) learn that the session has ended (401) or that the person may
/// not (403) from the status; a page opened in the browser is still sent to the login or access-denied page.
/// </summary>
public sealed class JsonSessionTests(JsonSessionTests.Fixture fixture) : IClassFixture<JsonSessionTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static HttpRequestMessage Json(string url) => new(HttpMethod.Post, url)
    {
        Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } },
    };

    [Fact]
    public async Task A_JSON_request_without_a_session_gets_401_and_a_page_request_the_login_page()
    {
        var client = fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Json("/Coding/Annotate?handler=Save&transcriptId=1"))).StatusCode);
        var page = await client.GetAsync("/Coding/Annotate?transcriptId=1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_JSON_request_the_role_may_not_make_gets_403_and_a_page_request_the_access_denied_page()
    {
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        Assert.Equal(HttpStatusCode.Forbidden, (await coder.SendAsync(Json("/Interviews/Capture?handler=Answer&id=1"))).StatusCode);
        var page = await coder.GetAsync("/Interviews/Capture?id=1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery);
    }
}
