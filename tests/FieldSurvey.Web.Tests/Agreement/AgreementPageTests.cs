using System.Net;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Agreement;

public sealed class AgreementPageTests(AgreementPageTests.Fixture fixture) : IClassFixture<AgreementPageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task The_PI_sees_alpha_with_a_verdict_for_the_demo_double_coded_transcript()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = await pi.GetStringAsync("/Agreement");
        Assert.Contains("Krippendorff&#x27;s alpha", page);
        Assert.Contains("Confusion matrix: Linkage type", page);
        Assert.Contains("Yizhuang Kangda", page);
        Assert.Contains("7 units", page);
        Assert.Contains("at least 50%", page);
    }

    [Fact]
    public async Task A_chinese_reader_sees_the_codes_of_the_confusion_matrix_in_chinese()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var request = new HttpRequestMessage(HttpMethod.Get, "/Agreement");
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        // Razor's default encoder writes CJK as character references; the browser shows the same text.
        var page = WebUtility.HtmlDecode(await (await pi.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Contains("研发合作", page);
        Assert.Contains("劳动力市场", page);
    }

    [Fact]
    public async Task A_stricter_jaccard_rule_is_explained_and_changes_the_units()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = await pi.GetStringAsync("/Agreement?Options.Measure=Jaccard&Options.MinOverlap=0.9");
        Assert.Contains("(Jaccard)", page);
        Assert.Contains("at least 90%", page);
        Assert.DoesNotContain(">7 units<", page);
    }

    [Fact]
    public async Task The_CSV_export_is_utf8_with_a_bom_and_holds_every_table()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var response = await pi.GetAsync("/Agreement?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("Agreement by dimension", text);
        Assert.Contains("Confusion matrix: Nature", text);
        Assert.Contains("(not coded)", text);
    }
}
