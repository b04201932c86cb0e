using System.Net;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Security;

/// <summary>
/// Walks every Razor page for anonymous visitors and for each role, against this test's own table of who
/// may enter which folder. A new folder that is not in the table fails the test until someone decides.
/// Route parameters get a plausible id; a 404 behind the door still proves the door opened.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixTests.Fixture fixture) : IClassFixture<RoleMatrixTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Anyone = "anyone", SignedIn = "signed-in";
    static readonly string[] PiOnly = ["PI"], FieldTeam = ["PI", "Interviewer"], Coding = ["PI", "Coder"];

    // Longest matching folder wins.
    static readonly Dictionary<string, string[]> Expected = new()
    {
        ["/Account/Login"] = [Anyone],
        ["/Account/Setup"] = [Anyone],
        ["/Error"] = [Anyone],
        ["/Account"] = [SignedIn],
        ["/Index"] = [SignedIn],
        ["/Profile"] = [SignedIn],
        ["/Admin"] = PiOnly,
        ["/Reports"] = PiOnly,
        ["/Agreement"] = PiOnly,
        ["/Firms"] = FieldTeam,
        ["/Calls"] = FieldTeam,
        ["/Interviews"] = FieldTeam,
        ["/Coding"] = Coding,
        // Data quality (issue 24): rules are set-up, the report is the PI's, queries are the field team's.
        ["/Admin/DataQuality"] = PiOnly,
        ["/Reports/DataQuality"] = PiOnly,
        ["/Interviews/Queries"] = FieldTeam,
    };

    static readonly (string? Email, string Role)[] Visitors =
        [(null, "anonymous"), (AppFactory.PI, "PI"), (AppFactory.Interviewer, "Interviewer"), (AppFactory.Coder1, "Coder")];

    [Fact]
    public async Task Every_page_admits_exactly_the_roles_of_its_folder()
    {
        var pages = PageRoutes.All(fixture.Services)
            .Where(x => x.Path != "/Account/AccessDenied") // the refusal page itself answers 403
            .ToList();
        Assert.True(pages.Count > 10, "the walk should find the app's pages");

        var failures = new List<string>();
        foreach (var (email, role) in Visitors)
        {
            var client = email is null ? fixture.Client() : await fixture.SignedInAsync(email);
            foreach (var (path, url) in pages)
            {
                var rule = Expected.Where(kv => path == kv.Key || path.StartsWith(kv.Key + "/", StringComparison.Ordinal))
                    .OrderByDescending(kv => kv.Key.Length).Select(kv => kv.Value).FirstOrDefault();
                if (rule is null) { failures.Add($"{path}: not in the role matrix"); continue; }
                var allowed = rule.Contains(Anyone) || (email is not null && (rule.Contains(SignedIn) || rule.Contains(role)));
                var response = await client.GetAsync(url);
                var location = response.Headers.Location?.OriginalString ?? "";
                var refused = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/Account/Login") || location.Contains("/Account/AccessDenied")));
                if ((int)response.StatusCode >= 500) failures.Add($"{role} {url}: {(int)response.StatusCode}");
                else if (allowed && refused) failures.Add($"{role} {url}: refused but should get in");
                else if (!allowed && !refused) failures.Add($"{role} {url}: got {(int)response.StatusCode} but should be refused");
                else if (!allowed && email is null && !location.Contains("/Account/Login")) failures.Add($"{role} {url}: should be sent to sign-in");
            }
        }
        Assert.Empty(failures);
    }
}
