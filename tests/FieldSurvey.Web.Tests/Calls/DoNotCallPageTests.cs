using System.Net;
using FieldSurvey.Core.Firms;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Calls;

/// <summary>
/// Issue 24, do-not-call. Each test seeds its own firms, assigned to the demo interviewer, so the entries one test
/// makes cannot bar another's firms.
/// </summary>
public sealed class DoNotCallPageTests(DoNotCallPageTests.Fixture fixture) : IClassFixture<DoNotCallPageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    Task<int> SeedFirmAsync(string nameZh, params string[] phones) => fixture.WithAsync(async db =>
    {
        var firm = new Firm { NameZh = nameZh, ParkId = db.Parks.Single(p => p.Code == "YZ").Id,
            AssignedInterviewerId = db.Users.Single(u => u.Email == AppFactory.Interviewer).Id };
        db.Firms.Add(firm);
        await db.SaveChangesAsync();
        db.Contacts.Add(new Contact { FirmId = firm.Id, Name = "", Phones = [.. phones] });
        await db.SaveChangesAsync();
        return firm.Id;
    });

    static Task<HttpResponseMessage> MarkAsync(HttpClient client, int firmId, Dictionary<string, string> form) =>
        client.PostFormAsync($"/Calls/DoNotCall?handler=Mark&firmId={firmId}", form, $"/Calls/DoNotCall?firmId={firmId}");

    static Task<HttpResponseMessage> LogAsync(HttpClient client, int firmId, string number) =>
        client.PostFormAsync($"/Calls/Log?firmId={firmId}", new() { ["Input.At"] = "2026-11-25T09:30", ["Input.Outcome"] = "3.13", ["Input.Number"] = number });

    int Attempts(int firmId) => fixture.With(db => db.CallAttempts.Count(a => a.FirmId == firmId));

    [Fact]
    public async Task A_number_marked_in_one_firm_bars_the_same_number_written_otherwise_in_another_firm_on_the_list_and_in_the_log()
    {
        var first = await SeedFirmAsync("勿扰甲公司", "+86 10 6788 7001");
        var second = await SeedFirmAsync("勿扰乙公司", "010-67887001");
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        Assert.Contains("勿扰乙公司", await interviewer.GetStringAsync("/Calls"));

        var marked = await MarkAsync(interviewer, first, new() { ["Input.Number"] = "+86 10 6788 7001", ["Input.Reason"] = "对方要求不要再打来" });
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal("1067887001", fixture.With(db => db.DoNotCalls.Single(d => d.FirmId == first).Number));   // stored normalised

        var list = await interviewer.GetStringAsync("/Calls");
        Assert.DoesNotContain("勿扰甲公司", list);
        Assert.DoesNotContain("勿扰乙公司", list);
        Assert.DoesNotContain("勿扰乙公司", await interviewer.GetStringAsync("/"));   // the home page reads the same list
        Assert.Contains("data-testid=\"dnc\"", await interviewer.GetStringAsync($"/Calls/Log?firmId={second}"));

        var refused = await LogAsync(interviewer, second, "(010) 6788-7001");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Number\"[^>]*>This number is on the do-not-call list", await refused.Content.ReadAsStringAsync());   // at the field
        Assert.Equal(0, Attempts(second));
    }

    [Fact]
    public async Task A_firm_marked_as_a_whole_leaves_the_call_list_and_no_call_can_be_logged_with_any_number()
    {
        var firm = await SeedFirmAsync("整企勿扰公司", "+86 10 6788 7101");
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var marked = await MarkAsync(interviewer, firm, new() { ["Input.WholeFirm"] = "true", ["Input.Reason"] = "never call us again" });
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.DoesNotContain("整企勿扰公司", await interviewer.GetStringAsync("/Calls"));

        var refused = await LogAsync(interviewer, firm, "+86 10 5555 0000");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This firm is on the do-not-call list", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, Attempts(firm));
    }

    [Fact]
    public async Task One_marked_number_of_two_keeps_the_firm_on_the_list_showing_the_other_number()
    {
        var firm = await SeedFirmAsync("双号码公司", "+86 10 6788 7201", "+86 10 6788 7202");
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        await MarkAsync(interviewer, firm, new() { ["Input.Number"] = "010 6788 7201", ["Input.Reason"] = "此号码的联系人已离职，要求不再来电" });
        var list = await interviewer.GetStringAsync("/Calls");
        Assert.Contains("双号码公司", list);
        Assert.Contains("10 6788 7202", list);   // Razor writes "+" as &#x2B;
        Assert.DoesNotContain("10 6788 7201", list);
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(interviewer, firm, "+86 10 6788 7202")).StatusCode);
        Assert.Equal(1, Attempts(firm));
    }

    [Fact]
    public async Task Marking_without_a_reason_or_with_an_invalid_number_is_refused_at_the_field_and_nothing_is_saved()
    {
        var firm = await SeedFirmAsync("无理由公司", "+86 10 6788 7301");
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var noReason = await MarkAsync(interviewer, firm, new() { ["Input.Number"] = "+86 10 6788 7301", ["Input.Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Say why this firm or number must not be called.", await noReason.Content.ReadAsStringAsync());
        var badNumber = await MarkAsync(interviewer, firm, new() { ["Input.Number"] = "call me", ["Input.Reason"] = "x" });
        Assert.Contains("Enter a valid telephone number.", await badNumber.Content.ReadAsStringAsync());
        Assert.False(fixture.With(db => db.DoNotCalls.Any(d => d.FirmId == firm)));
    }

    [Fact]
    public async Task Only_a_PI_removes_an_entry_with_a_reason_the_audit_trail_keeps_and_the_firm_returns_to_the_list()
    {
        var firm = await SeedFirmAsync("可移除公司", "+86 10 6788 7401");
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        await MarkAsync(interviewer, firm, new() { ["Input.WholeFirm"] = "true", ["Input.Reason"] = "误会：以为是推销电话" });
        var id = fixture.With(db => db.DoNotCalls.Single(d => d.FirmId == firm).Id);
        var page = $"/Calls/DoNotCall?firmId={firm}";

        Assert.DoesNotContain("handler=Remove", await interviewer.GetStringAsync(page));
        var forbidden = await interviewer.PostFormAsync($"/Calls/DoNotCall?handler=Remove&id={id}", new() { ["removalReason"] = "x" }, page);
        Assert.Contains("/Account/AccessDenied", forbidden.Headers.Location?.OriginalString ?? "");

        var pi = await fixture.SignedInAsync(AppFactory.PI);
        await pi.PostFormAsync($"/Calls/DoNotCall?handler=Remove&id={id}", new() { ["removalReason"] = " " }, page);
        Assert.Null(fixture.With(db => db.DoNotCalls.Single(d => d.Id == id).RemovedAtUtc));

        var removed = await pi.PostFormAsync($"/Calls/DoNotCall?handler=Remove&id={id}", new() { ["removalReason"] = "经理回电说明愿意受访" }, page);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotNull(fixture.With(db => db.DoNotCalls.Single(d => d.Id == id).RemovedAtUtc));
        var audit = fixture.With(db => db.AuditEntries.Single(a => a.Entity == "DoNotCall" && a.EntityId == id.ToString() && a.Action == "Modified"));
        Assert.Equal("经理回电说明愿意受访", audit.Reason);
        Assert.Contains("可移除公司", await interviewer.GetStringAsync("/Calls"));
    }
}
