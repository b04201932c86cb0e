using System.Net;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Calls;

/// <summary>
/// Issue 24, quotas per park. The small demo has one complete in ZLS Park (Baiotai, 1.1); on the interviewer's list
/// ZLS has Zhongke Qiming (never called) and Huaqing (callback booked for 27 November). A ZLS target of 1 is
/// therefore full.
/// </summary>
public sealed class QuotaPageTests(QuotaPageTests.Fixture fixture) : IClassFixture<QuotaPageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Fresh = "中科启明医药研究院", Booked = "华清诊断试剂有限公司", OtherPark = "亦创生物工程有限公司";

    async Task SetQuotaAsync(string park, int target, string subsector = "")
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var parkId = fixture.With(db => db.Parks.Single(p => p.Code == park).Id);
        var saved = await pi.PostFormAsync("/Admin/Quotas?handler=Save",
            new() { ["Input.ParkId"] = parkId.ToString(), ["Input.Subsector"] = subsector, ["Input.Target"] = target.ToString() }, "/Admin/Quotas");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    int FirmId(string nameZh) => fixture.With(db => db.Firms.Single(f => f.NameZh == nameZh).Id);

    [Fact]
    public async Task A_full_park_cell_takes_its_fresh_firms_off_the_call_list_and_keeps_booked_callbacks_with_a_note()
    {
        await SetQuotaAsync("ZLS", 5);
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var before = await interviewer.GetStringAsync("/Calls");
        Assert.Contains(Fresh, before);
        Assert.DoesNotContain("data-testid=\"quota-full\"", before);

        await SetQuotaAsync("ZLS", 1);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var quotas = await pi.GetStringAsync("/Admin/Quotas");
        Assert.Matches("data-testid=\"quota-ZLS\">\\s*<td>ZLS</td><td>1</td><td data-testid=\"completes\">1</td>", quotas);
        Assert.Contains("data-testid=\"full\"", quotas);

        var after = await interviewer.GetStringAsync("/Calls");
        Assert.DoesNotContain(Fresh, after);
        Assert.Contains(Booked, after);
        Assert.Contains("data-testid=\"quota-full\"", after);
        Assert.Contains(OtherPark, after);
        Assert.DoesNotContain(Fresh, await interviewer.GetStringAsync("/"));   // the home page reads the same list
    }

    [Fact]
    public async Task Starting_an_interview_in_a_full_cell_warns_and_needs_a_reason_which_the_audit_trail_keeps()
    {
        await SetQuotaAsync("ZLS", 1);
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var firm = FirmId(Fresh);
        Assert.Contains("data-testid=\"quota-full\"", await interviewer.GetStringAsync($"/Interviews/Start?firmId={firm}"));

        var refused = await interviewer.PostFormAsync($"/Interviews/Start?firmId={firm}", new() { ["QuotaReason"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("say why the interview is still taken", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, fixture.With(db => db.Interviews.Count(i => i.FirmId == firm)));

        var started = await interviewer.PostFormAsync($"/Interviews/Start?firmId={firm}", new() { ["QuotaReason"] = "主任要求补充研发型企业" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = fixture.With(db => db.Interviews.Single(i => i.FirmId == firm).Id);
        var reason = fixture.With(db => db.AuditEntries.Single(a => a.Entity == "Interview" && a.EntityId == id.ToString() && a.Action == "Added").Reason);
        Assert.Equal("Quota filled (ZLS): 主任要求补充研发型企业", reason);
    }

    [Fact]
    public async Task The_call_log_offers_4_80_in_a_full_cell_records_the_cell_and_refuses_it_where_the_cell_has_room()
    {
        await SetQuotaAsync("ZLS", 1);
        await SetQuotaAsync("YZ", 10);
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var booked = await fixture.WithAsync(async db =>
        {
            var firm = new FieldSurvey.Core.Firms.Firm { NameZh = "配额测试公司", ParkId = db.Parks.Single(p => p.Code == "ZLS").Id,
                AssignedInterviewerId = db.Users.Single(u => u.Email == AppFactory.Interviewer).Id };
            db.Firms.Add(firm);
            await db.SaveChangesAsync();
            return firm.Id;
        });
        var page = await interviewer.GetStringAsync($"/Calls/Log?firmId={booked}");
        Assert.Contains("data-testid=\"quota-full\"", page);
        Assert.Contains("<option value=\"4.80\" selected=\"selected\">", page);

        var logged = await interviewer.PostFormAsync($"/Calls/Log?firmId={booked}",
            new() { ["Input.At"] = "2026-11-25T09:30", ["Input.Outcome"] = "4.80", ["Input.Number"] = "+86 10 8070 1099" });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var zlsCell = fixture.With(db => db.QuotaTargets.Single(q => q.ParkId == db.Parks.Single(p => p.Code == "ZLS").Id).Id);
        Assert.Equal(zlsCell, fixture.With(db => db.CallAttempts.Single(a => a.FirmId == booked && a.Disposition == "4.80").QuotaTargetId));

        var other = FirmId(OtherPark);
        Assert.DoesNotContain("data-testid=\"quota-full\"", await interviewer.GetStringAsync($"/Calls/Log?firmId={other}"));
        var refused = await interviewer.PostFormAsync($"/Calls/Log?firmId={other}",
            new() { ["Input.At"] = "2026-11-25T09:30", ["Input.Outcome"] = "4.80", ["Input.Number"] = "+86 10 6788 2003" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("4.80 does not apply", await refused.Content.ReadAsStringAsync());
        Assert.False(fixture.With(db => db.CallAttempts.Any(a => a.FirmId == other && a.Disposition == "4.80")));
    }

    [Fact]
    public async Task A_target_below_zero_is_refused_at_the_field_and_nothing_is_saved()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var parkId = fixture.With(db => db.Parks.Single(p => p.Code == "DX").Id);
        var response = await pi.PostFormAsync("/Admin/Quotas?handler=Save",
            new() { ["Input.ParkId"] = parkId.ToString(), ["Input.Subsector"] = "", ["Input.Target"] = "-3" }, "/Admin/Quotas");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the number of completes wanted.", await response.Content.ReadAsStringAsync());
        Assert.False(fixture.With(db => db.QuotaTargets.Any(q => q.ParkId == parkId)));
    }
}
