using System.Net;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Calls;

/// <summary>
/// Issue 21: the call list's inputs are kept per call-list version (<see cref="CallListCache"/>). A second request with
/// nothing changed reads nothing again; each kind of change a list reads (<see cref="CallListInputs"/>) shows on the very
/// next list; a change to something else keeps the kept inputs; and a park-scoped interviewer never gets inputs read for
/// someone who sees every park. Each test has its own interviewer, so no list depends on another test.
/// </summary>
public sealed class CallListInputTests(CallListInputTests.Fixture fixture) : IClassFixture<CallListInputTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    CallListCache Cache => fixture.Services.GetRequiredService<CallListCache>();

    async Task<(HttpClient Client, string Id, int Firm)> InterviewerWithFirmAsync(string email, string nameZh, string parkCode = "DX")
    {
        await fixture.AddInterviewerAsync(email);
        var (id, firm) = await fixture.WithAsync(async db =>
        {
            var me = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var f = new Firm { NameZh = nameZh, ParkId = db.Parks.Single(p => p.Code == parkCode).Id, Status = FirmStatus.Active, AssignedInterviewerId = me,
                Contacts = [new Contact { Name = "王", Phones = ["+86 10 6100 0001"] }] };
            db.Firms.Add(f);
            await db.SaveChangesAsync();
            return (me, f.Id);
        });
        return (await fixture.SignedInAsync(email), id, firm);
    }

    static async Task<string> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/Calls");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    static string Row(string html, int firmId) => CallingHoursSeed.Row(html, firmId);

    Task SaveAsync(Action<FieldSurveyDbContext> change) => fixture.WithAsync(async db => { change(db); return await db.SaveChangesAsync(); });

    [Fact]
    public async Task A_second_list_with_nothing_changed_reads_nothing_again_and_a_change_elsewhere_keeps_the_inputs()
    {
        var (client, _, firm) = await InterviewerWithFirmAsync("kept.list@example.org", "缓存不变生物");
        Assert.Contains("缓存不变生物", await ListAsync(client));
        var reads = Cache.Reads;
        Assert.Contains("缓存不变生物", await ListAsync(client));
        Assert.Equal(reads, Cache.Reads);
        // A memo is no call-list input: the kept inputs stay.
        await SaveAsync(db => db.Memos.Add(new Memo { Target = MemoTarget.Project, Title = "不相关", Text = "x", AuthorId = db.Users.Single(u => u.Email == AppFactory.PI).Id,
            CreatedAtUtc = fixture.Clock.GetUtcNow(), UpdatedAtUtc = fixture.Clock.GetUtcNow() }));
        Assert.Contains($"data-firm-id=\"{firm}\"", await ListAsync(client));
        Assert.Equal(reads, Cache.Reads);
    }

    [Fact]
    public async Task A_renamed_firm_shows_its_new_name()
    {
        var (client, _, firm) = await InterviewerWithFirmAsync("rename.list@example.org", "旧名生物");
        Assert.Contains("旧名生物", Row(await ListAsync(client), firm));
        await SaveAsync(db => db.Firms.Single(f => f.Id == firm).NameZh = "新名生物");
        var row = Row(await ListAsync(client), firm);
        Assert.Contains("新名生物", row);
        Assert.DoesNotContain("旧名生物", row);
    }

    [Fact]
    public async Task A_firm_given_to_someone_else_leaves_the_list()
    {
        var (client, _, firm) = await InterviewerWithFirmAsync("reassign.list@example.org", "改派生物");
        Assert.Contains($"data-firm-id=\"{firm}\"", await ListAsync(client));
        await SaveAsync(db => db.Firms.Single(f => f.Id == firm).AssignedInterviewerId = db.Users.Single(u => u.Email == AppFactory.Interviewer).Id);
        Assert.DoesNotContain($"data-firm-id=\"{firm}\"", await ListAsync(client));
    }

    [Fact]
    public async Task A_changed_number_shows_on_the_row()
    {
        var (client, _, firm) = await InterviewerWithFirmAsync("phone.list@example.org", "换号生物");
        Assert.Contains("+86 10 6100 0001", Row(await ListAsync(client), firm));
        await SaveAsync(db => db.Contacts.Single(c => c.FirmId == firm).Phones = ["+86 10 6200 0002"]);
        Assert.Contains("+86 10 6200 0002", Row(await ListAsync(client), firm));
    }

    [Fact]
    public async Task A_logged_attempt_counts_on_the_row()
    {
        var (client, me, firm) = await InterviewerWithFirmAsync("attempt.list@example.org", "拨打生物");
        Assert.Contains("<td>0</td>", Row(await ListAsync(client), firm));
        await SaveAsync(db => db.CallAttempts.Add(new CallAttempt { FirmId = firm, InterviewerId = me, AtUtc = fixture.Clock.GetUtcNow().AddHours(-1), Disposition = "2.21",
            CallbackAtUtc = fixture.Clock.GetUtcNow().AddHours(1) }));
        Assert.Contains("<td>1</td>", Row(await ListAsync(client), firm));
    }

    [Fact]
    public async Task A_firm_marked_do_not_call_leaves_the_list()
    {
        var (client, me, firm) = await InterviewerWithFirmAsync("dnc.list@example.org", "勿扰生物");
        Assert.Contains($"data-firm-id=\"{firm}\"", await ListAsync(client));
        await SaveAsync(db => db.DoNotCalls.Add(new DoNotCall { FirmId = firm, Reason = "asked", AtUtc = fixture.Clock.GetUtcNow(), ById = me }));
        Assert.DoesNotContain($"data-firm-id=\"{firm}\"", await ListAsync(client));
    }

    [Fact]
    public async Task New_retry_settings_show_at_once()
    {
        var (client, _, _) = await InterviewerWithFirmAsync("settings.list@example.org", "设置生物");
        var before = await fixture.WithAsync(async db => (await db.StudySettings.AsNoTracking().CurrentAsync())!.RetryGapHours);
        Assert.Contains($"at least {before} hours apart", await ListAsync(client));
        await SaveAsync(db => db.StudySettings.OrderBy(s => s.Id).First().RetryGapHours = before + 7);
        Assert.Contains($"at least {before + 7} hours apart", await ListAsync(client));
        await SaveAsync(db => db.StudySettings.OrderBy(s => s.Id).First().RetryGapHours = before);
    }

    [Fact]
    public async Task A_park_renamed_shows_its_new_code_on_the_row()
    {
        var park = await fixture.WithAsync(async db =>
        {
            var p = new Park { Code = "TP1", NameEn = "Test park", NameZh = "测试园", SortOrder = 90 };
            db.Parks.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var (client, _, firm) = await InterviewerWithFirmAsync("park.list@example.org", "园区生物", "TP1");
        Assert.Contains("<td>TP1</td>", Row(await ListAsync(client), firm));
        await SaveAsync(db => db.Parks.Single(p => p.Id == park).Code = "TP2");
        Assert.Contains("<td>TP2</td>", Row(await ListAsync(client), firm));
    }

    [Fact]
    public async Task A_quota_cell_filled_takes_fresh_firms_of_it_off()
    {
        var park = await fixture.WithAsync(async db =>
        {
            var p = new Park { Code = "TQ1", NameEn = "Quota park", NameZh = "配额园", SortOrder = 91 };
            db.Parks.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var (client, me, firm) = await InterviewerWithFirmAsync("quota.list@example.org", "配额生物", "TQ1");
        await fixture.WithAsync(async db =>
        {
            var done = new Firm { NameZh = "已访生物", ParkId = park, Status = FirmStatus.Active };
            db.Firms.Add(done);
            await db.SaveChangesAsync();
            db.CallAttempts.Add(new CallAttempt { FirmId = done.Id, InterviewerId = me, AtUtc = fixture.Clock.GetUtcNow().AddDays(-1), Disposition = "1.1" });
            return await db.SaveChangesAsync();
        });
        Assert.Contains($"data-firm-id=\"{firm}\"", await ListAsync(client));
        await SaveAsync(db => db.QuotaTargets.Add(new QuotaTarget { ParkId = park, Target = 1 }));
        Assert.DoesNotContain($"data-firm-id=\"{firm}\"", await ListAsync(client));
    }

    [Fact]
    public async Task A_park_scoped_interviewer_never_gets_inputs_read_for_every_park()
    {
        var (client, me, inScope) = await InterviewerWithFirmAsync("scoped.list@example.org", "范围内生物", "ZLS");
        var outside = await fixture.WithAsync(async db =>
        {
            var f = new Firm { NameZh = "范围外生物", ParkId = db.Parks.Single(p => p.Code == "DX").Id, Status = FirmStatus.Active, AssignedInterviewerId = me };
            db.Firms.Add(f);
            await db.SaveChangesAsync();
            return f.Id;
        });
        var zls = fixture.With(db => db.Parks.Single(p => p.Code == "ZLS").Id);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync($"/Admin/Users/Edit?id={me}", new()
            { ["Input.DisplayName"] = "Scoped", ["Input.Roles"] = "Interviewer", ["Input.Parks"] = zls.ToString() })).StatusCode);
        // The PI reads the list first: the inputs kept then are every park's.
        var piView = WebUtility.HtmlDecode(await pi.GetStringAsync($"/Calls?interviewerId={me}"));
        Assert.Contains($"data-firm-id=\"{outside}\"", piView);
        var scoped = await fixture.SignedInAsync("scoped.list@example.org");
        var own = await ListAsync(scoped);
        Assert.Contains($"data-firm-id=\"{inScope}\"", own);
        Assert.DoesNotContain($"data-firm-id=\"{outside}\"", own);
        Assert.DoesNotContain("范围外生物", own);
    }
}
