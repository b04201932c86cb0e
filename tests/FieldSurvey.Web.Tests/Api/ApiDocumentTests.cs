using System.Net;
using System.Text.Json;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Api;

/// <summary>Issue 26: the OpenAPI document and its browsable reference.</summary>
public sealed class ApiDocumentTests(ApiDocumentTests.Fixture app) : IClassFixture<ApiDocumentTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_with_the_bearer_scheme_for_a_token_or_a_signed_in_user_and_the_reference_only_for_signed_in_users()
    {
        var token = app.Bearer(await app.IssueAsync(AppFactory.Coder1, name: "document"));
        var signedIn = await app.SignedInAsync(AppFactory.Coder1);
        foreach (var client in new[] { token, signedIn })
        {
            var response = await client.GetAsync("/openapi/v1.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
            foreach (var url in ApiTokenHelpers.Endpoints) Assert.Contains(url, paths);
            Assert.Contains("/api/v1/transcripts/{id}/revisions", paths);
            Assert.DoesNotContain(paths, p => !p.StartsWith("/api/v1/", StringComparison.Ordinal));
            Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
            var firms = doc.GetProperty("paths").GetProperty("/api/v1/firms").GetProperty("get");
            Assert.Contains(firms.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "updated_since");
        }
        Assert.NotEqual(HttpStatusCode.OK, (await app.Client().GetAsync("/openapi/v1.json")).StatusCode);

        var reference = await signedIn.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("openapi/v1.json", await reference.Content.ReadAsStringAsync());
        Assert.Contains("'unsafe-inline'", reference.Headers.GetValues("Content-Security-Policy").Single().Split("script-src")[1].Split(';')[0]);
        Assert.DoesNotContain("'unsafe-inline'", (await signedIn.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single().Split("script-src")[1].Split(';')[0]);
        var anonymous = await app.Client().GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString);
    }
}
