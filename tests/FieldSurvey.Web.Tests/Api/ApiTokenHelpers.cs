using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Api;

namespace FieldSurvey.Tests.Api;

/// <summary>Tokens as a PI issues them on Admin → API tokens, and clients that send them.</summary>
public static partial class ApiTokenHelpers
{
    public static readonly string[] Endpoints =
        ["/api/v1/firms", "/api/v1/calls", "/api/v1/interviews", "/api/v1/answers", "/api/v1/partners", "/api/v1/transcripts",
         "/api/v1/segments", "/api/v1/codebook", "/api/v1/agreement", "/api/v1/report"];

    [GeneratedRegex("data-testid=\"new-token\">(fs_[A-Za-z0-9_-]+)<")]
    private static partial Regex SecretPattern();

    /// <summary>Issues a token on the admin page as the PI and returns its secret, read from the page.</summary>
    public static async Task<string> IssueAsync(this AppFactory app, string email, bool personalData = false, string name = "test token")
    {
        var personId = app.With(db => db.Users.Single(u => u.Email == email).Id);
        var pi = await app.SignedInAsync(AppFactory.PI);
        var fields = new Dictionary<string, string>
        {
            ["Input.PersonId"] = personId, ["Input.Name"] = name, ["Input.ExpiresOn"] = "2027-01-31",
        };
        if (personalData) fields["Input.PersonalData"] = "true";
        var response = await pi.PostFormAsync("/Admin/Tokens?handler=Issue", fields, formPage: "/Admin/Tokens");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = SecretPattern().Match(html);
        Assert.True(match.Success, "no token on the page: " + html[..Math.Min(html.Length, 3000)]);
        return match.Groups[1].Value;
    }

    public static HttpClient Bearer(this AppFactory app, string secret)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A token written straight into the database, e.g. one that has already expired.</summary>
    public static string Seed(this AppFactory app, string email, DateTimeOffset expires, bool personalData = false)
    {
        var secret = ApiTokens.NewSecret();
        app.With(db =>
        {
            var user = db.Users.Single(u => u.Email == email).Id;
            db.ApiTokens.Add(new ApiToken
            {
                Name = "seeded", UserId = user, SecretHash = ApiTokens.Hash(secret), Prefix = ApiTokens.Prefix(secret), PersonalData = personalData,
                CreatedAtUtc = expires.AddDays(-30), CreatedById = user, ExpiresAtUtc = expires,
            });
            return db.SaveChanges();
        });
        return secret;
    }
}
