using System.Net;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Security;

public sealed class FirstRunTests
{
    [Fact]
    public async Task A_fresh_install_sends_everyone_to_set_up_once_and_then_never_again()
    {
        await using var app = new AppFactory(demo: false);
        var client = app.Client();

        var home = await client.GetAsync("/");
        Assert.Equal("/Account/Setup", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var created = await client.PostFormAsync("/Account/Setup", new()
        {
            ["Input.DisplayName"] = "First PI 首席", ["Input.Email"] = "first@example.org",
            ["Input.Password"] = "First-pass-2026", ["Input.Confirm"] = "First-pass-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(app.With(db => db.Users.Count() == 1));
        Assert.True(app.With(db => db.Parks.Count() == 3), "the default study is loaded on a fresh install");

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/Account/Setup")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin")).StatusCode);
    }
}
