using System.Net;
using FieldSurvey.Core.Firms;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Firms;

public sealed class FirmPagesTests(FirmPagesTests.Fixture fixture) : IClassFixture<FirmPagesTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    int FirmId(string nameEn) => fixture.With(db => db.Firms.Single(f => f.NameEn == nameEn).Id);
    int ParkId(string code) => fixture.With(db => db.Parks.Single(p => p.Code == code).Id);

    static async Task<string> Html(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Searching_part_of_a_Chinese_name_finds_the_firm_and_only_it()
    {
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var html = await Html(await client.GetAsync("/Firms?q=" + Uri.EscapeDataString("泰康")));
        Assert.Contains("百奥泰康生物科技有限公司", html);
        Assert.DoesNotContain("华清诊断试剂有限公司", html);
        var english = await Html(await client.GetAsync("/Firms?q=huaqing"));
        Assert.Contains("华清诊断试剂有限公司", english);
        Assert.DoesNotContain("百奥泰康生物科技有限公司", english);
    }

    [Fact]
    public async Task A_new_firm_with_an_existing_phone_number_is_flagged_and_saved_only_after_confirming()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var fields = new Dictionary<string, string>
        {
            ["Input.NameZh"] = "重号测试生物有限公司", ["Input.ParkId"] = ParkId("ZLS").ToString(), ["Input.Status"] = "Active",
            ["Input.Contacts[0].Name"] = "测试人", ["Input.Contacts[0].Phones"] = "010-8070-1001",   // Baiotai Kang's number, written differently
        };
        var warned = await client.PostFormAsync("/Firms/Edit", fields);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var html = await Html(warned);
        Assert.Contains("data-testid=\"duplicate-warning\"", html);
        Assert.Contains("百奥泰康生物科技有限公司", html);
        Assert.False(fixture.With(db => db.Firms.Any(f => f.NameZh == "重号测试生物有限公司")));

        fields["Input.ConfirmDuplicate"] = "true";
        var saved = await client.PostFormAsync("/Firms/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var firm = fixture.With(db => db.Firms.Include(f => f.Contacts).Single(f => f.NameZh == "重号测试生物有限公司"));
        Assert.Equal(["010-8070-1001"], firm.Contacts.Single().Phones);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_a_clear_message_and_the_first_edit_kept()
    {
        var id = FirmId("Borui Testing Services Co.");
        var version = fixture.With(db => db.Firms.Single(f => f.Id == id).Version);
        var client = await fixture.SignedInAsync(AppFactory.PI);
        Dictionary<string, string> Edit(string address) => new()
        {
            ["Input.Id"] = id.ToString(), ["Input.Version"] = version.ToString(), ["Input.NameZh"] = "博瑞检测服务有限公司",
            ["Input.NameEn"] = "Borui Testing Services Co.", ["Input.ParkId"] = ParkId("YZ").ToString(), ["Input.Status"] = "Active",
            ["Input.Address"] = address, ["Input.ConfirmDuplicate"] = "true",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Firms/Edit", Edit("第一次"), $"/Firms/Edit?id={id}")).StatusCode);
        var stale = await client.PostFormAsync("/Firms/Edit", Edit("第二次"), $"/Firms/Edit?id={id}");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this firm while you were editing", await Html(stale));
        Assert.Equal("第一次", fixture.With(db => db.Firms.Single(f => f.Id == id).Address));
    }

    [Fact]
    public async Task Coders_cannot_reach_firms_or_their_contacts()
    {
        var id = FirmId("Baiotai Kang Biotech Co.");
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        foreach (var url in new[] { "/Firms", $"/Firms/Details?id={id}", $"/Firms/Edit?id={id}", $"/Calls/Log?firmId={id}", "/Admin/Firms/Export?handler=Download&personal=true" })
        {
            var response = await coder.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, url);
            Assert.DoesNotContain("王丽", await response.Content.ReadAsStringAsync());
            if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        }
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        Assert.Contains("王丽", await Html(await interviewer.GetAsync($"/Firms/Details?id={id}")));
    }

    [Fact]
    public async Task Only_a_PI_can_assign_firms_in_bulk()
    {
        var ids = new[] { FirmId("Yanyuan Gene Technology Co."), FirmId("Huachen Medical Instruments Co.") };
        var interviewerId = fixture.With(db => db.Users.Single(u => u.Email == AppFactory.Interviewer).Id);
        var fields = new Dictionary<string, string> { ["firmIds"] = ids[0].ToString(), ["assignTo"] = interviewerId };
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var refused = await interviewer.PostFormAsync("/Firms?handler=Assign", fields, "/Firms");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);   // Forbid() answers with the access-denied page
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString);
        Assert.Null(fixture.With(db => db.Firms.Single(f => f.Id == ids[0]).AssignedInterviewerId));

        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var body = new FormUrlEncodedContent([new("firmIds", ids[0].ToString()), new("firmIds", ids[1].ToString()), new("assignTo", interviewerId),
            new("__RequestVerificationToken", HttpClientForms.Token(await pi.GetStringAsync("/Firms"))!)]);
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostAsync("/Firms?handler=Assign", body)).StatusCode);
        Assert.All(ids, id => Assert.Equal(interviewerId, fixture.With(db => db.Firms.Single(f => f.Id == id).AssignedInterviewerId)));
    }

    [Fact]
    public async Task A_PI_override_of_the_disposition_needs_a_reason_which_the_audit_trail_keeps()
    {
        var id = FirmId("Xinyuan Pharmaceutical Co.");
        var version = fixture.With(db => db.Firms.Single(f => f.Id == id).Version);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = $"/Firms/Details?id={id}";
        var noReason = await pi.PostFormAsync($"{page}&handler=Override", new() { ["Override.Version"] = version.ToString(), ["Override.Code"] = "4.50" }, page);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Give the reason for the override.", await Html(noReason));
        Assert.Null(fixture.With(db => db.Firms.Single(f => f.Id == id).DispositionOverride));

        var reason = "官网显示主营房地产 — not a biomedical firm";
        var ok = await pi.PostFormAsync($"{page}&handler=Override", new() { ["Override.Version"] = version.ToString(), ["Override.Code"] = "4.50", ["Override.Reason"] = reason }, page);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("4.50", fixture.With(db => db.Firms.Single(f => f.Id == id).DispositionOverride));
        Assert.True(fixture.With(db => db.AuditEntries.Any(a => a.Entity == nameof(Firm) && a.EntityId == id.ToString() && a.Reason == reason)));
        Assert.Contains("4.50", await Html(await pi.GetAsync(page)));
    }

    [Fact]
    public async Task A_firm_named_with_a_script_tag_shows_as_text_on_the_firm_list_and_the_call_list()
    {
        const string name = "<script>alert(1)</script>";
        await fixture.WithAsync(async db =>
        {
            var interviewer = await db.Users.SingleAsync(u => u.Email == AppFactory.Interviewer);
            var firm = await db.Firms.SingleAsync(f => f.NameEn == "Yichuang Bioengineering Co.");
            firm.NameZh = name;
            firm.NameEn = name + " Co.";
            firm.AssignedInterviewerId = interviewer.Id;
            await db.SaveChangesAsync();
            return 0;
        });
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        foreach (var url in new[] { "/Firms", "/Calls" })
        {
            var raw = await client.GetStringAsync(url);
            Assert.DoesNotContain(name, raw);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", raw);
        }
    }
}
