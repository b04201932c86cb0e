using System.Net;
using System.Text.Json;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Security;

public sealed class SecurityTests(SecurityTests.Fixture fixture) : IClassFixture<SecurityTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task Health_names_the_app_version_and_database_without_sign_in()
    {
        var response = await fixture.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FieldSurvey", json.RootElement.GetProperty("app").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("version").GetString()));
        Assert.Equal("Healthy", json.RootElement.GetProperty("database").GetString());
    }

    [Fact]
    public async Task The_favicon_is_served_without_sign_in_and_every_page_links_it()
    {
        var client = fixture.Client();
        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0, 0, 1, 0], (await ico.Content.ReadAsByteArrayAsync())[..4]);   // an ICO header, not an HTML error page
        var svg = await client.GetAsync("/favicon.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await svg.Content.ReadAsStringAsync());
        var login = await client.GetStringAsync("/Account/Login");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", login);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"", login);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await fixture.Client().GetAsync("/Account/Login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        // The script directive alone, parsed: only the app's own files run (no 'unsafe-inline', no 'unsafe-eval', no other host).
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("script-src 'self'", Assert.Single(directives, d => d.StartsWith("script-src ", StringComparison.Ordinal)));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_rejected()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var response = await client.PostAsync("/Admin/Parks?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = "XX", ["Input.NameEn"] = "Forged", ["Input.NameZh"] = "伪造",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(fixture.With(db => db.Parks.Any(p => p.Code == "XX")));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = "locked@example.org";
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var created = await pi.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "Lock Test", ["Input.Email"] = email, ["Input.Password"] = "Right-pass-123", ["Input.Roles"] = "Coder",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var client = fixture.Client();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-password" });
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = "Right-pass-123" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        var client = fixture.Client();
        foreach (var url in new[] { "/Account/Register", "/Identity/Account/Register" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, url);
        }
    }

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in()
    {
        var email = "leaver@example.org";
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        await pi.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "Leaver", ["Input.Email"] = email, ["Input.Password"] = "Leaver-pass-1", ["Input.Roles"] = "Interviewer",
        });
        var id = fixture.With(db => db.Users.Single(u => u.Email == email).Id);
        var deactivated = await pi.PostFormAsync($"/Admin/Users/Edit?id={id}&handler=Active&active=false", [], formPage: $"/Admin/Users/Edit?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        var response = await fixture.Client().PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = "Leaver-pass-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("deactivated", await response.Content.ReadAsStringAsync());
        Assert.True(fixture.With(db => db.Users.Any(u => u.Email == email)), "the person is kept, not deleted");
    }
}
