using System.Net;
using System.Text.Json;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Api;

/// <summary>Issue 26: personal access tokens for the read API: issued once and hashed, refused when absent, revoked or expired, audited, rate-limited.</summary>
public sealed class ApiAccessTests(ApiAccessTests.Fixture app) : IClassFixture<ApiAccessTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task A_token_is_shown_once_stored_only_as_its_SHA256_and_its_issue_is_audited()
    {
        var secret = await app.IssueAsync(AppFactory.Interviewer, name: "shown once");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
        var token = app.With(db => db.ApiTokens.Single(t => t.Name == "shown once"));
        Assert.Equal(hash, token.SecretHash);
        Assert.StartsWith(token.Prefix, secret);
        Assert.True(secret.Length > 40 && token.Prefix.Length < 12);
        var list = await (await app.SignedInAsync(AppFactory.PI)).GetStringAsync("/Admin/Tokens");
        Assert.Contains("shown once", list);
        Assert.DoesNotContain(secret, list);
        var audit = app.With(db => db.AuditEntries.Where(a => a.Entity == "Access" && a.Action == "TokenIssued").ToList());
        Assert.Contains(audit, a => a.After!.Contains("shown once") && a.After.Contains(AppFactory.Interviewer) && a.UserName == AppFactory.PI);
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401_with_a_problem_body_and_a_signed_in_cookie_is_not_enough()
    {
        var cookie = await app.SignedInAsync(AppFactory.PI);
        foreach (var client in new[] { app.Client(), cookie, app.Bearer("fs_not-a-token") })
            foreach (var url in ApiTokenHelpers.Endpoints)
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, url);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(401, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
            }
    }

    [Fact]
    public async Task A_PI_token_reads_every_endpoint_and_each_call_is_an_audit_row_with_who_and_what()
    {
        var secret = await app.IssueAsync(AppFactory.PI, name: "every endpoint");
        var tokenId = app.With(db => db.ApiTokens.Single(t => t.Name == "every endpoint").Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var client = app.Bearer(secret);
        var start = app.Clock.GetUtcNow();
        foreach (var url in ApiTokenHelpers.Endpoints)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var revisions = await client.GetAsync($"/api/v1/transcripts/{app.With(db => db.Transcripts.First().Id)}/revisions");
        Assert.Equal(HttpStatusCode.OK, revisions.StatusCode);
        var rows = app.With(db => db.AuditEntries.Where(a => a.Entity == ApiSetup.AuditEntity && a.EntityId == tokenId).OrderBy(a => a.Id).ToList());
        Assert.Equal(ApiTokenHelpers.Endpoints.Length + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(AppFactory.PI, r.UserName));
        Assert.Contains("\"Path\":\"/api/v1/firms\"", rows[0].After);
        Assert.Contains("\"Status\":\"200\"", rows[0].After);
        Assert.InRange(rows[0].AtUtc, start, app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_revoked_or_expired_token_is_refused_with_401_and_says_why()
    {
        var secret = await app.IssueAsync(AppFactory.PI, name: "to revoke");
        var client = app.Bearer(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/firms")).StatusCode);
        var id = app.With(db => db.ApiTokens.Single(t => t.Name == "to revoke").Id);
        var pi = await app.SignedInAsync(AppFactory.PI);
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync($"/Admin/Tokens?handler=Revoke&id={id}", [], formPage: "/Admin/Tokens")).StatusCode);
        var revoked = await client.GetAsync("/api/v1/firms");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("revoked", await revoked.Content.ReadAsStringAsync());
        Assert.Contains(app.With(db => db.AuditEntries.Where(a => a.Entity == "Access" && a.Action == "TokenRevoked").ToList()), a => a.After!.Contains("to revoke"));

        var expired = app.Seed(AppFactory.PI, app.Clock.GetUtcNow().AddSeconds(-1));
        var late = await app.Bearer(expired).GetAsync("/api/v1/firms");
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync());
        var valid = app.Seed(AppFactory.PI, app.Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await app.Bearer(valid).GetAsync("/api/v1/firms")).StatusCode);
    }

    [Fact]
    public async Task A_token_has_its_persons_roles_a_coder_gets_403_with_a_problem_body_for_field_and_coded_data_and_reads_the_codebook()
    {
        var client = app.Bearer(await app.IssueAsync(AppFactory.Coder1, name: "coder"));
        foreach (var url in ApiTokenHelpers.Endpoints.Where(u => u != "/api/v1/codebook"))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, url);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/codebook")).StatusCode);
        var interviewer = app.Bearer(await app.IssueAsync(AppFactory.Interviewer, name: "interviewer"));
        Assert.Equal(HttpStatusCode.OK, (await interviewer.GetAsync("/api/v1/calls")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await interviewer.GetAsync("/api/v1/segments")).StatusCode);
    }

    [Fact]
    public async Task Personal_data_is_refused_for_an_interviewers_token_at_the_field_and_nothing_is_saved()
    {
        var before = app.With(db => db.ApiTokens.Count());
        var pi = await app.SignedInAsync(AppFactory.PI);
        var response = await pi.PostFormAsync("/Admin/Tokens?handler=Issue", new()
        {
            ["Input.PersonId"] = app.With(db => db.Users.Single(u => u.Email == AppFactory.Interviewer).Id), ["Input.Name"] = "too much",
            ["Input.ExpiresOn"] = "2027-01-31", ["Input.PersonalData"] = "true",
        }, formPage: "/Admin/Tokens");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Only a PI's token may carry personal data.", html);
        Assert.DoesNotContain("data-testid=\"new-token\"", html);
        Assert.Equal(before, app.With(db => db.ApiTokens.Count()));
    }

    [Fact]
    public async Task A_token_making_more_calls_a_minute_than_allowed_gets_429_with_a_problem_body_and_another_token_is_not_held_up()
    {
        var client = app.Bearer(await app.IssueAsync(AppFactory.PI, name: "busy"));
        var limit = new ApiOptions().RequestsPerMinute;
        for (var i = 0; i < limit; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/codebook")).StatusCode);
        var refused = await client.GetAsync("/api/v1/codebook");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await app.Bearer(await app.IssueAsync(AppFactory.PI, name: "calm")).GetAsync("/api/v1/codebook")).StatusCode);
    }
}
