using System.Globalization;
using System.Net.Http.Headers;
using FieldSurvey.Core.Calls;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Calls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Tests.Localization;

/// <summary>
/// Walks every page as every role in Chinese and fails on any string the pages asked for that has no
/// zh-Hans translation (the gap tracker records each lookup that fell back to English).
/// </summary>
public sealed class TranslationTests(TranslationTests.Fixture fixture) : IClassFixture<TranslationTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task Every_page_in_Chinese_has_a_translation_for_every_string()
    {
        var gaps = fixture.Services.GetRequiredService<TranslationGaps>();
        var pages = PageRoutes.All(fixture.Services);
        var emptyPage = new List<string>();
        foreach (var email in new[] { AppFactory.PI, AppFactory.Interviewer, AppFactory.Coder1, null })
        {
            var client = email is null ? fixture.Client() : await fixture.SignedInAsync(email);
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
            foreach (var (path, url) in pages)
            {
                var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode && path != "/Error" && !(await response.Content.ReadAsStringAsync()).Contains("lang=\"zh-Hans\""))
                    emptyPage.Add($"{email} {url}: not rendered in Chinese");
            }
        }
        Assert.Empty(emptyPage);
        var missing = gaps.Missing.Order().ToList();
        Assert.True(missing.Count == 0, "No zh-Hans translation for:\n" + string.Join("\n", missing));
    }

    // The page walk sees only the reasons that today's data happens to produce; a callback becomes "due" only
    // once its time has passed, which is how "Callback due" went untranslated until the calendar moved.
    [Fact]
    public void Every_call_list_reason_has_a_Chinese_translation()
    {
        var t = fixture.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var missing = Enum.GetValues<CallListReason>().Select(CallListText.Key)
                .Concat(Enum.GetValues<CallingState>().Select(CallingHours.Text))   // issue 24: a holiday shows only on its day
                .Where(key => t[key].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "No zh-Hans translation for: " + string.Join(", ", missing));
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public async Task Chinese_chosen_in_the_profile_wins_over_an_English_browser()
    {
        var client = await fixture.SignedInAsync(AppFactory.Coder2);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        var saved = await client.PostFormAsync("/Profile", new() { ["Input.DisplayName"] = "编码员二", ["Input.TimeZoneId"] = "Asia/Shanghai", ["Input.Culture"] = "zh-Hans" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var html = await client.GetStringAsync("/Profile");
        Assert.Contains("lang=\"zh-Hans\"", html);
        Assert.Contains("您的个人设置已保存。", html);
    }

    [Fact]
    public async Task A_validation_message_shows_in_Chinese()
    {
        var client = fixture.Client();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-Hans"));
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请输入您的电子邮件地址。", html);
        Assert.Contains("登录", html);
    }
}
