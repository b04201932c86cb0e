using System.Net;
using FieldSurvey.Core.Firms;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Security;

/// <summary>Issue 17, item 7: an interviewer cannot log calls on, or read the numbers of, another interviewer's firm.</summary>
public sealed class CallAccessTests(CallAccessTests.Fixture fixture) : IClassFixture<CallAccessTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Other = "interviewer2@example.org";

    Task<int> FirmAsync(string name, string? assignedTo) => fixture.WithAsync(async db =>
    {
        var firm = new Firm
        {
            NameZh = name, ParkId = db.Parks.First().Id,
            AssignedInterviewerId = assignedTo is null ? null : db.Users.Single(u => u.Email == assignedTo).Id,
            Contacts = [new Contact { Name = "王经理", Phones = ["+86 10 6000 7788"] }],
        };
        db.Firms.Add(firm);
        await db.SaveChangesAsync();
        return firm.Id;
    });

    static void Refused(HttpResponseMessage response) => Assert.True(response.StatusCode == HttpStatusCode.Forbidden
        || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true, $"{(int)response.StatusCode} {response.Headers.Location}");

    static Dictionary<string, string> Refusal() => new() { ["Input.At"] = "2026-01-05T10:00", ["Input.Outcome"] = "2.11", ["Input.Number"] = "+86 10 6000 7788" };

    [Fact]
    public async Task Another_interviewers_firm_refuses_a_call_and_hides_its_numbers_while_own_unassigned_and_PI_calls_go_through()
    {
        await fixture.PersonAsync(Other, "Interviewer");
        var theirs = await FirmAsync("访问控制测试甲公司", AppFactory.Interviewer);
        var open = await FirmAsync("访问控制测试乙公司", null);
        var intruder = await fixture.SignedInAsync(Other);

        Refused(await intruder.GetAsync($"/Calls/Log?firmId={theirs}"));
        var token = HttpClientForms.Token(await intruder.GetStringAsync($"/Calls/Log?firmId={open}"))!;
        var body = new List<KeyValuePair<string, string>>(Refusal()) { new("__RequestVerificationToken", token) };
        var posted = await intruder.PostAsync($"/Calls/Log?firmId={theirs}", new FormUrlEncodedContent(body));
        Refused(posted);
        Assert.Equal(0, fixture.With(db => db.CallAttempts.Count(a => a.FirmId == theirs)));

        var details = await intruder.GetStringAsync($"/Firms/Details?id={theirs}");
        Assert.DoesNotContain("6000 7788", details);
        Assert.Contains("data-testid=\"contacts-hidden\"", details);
        Refused(await intruder.GetAsync($"/Firms/Edit?id={theirs}"));

        Assert.Equal(HttpStatusCode.Redirect, (await intruder.PostFormAsync($"/Calls/Log?firmId={open}", Refusal())).StatusCode);
        Assert.Contains("6000 7788", await intruder.GetStringAsync($"/Firms/Details?id={open}"));
        var owner = await fixture.SignedInAsync(AppFactory.Interviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/Calls/Log?firmId={theirs}", Refusal())).StatusCode);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync($"/Calls/Log?firmId={theirs}", Refusal())).StatusCode);
        Assert.Equal(2, fixture.With(db => db.CallAttempts.Count(a => a.FirmId == theirs)));
    }
    /// <summary>
    /// Issue 24: the start page used to answer 404 for another interviewer's firm, as if it did not exist; it now says
    /// whose call list holds it (403), and a POST starts nothing. The owner, an unassigned firm and the PI still start.
    /// </summary>
    [Fact]
    public async Task Another_interviewers_firm_refuses_starting_an_interview_with_a_message_while_the_owner_and_the_PI_start_one()
    {
        const string third = "interviewer3@example.org";
        await fixture.PersonAsync(third, "Interviewer");
        var theirs = await FirmAsync("访问控制测试丙公司", AppFactory.Interviewer);
        var open = await FirmAsync("访问控制测试丁公司", null);
        var owner = fixture.With(db => db.Users.Single(u => u.Email == AppFactory.Interviewer).DisplayName);
        var intruder = await fixture.SignedInAsync(third);

        var page = await intruder.GetAsync($"/Interviews/Start?firmId={theirs}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"other-interviewer\"", html);
        Assert.Contains($"This firm is on {owner}'s call list", html);
        Assert.DoesNotContain("data-testid=\"start-interview\"", html);
        var token = HttpClientForms.Token(await intruder.GetStringAsync($"/Interviews/Start?firmId={open}"))!;
        var posted = await intruder.PostAsync($"/Interviews/Start?firmId={theirs}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(0, fixture.With(db => db.Interviews.Count(i => i.FirmId == theirs)));

        Assert.Equal(HttpStatusCode.Redirect, (await intruder.PostFormAsync($"/Interviews/Start?firmId={open}", new())).StatusCode);
        var mine = await fixture.SignedInAsync(AppFactory.Interviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await mine.PostFormAsync($"/Interviews/Start?firmId={theirs}", new())).StatusCode);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync($"/Interviews/Start?firmId={theirs}", new())).StatusCode);
        Assert.Equal(2, fixture.With(db => db.Interviews.Count(i => i.FirmId == theirs)));
        Assert.Equal(1, fixture.With(db => db.Interviews.Count(i => i.FirmId == open)));
    }
}
