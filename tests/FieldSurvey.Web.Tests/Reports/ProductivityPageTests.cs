using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// Issue 24, interviewer productivity through the page. The small demo's interviewer made, in the Beijing week of
/// Monday 16 November 2026: 16th 09:30 no answer (Baiotai), 11:00 complete (Kangda); 17th 10:00 complete (Baiotai);
/// 18th 10:15 non-contact (Huaqing), 14:00 refusal (Jingdong); 19th 09:00 no answer, 09:20 non-working number.
/// 7 attempts, 2 completes, 1 refusal; contacts: the 2 completes and the refusal, so a completion rate of 67 %.
/// </summary>
public sealed class ProductivityPageTests(ProductivityPageTests.Fixture fixture) : IClassFixture<ProductivityPageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task The_PI_sees_the_interviewers_week_and_a_park_filter_keeps_only_that_parks_calls()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var name = fixture.With(db => db.Users.Single(u => u.Email == AppFactory.Interviewer).DisplayName);
        var calls = fixture.With(db => db.CallAttempts.Count(a => a.AtUtc < TestClock.Start.AddDays(-6)));
        var page = await pi.GetStringAsync("/Reports/Productivity?from=2026-11-16&to=2026-11-22");
        var row = Row(page, $"row-{name}-2026-11-16");
        Assert.Contains($"<td>{calls}</td><td>3</td><td data-testid=\"completes\">2</td><td>1</td><td>67%</td>", System.Text.RegularExpressions.Regex.Replace(row, @">\s+<", "><"));

        var zls = fixture.With(db => db.Parks.Single(p => p.Code == "ZLS").Id);
        var zlsPage = await pi.GetStringAsync($"/Reports/Productivity?parkId={zls}&from=2026-11-16&to=2026-11-22");
        Assert.Contains("<td data-testid=\"completes\">1</td>", Row(zlsPage, $"row-{name}-2026-11-16"));
    }

    static string Row(string page, string testId)
    {
        var start = page.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
