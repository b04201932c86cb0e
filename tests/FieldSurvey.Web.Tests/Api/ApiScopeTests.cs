using System.Net;
using System.Text.Json;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Api;

/// <summary>
/// Issue 26: a park-scoped person's token sees only their parks on every endpoint they may call, and a bad query
/// parameter or a refusal answers with a problem-details body that says what is wrong.
/// </summary>
public sealed class ApiScopeTests(ApiScopeTests.Fixture app) : IClassFixture<ApiScopeTests.Fixture>
{
    /// <summary>The interviewer limited to ZLS Park by the PI on the user page, as docs/security.md describes.</summary>
    public sealed class Fixture : AppFactory, IAsyncLifetime
    {
        public int Zls { get; private set; }

        public async Task InitializeAsync()
        {
            Zls = With(db => db.Parks.Single(p => p.Code == "ZLS").Id);
            var id = With(db => db.Users.Single(u => u.Email == Interviewer).Id);
            var saved = await (await SignedInAsync(PI)).PostFormAsync($"/Admin/Users/Edit?id={id}", new()
                { ["Input.DisplayName"] = Interviewer, ["Input.Roles"] = "Interviewer", ["Input.Parks"] = Zls.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    static async Task<List<JsonElement>> Items(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()];
    }

    static HashSet<int> Ints(IEnumerable<JsonElement> items, string field) => [.. items.Select(i => i.GetProperty(field).GetInt32())];

    [Fact]
    public async Task A_park_scoped_interviewers_token_sees_only_its_parks_firms_calls_interviews_answers_and_partners()
    {
        var (zlsFirms, otherFirms, zlsInterviews) = app.With(db => (
            db.Firms.Where(f => f.ParkId == app.Zls).Select(f => f.Id).ToHashSet(),
            db.Firms.Where(f => f.ParkId != app.Zls).Select(f => f.Id).ToHashSet(),
            db.Interviews.Where(i => db.Firms.Any(f => f.Id == i.FirmId && f.ParkId == app.Zls)).Select(i => i.Id).ToHashSet()));
        Assert.NotEmpty(otherFirms);
        var scoped = app.Bearer(await app.IssueAsync(AppFactory.Interviewer, name: "zls only"));
        var everyone = app.Bearer(await app.IssueAsync(AppFactory.PI, name: "every park"));

        foreach (var client in new[] { scoped, everyone })
        {
            var firms = await Items(client, "/api/v1/firms?limit=1000");
            var calls = await Items(client, "/api/v1/calls?limit=1000");
            var interviews = await Items(client, "/api/v1/interviews?limit=1000");
            var answers = await Items(client, "/api/v1/answers?limit=1000");
            var partners = await Items(client, "/api/v1/partners?limit=1000");
            Assert.NotEmpty(calls);
            Assert.NotEmpty(answers);
            Assert.NotEmpty(partners);
            if (client == everyone)
            {
                // The same lists unscoped do hold other parks' rows, so the checks below can fail.
                Assert.True(Ints(firms, "id").Overlaps(otherFirms));
                Assert.True(Ints(calls, "firm_id").Overlaps(otherFirms));
                Assert.True(Ints(interviews, "firm_id").Overlaps(otherFirms));
                Assert.False(Ints(answers, "interview_id").IsSubsetOf(zlsInterviews));
                Assert.True(Ints(partners, "firm_id").Overlaps(otherFirms));
                continue;
            }
            Assert.Equal(zlsFirms, Ints(firms, "id"));
            Assert.All(firms, f => Assert.Equal("ZLS", f.GetProperty("park").GetString()));
            Assert.Subset(zlsFirms, Ints(calls, "firm_id"));
            Assert.Subset(zlsFirms, Ints(interviews, "firm_id"));
            Assert.All(interviews, i => Assert.Equal("ZLS", i.GetProperty("park").GetString()));
            Assert.Subset(zlsInterviews, Ints(answers, "interview_id"));
            Assert.Subset(zlsFirms, Ints(partners, "firm_id"));
            // Asking for another park by name finds nothing rather than widening the scope.
            var otherPark = app.With(db => db.Parks.First(p => p.Id != app.Zls).Code);
            Assert.Empty(await Items(client, $"/api/v1/firms?park={otherPark}"));
            Assert.Empty(await Items(client, $"/api/v1/interviews?park={otherPark}"));
        }
        // The codebook is the study's vocabulary, not firms' data: the same for both.
        Assert.Equal(await everyone.GetStringAsync("/api/v1/codebook"), await scoped.GetStringAsync("/api/v1/codebook"));
    }

    [Theory]
    [InlineData("/api/v1/firms?limit=abc", "limit")]
    [InlineData("/api/v1/firms?limit=0", "limit")]
    [InlineData("/api/v1/calls?limit=5000", "limit")]
    [InlineData("/api/v1/interviews?after=last", "after")]
    [InlineData("/api/v1/interviews?after=-3", "after")]
    [InlineData("/api/v1/calls?from=2026-13-01", "from")]
    [InlineData("/api/v1/answers?from=1%20May", "from")]
    [InlineData("/api/v1/partners?from=2026-06-01&to=2026-05-01", "to")]
    [InlineData("/api/v1/firms?updated_since=yesterday", "updated_since")]
    [InlineData("/api/v1/report?guide=first", "guide")]
    [InlineData("/api/v1/report?source=nonsense", "query")]
    public async Task A_bad_query_parameter_answers_400_with_a_problem_body_naming_it(string url, string parameter)
    {
        var client = app.Bearer(await app.IssueAsync(AppFactory.PI, name: "bad query " + parameter));
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Good_query_parameters_pass_and_401_and_403_bodies_say_why()
    {
        var client = app.Bearer(await app.IssueAsync(AppFactory.PI, name: "good query"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/calls?limit=1000&after=0&from=2026-01-01&to=2026-12-31&updated_since=2026-01-01T00:00:00Z")).StatusCode);

        var none = await app.Client().GetAsync("/api/v1/firms");
        var unauthorized = JsonDocument.Parse(await none.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("Unauthorized", unauthorized.GetProperty("title").GetString());
        Assert.Contains("Authorization: Bearer", unauthorized.GetProperty("detail").GetString());
        Assert.Equal("/api/v1/firms", unauthorized.GetProperty("instance").GetString());

        // A bad parameter from someone without a token is still 401: nothing about the query is said first.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/v1/firms?limit=abc")).StatusCode);

        var coder = app.Bearer(await app.IssueAsync(AppFactory.Coder1, name: "coder body"));
        var refused = await coder.GetAsync("/api/v1/firms?limit=abc");
        var forbidden = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(403, forbidden.GetProperty("status").GetInt32());
        Assert.Equal("Forbidden", forbidden.GetProperty("title").GetString());
        Assert.Contains("role", forbidden.GetProperty("detail").GetString());
    }
}
