using System.Net;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Security;

/// <summary>Issue 17, item 12: first-run set-up posted several times at once creates exactly one PI.</summary>
public sealed class SetupRaceTests
{
    [Fact]
    public async Task Racing_set_up_requests_create_one_PI_and_the_others_create_nobody()
    {
        await using var app = new AppFactory(demo: false);
        // Every form is loaded before any is posted, so each request passes the page's "no accounts yet" check.
        var forms = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 6; i++)
        {
            var client = app.Client();
            forms.Add((client, HttpClientForms.Token(await client.GetStringAsync("/Account/Setup"))!));
        }
        var responses = await Task.WhenAll(forms.Select((f, i) => f.Client.PostAsync("/Account/Setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = $"Racer {i}", ["Input.Email"] = $"racer{i}@example.org",
            ["Input.Password"] = "Racing-pass-2026", ["Input.Confirm"] = "Racing-pass-2026", ["__RequestVerificationToken"] = f.Token,
        }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(1, app.With(db => db.Users.Count()));
        Assert.Equal(1, app.With(db => db.UserRoles.Count()));
        Assert.Single(app.With(db => db.AuditEntries.Where(a => a.Entity == "Access" && a.Action == "RoleGranted").ToList()));
    }
}
