using FieldSurvey.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser;

public sealed class SignInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_demo_PI_signs_in_sees_the_PI_menu_and_signs_out()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.Step(page, "sign-in-form", async () =>
        {
            await page.GotoAsync("/");
            Assert.Contains("/Account/Login", page.Url);
            await page.FillAsync("#Input_Email", AppFactory.PI);
            await page.FillAsync("#Input_Password", AppFactory.Password);
            await page.ClickAsync("[data-testid=login-form] button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        });
        await BrowserFixture.Step(page, "sign-in-home", async () =>
        {
            var nav = await page.InnerTextAsync("nav");
            Assert.Contains("Reports", nav);
            Assert.Contains("Study set-up", nav);
            Assert.Contains("Demo PI", nav);
        });
        await BrowserFixture.Step(page, "sign-out", async () =>
        {
            await page.ClickAsync("[data-testid=sign-out]");
            await page.WaitForURLAsync(url => url.Contains("/Account/Login"));
        });
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_at_the_form()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", AppFactory.Coder1);
        await page.FillAsync("#Input_Password", "not-the-password");
        await page.ClickAsync("[data-testid=login-form] button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=login-form] .alert-danger")).ToContainTextAsync("wrong");
    }

    [Fact]
    public async Task A_coder_sees_only_the_coding_menu()
    {
        var page = await fixture.SignedInPageAsync(AppFactory.Coder1);
        var nav = await page.InnerTextAsync("nav");
        Assert.Contains("Coding", nav);
        Assert.DoesNotContain("Firms", nav);
        Assert.DoesNotContain("Reports", nav);
    }
}
