using System.Net;
using System.Text.RegularExpressions;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Security;

/// <summary>The main menu is drawn from the folder policies (PageAccess): a link is shown exactly when its page opens.</summary>
public sealed partial class MenuTests(MenuTests.Fixture fixture) : IClassFixture<MenuTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static readonly string[] Folders = ["/Calls", "/Firms", "/Interviews", "/Coding", "/Coding/Memos", "/Agreement", "/Reports", "/Admin"];

    [Theory]
    [InlineData(AppFactory.PI, "/Calls /Firms /Interviews /Coding /Coding/Memos /Agreement /Reports /Admin")]
    [InlineData(AppFactory.Interviewer, "/Calls /Firms /Interviews")]
    [InlineData(AppFactory.Coder1, "/Coding /Coding/Memos")]
    public async Task Each_role_sees_a_link_exactly_to_the_pages_it_may_open(string email, string expected)
    {
        var client = await fixture.SignedInAsync(email);
        var home = await client.GetStringAsync("/");
        var menu = Menu().Match(home);
        Assert.True(menu.Success, "no main menu");
        var links = Link().Matches(menu.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(expected, string.Join(" ", links));
        foreach (var folder in Folders)
        {
            var status = (await client.GetAsync(folder)).StatusCode;
            Assert.True(links.Contains(folder) == (status == HttpStatusCode.OK), $"{email} {folder}: {status}, link shown: {links.Contains(folder)}");
        }
    }

    [GeneratedRegex("data-testid=\"main-menu\">(.*?)</ul>", RegexOptions.Singleline)] private static partial Regex Menu();
    [GeneratedRegex("class=\"nav-link\" href=\"([^\"]+)\"")] private static partial Regex Link();
}
