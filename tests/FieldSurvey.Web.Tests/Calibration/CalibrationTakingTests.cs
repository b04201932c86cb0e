using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Calibration;

/// <summary>
/// Taking a calibration test (issue 25): blind in the annotator — the JSON holds only the taker's own passages, never
/// the gold or another trainee's; final once submitted; closed to coders not on the test. Then the results page.
/// </summary>
public sealed class CalibrationTakingTests(CalibrationTakingTests.Fixture fixture) : IClassFixture<CalibrationTakingTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Text = "研发合作：与北京大学共建实验室。供应商在亦庄。客户在上海张江。";
    const string Lab = "与北京大学共建实验室", Supplier = "供应商在亦庄", Customer = "客户在上海张江";

    string Id(string email) => fixture.With(db => db.Users.Single(u => u.Email == email).Id);

    /// <summary>A test on one new transcript whose gold is "Lab" as research and "Supplier" as supplier, on linkage type only.</summary>
    async Task<(int Test, int Transcript)> SeedAsync(string title, params string[] takers)
    {
        var transcript = await fixture.TranscriptAsync(Text);
        var research = fixture.Term(TermKind.LinkageType, "research");
        var supplier = fixture.Term(TermKind.LinkageType, "supplier");
        var test = fixture.With(db =>
        {
            var test = new CalibrationTest { Title = title, Dimensions = [(int)TermKind.LinkageType], CreatedById = db.Users.Single(u => u.Email == AppFactory.PI).Id, CreatedAtUtc = TestClock.Start };
            db.CalibrationTests.Add(test);
            db.SaveChanges();
            db.CalibrationGold.AddRange(Gold(test.Id, transcript, Lab, research), Gold(test.Id, transcript, Supplier, supplier));
            foreach (var email in takers)
                db.CalibrationTakers.Add(new CalibrationTaker { TestId = test.Id, CoderId = db.Users.Single(u => u.Email == email).Id, AssignedAtUtc = TestClock.Start });
            db.SaveChanges();
            return test.Id;
        });
        return (test, transcript);
    }

    static CalibrationGold Gold(int test, int transcript, string quote, int type)
    {
        var start = Text.IndexOf(quote, StringComparison.Ordinal);
        return new CalibrationGold { TestId = test, TranscriptId = transcript, Start = start, End = start + quote.Length, Quote = quote, LinkageTypeId = type };
    }

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, int test, int transcript, string handler, object body)
    {
        var page = await client.GetStringAsync($"/Coding/Calibration/Take/{test}?transcriptId={transcript}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Coding/Calibration/Take/{test}?handler={handler}&transcriptId={transcript}") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", HttpClientForms.Token(page));
        return await client.SendAsync(request);
    }

    Task<HttpResponseMessage> CodeAsync(HttpClient client, int test, int transcript, string quote, string type)
    {
        var start = Text.IndexOf(quote, StringComparison.Ordinal);
        return PostAsync(client, test, transcript, "Save", new { id = (int?)null, version = 0, start, end = start + quote.Length, quote, typeId = fixture.Term(TermKind.LinkageType, type) });
    }

    static async Task<string> DataAsync(HttpClient client, int test, int transcript)
    {
        var response = await client.GetAsync($"/Coding/Calibration/Take/{test}?handler=Data&transcriptId={transcript}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    static List<string?> Quotes(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("segments").EnumerateArray().Select(x => x.GetProperty("quote").GetString()).ToList();

    static List<int> Starts(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("segments").EnumerateArray().Select(x => x.GetProperty("start").GetInt32()).ToList();

    /// <summary>Every string value anywhere in the JSON (the serializer escapes Chinese, so the raw text cannot be searched).</summary>
    static List<string> Strings(string json)
    {
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.String) found.Add(e.GetString()!);
            else if (e.ValueKind == JsonValueKind.Object) foreach (var p in e.EnumerateObject()) Walk(p.Value);
            else if (e.ValueKind == JsonValueKind.Array) foreach (var x in e.EnumerateArray()) Walk(x);
        }
        Walk(JsonDocument.Parse(json).RootElement);
        return found;
    }

    static Task<HttpResponseMessage> SubmitAsync(HttpClient client, int test) =>
        client.PostFormAsync($"/Coding/Calibration/Take/{test}?handler=Submit", [], $"/Coding/Calibration/Take/{test}");

    [Fact]
    public async Task A_trainees_data_holds_their_own_passages_only_never_the_gold_or_another_trainees()
    {
        var (test, transcript) = await SeedAsync("Blind", AppFactory.Coder1, AppFactory.Coder2);
        var one = await fixture.SignedInAsync(AppFactory.Coder1);
        var two = await fixture.SignedInAsync(AppFactory.Coder2);
        Assert.Equal(HttpStatusCode.OK, (await CodeAsync(two, test, transcript, Customer, "supplier")).StatusCode);

        // Before coding anything, coder 1 sees no passage at all: not the two gold ones, not coder 2's.
        var empty = JsonDocument.Parse(await DataAsync(one, test, transcript)).RootElement;
        Assert.Equal(0, empty.GetProperty("segments").GetArrayLength());
        Assert.True(empty.GetProperty("canEdit").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await CodeAsync(one, test, transcript, Lab, "research")).StatusCode);
        // Every string and span in the JSON, decoded: it holds coder 1's passage and nothing else.
        var body = await DataAsync(one, test, transcript);
        Assert.Equal([Lab], Quotes(body));
        Assert.DoesNotContain(Supplier, Strings(body));   // the other gold passage
        Assert.DoesNotContain(Customer, Strings(body));   // coder 2's passage
        Assert.DoesNotContain(Text.IndexOf(Supplier, StringComparison.Ordinal), Starts(body));
        Assert.DoesNotContain(Text.IndexOf(Customer, StringComparison.Ordinal), Starts(body));
        Assert.Equal([Customer], Quotes(await DataAsync(two, test, transcript)));
        // Saved in the test's table, not as live coding.
        Assert.Equal(2, fixture.With(db => db.CalibrationSegments.Count(s => s.TestId == test)));
        Assert.Equal(0, fixture.With(db => db.Segments.Count(s => s.TranscriptId == transcript)));
    }

    [Fact]
    public async Task After_submitting_nothing_can_be_saved_or_deleted()
    {
        var (test, transcript) = await SeedAsync("Final", AppFactory.Coder1);
        var one = await fixture.SignedInAsync(AppFactory.Coder1);
        var saved = await CodeAsync(one, test, transcript, Lab, "research");
        var id = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(one, test)).StatusCode);
        Assert.Equal(TestClock.Start.Date, fixture.With(db => db.CalibrationTakers.Single(k => k.TestId == test).SubmittedAtUtc)!.Value.Date);

        Assert.Equal(HttpStatusCode.Conflict, (await CodeAsync(one, test, transcript, Supplier, "supplier")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(one, test, transcript, "Delete", new { id })).StatusCode);
        Assert.Equal([Lab], fixture.With(db => db.CalibrationSegments.Where(s => s.TestId == test).Select(s => s.Quote).ToList()));
        Assert.False(JsonDocument.Parse(await DataAsync(one, test, transcript)).RootElement.GetProperty("canEdit").GetBoolean());
    }

    [Fact]
    public async Task A_coder_not_on_the_test_finds_neither_the_test_nor_its_results()
    {
        var (test, transcript) = await SeedAsync("Round one", AppFactory.Coder1);
        var two = await fixture.SignedInAsync(AppFactory.Coder2);
        Assert.Equal(HttpStatusCode.NotFound, (await two.GetAsync($"/Coding/Calibration/Take/{test}?transcriptId={transcript}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await two.GetAsync($"/Coding/Calibration/Take/{test}?handler=Data&transcriptId={transcript}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await two.GetAsync($"/Coding/Calibration/Results/{test}")).StatusCode);
        Assert.DoesNotContain("Round one", await two.GetStringAsync("/Coding/Calibration"));
        // A transcript outside the test is not reachable through it either, even for a taker.
        var one = await fixture.SignedInAsync(AppFactory.Coder1);
        var other = await fixture.TranscriptAsync("别的转录稿。");
        Assert.Equal(HttpStatusCode.NotFound, (await one.GetAsync($"/Coding/Calibration/Take/{test}?handler=Data&transcriptId={other}")).StatusCode);
        Assert.Contains("Round one", await one.GetStringAsync("/Coding/Calibration"));
    }

    /// <summary>
    /// Gold: Lab = research, Supplier = supplier. Coder 1: Lab = research (same), Supplier = research (different),
    /// Customer = research (added). Units on linkage type (gold, coder): (r, r), (s, r), (not coded, r).
    /// Percent 1/3. Cohen's kappa: p_o = 1/3, p_e = 1/3 (the coder says r every time, gold says r once) → 0.
    /// Alpha: coincidences o_rr = 2, o_rs = o_sr = 1, o_rN = o_Nr = 1; n_r = 4, n_s = 1, n_N = 1, n = 6;
    /// D_o = 4/6, D_e = 2(4·1 + 4·1 + 1·1)/(6·5) = 0.6; alpha = 1 − (4/6)/0.6 = −0.111. Below 0.800: not passed.
    /// </summary>
    [Fact]
    public async Task Results_show_the_figures_against_the_gold_passage_by_passage_to_the_PI_and_to_the_coder_after_submitting()
    {
        var (test, transcript) = await SeedAsync("Scored", AppFactory.Coder1, AppFactory.Coder2);
        fixture.With(db => { db.Terms.Single(t => t.Kind == TermKind.LinkageType && t.Code == "supplier").DefinitionEn = "Buys inputs from the partner."; return db.SaveChanges(); });
        var one = await fixture.SignedInAsync(AppFactory.Coder1);
        foreach (var quote in new[] { Lab, Supplier, Customer }) Assert.Equal(HttpStatusCode.OK, (await CodeAsync(one, test, transcript, quote, "research")).StatusCode);

        var before = WebUtility.HtmlDecode(await one.GetStringAsync($"/Coding/Calibration/Results/{test}"));
        Assert.Contains("You see your results after you submit the test.", before);
        Assert.DoesNotContain("Buys inputs from the partner.", before);
        Assert.DoesNotContain("calibration-figures", before);

        await SubmitAsync(one, test);
        var mine = WebUtility.HtmlDecode(await one.GetStringAsync($"/Coding/Calibration/Results/{test}"));
        Assert.Contains("<td>33.3%</td><td>0.000</td>", mine);
        Assert.Contains("<td data-testid=\"alpha\">-0.111</td>", mine);
        Assert.Contains("not passed", mine);
        Assert.Contains("Passages: 2 in the gold standard and found, 0 missed, 1 added.", mine);
        Assert.Contains("Same as the gold standard", mine);
        Assert.Contains("Coded differently", mine);
        Assert.Contains("Added: not in the gold standard", mine);
        Assert.Contains("Buys inputs from the partner.", mine);   // the gold code's definition, beside the coder's code
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mine, "data-testid=\"calibration-result\""));

        // Coder 2 has not submitted: sees nothing of coder 1's. The PI sees both takers.
        var two = WebUtility.HtmlDecode(await (await fixture.SignedInAsync(AppFactory.Coder2)).GetStringAsync($"/Coding/Calibration/Results/{test}"));
        Assert.DoesNotContain("-0.111", two);
        var pi = WebUtility.HtmlDecode(await (await fixture.SignedInAsync(AppFactory.PI)).GetStringAsync($"/Coding/Calibration/Results/{test}"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(pi, "data-testid=\"calibration-result\"").Count);
        Assert.Contains("-0.111", pi);
        Assert.Contains("not submitted yet", pi);
    }

    [Fact]
    public async Task The_taking_and_results_pages_are_translated()
    {
        var (test, transcript) = await SeedAsync("Translated", AppFactory.Coder1);
        var one = await fixture.SignedInAsync(AppFactory.Coder1);
        await CodeAsync(one, test, transcript, Customer, "research");
        one.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var gaps = fixture.Services.GetRequiredService<TranslationGaps>();
        foreach (var url in new[] { "/Coding/Calibration", $"/Coding/Calibration/Take/{test}", $"/Coding/Calibration/Results/{test}" })
            Assert.Equal(HttpStatusCode.OK, (await one.GetAsync(url)).StatusCode);
        await SubmitAsync(one, test);
        foreach (var url in new[] { "/Coding/Calibration", $"/Coding/Calibration/Take/{test}", $"/Coding/Calibration/Results/{test}" })
            Assert.Equal(HttpStatusCode.OK, (await one.GetAsync(url)).StatusCode);
        Assert.Empty(gaps.Missing);
    }
}
