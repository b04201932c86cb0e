using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using FieldSurvey.Core.Firms;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Security;

/// <summary>
/// Issue 24, park-scoped access (REDCap's data access groups), tested like the role matrix: the PI limits the
/// demo interviewer and coder 1 to ZLS Park on the user page; then every page they can open, given every id of
/// the other parks' firms, interviews and transcripts, shows nothing of those parks, the handlers and JSON
/// endpoints refuse them with nothing saved, and lists, search (its filters too) and the downloads (search CSV, the
/// qualitative analysis workbook and PDF) leave them out.
/// The small demo has firms in all three parks assigned to the interviewer, and coder 1 holds a ZLS and a
/// Yizhuang transcript, so without the scope each of these would show.
/// </summary>
public sealed class ParkScopeTests(ParkScopeTests.Fixture fixture) : IClassFixture<ParkScopeTests.Fixture>
{
    public sealed class Fixture : AppFactory, IAsyncLifetime
    {
        public int Zls { get; private set; }
        public List<int> OutsideFirms { get; private set; } = [];
        public int OutsideInterview { get; private set; }
        public int OutsideTranscript { get; private set; }
        public int OutsideSegment { get; private set; }
        public List<string> Markers { get; } = [];

        public async Task InitializeAsync()
        {
            Zls = With(db => db.Parks.Single(p => p.Code == "ZLS").Id);
            var pi = await SignedInAsync(PI);
            foreach (var (email, role) in new[] { (Interviewer, "Interviewer"), (Coder1, "Coder") })
            {
                var id = With(db => db.Users.Single(u => u.Email == email).Id);
                var saved = await pi.PostFormAsync($"/Admin/Users/Edit?id={id}", new()
                    { ["Input.DisplayName"] = email, ["Input.Roles"] = role, ["Input.Parks"] = Zls.ToString() });
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }
            await WithAsync(async db =>
            {
                var outside = await db.Firms.Where(f => f.ParkId != Zls).Include(f => f.Contacts).ToListAsync();
                OutsideFirms = [.. outside.Select(f => f.Id)];
                Markers.AddRange(outside.Select(f => f.NameZh));
                Markers.AddRange(outside.SelectMany(f => f.Contacts).SelectMany(c => c.Phones));
                OutsideInterview = await db.Interviews.Where(i => OutsideFirms.Contains(i.FirmId)).Select(i => i.Id).SingleAsync();
                OutsideTranscript = await db.Transcripts.Where(t => t.InterviewId == OutsideInterview).Select(t => t.Id).SingleAsync();
                OutsideSegment = await db.Segments.Where(s => s.TranscriptId == OutsideTranscript).Select(s => s.Id).FirstAsync();
                return 0;
            });
            Markers.Add("early-stage screening");   // Kangda's transcript and its coded passages (Yizhuang)
            Markers.Add("六百多名员工");
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    static readonly string[] FieldFolders = ["/Index", "/Profile", "/Firms", "/Calls", "/Interviews"];
    static readonly string[] CodingFolders = ["/Index", "/Profile", "/Coding"];

    [Fact]
    public void The_PI_limits_a_person_to_parks_on_the_user_page_and_each_grant_is_an_access_audit_row()
    {
        var granted = fixture.With(db => db.UserParks.Count(p => p.ParkId == fixture.Zls));
        Assert.Equal(2, granted);
        var audit = fixture.With(db => db.AuditEntries.Where(a => a.Entity == "Access" && a.Action == "ParkGranted").Select(a => a.After!).ToList());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Contains("\"Park\":\"ZLS\"", a));
    }

    /// <summary>
    /// Each entity's park filter only asks that its parent be visible (the parent's own filter does the rest): checked
    /// here for every filtered entity against its firm's park, followed by hand through the unscoped tables.
    /// </summary>
    [Fact]
    public async Task Every_filtered_entity_shows_exactly_the_rows_whose_firm_is_in_an_allowed_park()
    {
        var zls = fixture.Zls;
        var (all, expected) = await fixture.WithAsync(async db => (await VisibleAsync(db), await OfParkAsync(db, zls)));

        using var scope = fixture.Services.CreateScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Role, Roles.Coder), new Claim(ParkScope.ParkClaim, zls.ToString(CultureInfo.InvariantCulture))], "test")),
        };
        try
        {
            var scoped = await VisibleAsync(scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>());
            Assert.Equal(expected, scoped);
        }
        finally
        {
            accessor.HttpContext = null;
        }
        // The fixture has rows of other parks for these, so a filter that let them through would show.
        foreach (var kind in new[] { "Firm", "Contact", "CallAttempt", "Interview", "Answer", "Transcript", "Segment", "CodingAssignment" })
            Assert.True(expected[kind] > 0 && expected[kind] < all[kind], $"{kind}: {expected[kind]} of {all[kind]}");
    }

    /// <summary>Rows per filtered entity as the context sees them: each set alone, so only its own filter applies.</summary>
    static async Task<Dictionary<string, int>> VisibleAsync(FieldSurveyDbContext db) => new()
    {
        ["Firm"] = await db.Firms.CountAsync(), ["Contact"] = await db.Contacts.CountAsync(),
        ["FrameworkSummary"] = await db.FrameworkSummaries.CountAsync(), ["CallAttempt"] = await db.CallAttempts.CountAsync(),
        ["Interview"] = await db.Interviews.CountAsync(), ["Answer"] = await db.Answers.CountAsync(),
        ["PartnerRow"] = await db.PartnerRows.CountAsync(), ["Transcript"] = await db.Transcripts.CountAsync(),
        ["DataQuery"] = await db.DataQueries.CountAsync(), ["DataQueryEvent"] = await db.DataQueryEvents.CountAsync(),
        ["TranscriptRevision"] = await db.TranscriptRevisions.CountAsync(), ["Segment"] = await db.Segments.CountAsync(),
        ["CodingAssignment"] = await db.CodingAssignments.CountAsync(), ["AdjudicationDecision"] = await db.AdjudicationDecisions.CountAsync(),
    };

    /// <summary>Rows per filtered entity that belong to <paramref name="park"/>'s firms, followed up to the firm by hand (unscoped context).</summary>
    static async Task<Dictionary<string, int>> OfParkAsync(FieldSurveyDbContext db, int park)
    {
        var firms = db.Firms.Where(f => f.ParkId == park).Select(f => f.Id);
        var interviews = db.Interviews.Where(i => firms.Contains(i.FirmId)).Select(i => i.Id);
        var transcripts = db.Transcripts.Where(t => interviews.Contains(t.InterviewId)).Select(t => t.Id);
        var queries = db.DataQueries.Where(q => interviews.Contains(q.InterviewId)).Select(q => q.Id);
        return new()
        {
            ["Firm"] = await firms.CountAsync(),
            ["Contact"] = await db.Contacts.CountAsync(c => firms.Contains(c.FirmId)),
            ["FrameworkSummary"] = await db.FrameworkSummaries.CountAsync(x => firms.Contains(x.FirmId)),
            ["CallAttempt"] = await db.CallAttempts.CountAsync(a => firms.Contains(a.FirmId)),
            ["Interview"] = await interviews.CountAsync(),
            ["Answer"] = await db.Answers.CountAsync(a => interviews.Contains(a.InterviewId)),
            ["PartnerRow"] = await db.PartnerRows.CountAsync(p => interviews.Contains(p.InterviewId)),
            ["Transcript"] = await transcripts.CountAsync(),
            ["DataQuery"] = await queries.CountAsync(),
            ["DataQueryEvent"] = await db.DataQueryEvents.CountAsync(e => queries.Contains(e.QueryId)),
            ["TranscriptRevision"] = await db.TranscriptRevisions.CountAsync(r => transcripts.Contains(r.TranscriptId)),
            ["Segment"] = await db.Segments.CountAsync(s => transcripts.Contains(s.TranscriptId)),
            ["CodingAssignment"] = await db.CodingAssignments.CountAsync(c => transcripts.Contains(c.TranscriptId)),
            ["AdjudicationDecision"] = await db.AdjudicationDecisions.CountAsync(d => transcripts.Contains(d.TranscriptId)),
        };
    }

    [Theory]
    [InlineData(AppFactory.Interviewer, "Interviewer")]
    [InlineData(AppFactory.Coder1, "Coder")]
    public async Task A_park_scoped_person_sees_nothing_of_another_park_on_any_page_given_any_id(string email, string role)
    {
        var client = await fixture.SignedInAsync(email);
        var folders = role == "Coder" ? CodingFolders : FieldFolders;
        var pages = PageRoutes.All(fixture.Services)
            .Where(p => folders.Any(f => p.Path == f || p.Path.StartsWith(f + "/", StringComparison.Ordinal))).ToList();
        Assert.True(pages.Count >= 3);
        var ids = fixture.OutsideFirms.Append(fixture.OutsideInterview).Append(fixture.OutsideTranscript).Distinct().ToList();
        var failures = new List<string>();
        foreach (var (_, url) in pages)
        foreach (var query in ids.Select(i => $"?id={i}&firmId={i}&transcriptId={i}&interviewId={i}").Prepend("").Append("?handler=Data&transcriptId=" + fixture.OutsideTranscript).Append("?handler=Csv"))
        {
            var response = await client.GetAsync(url + query);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500) failures.Add($"{url}{query}: {(int)response.StatusCode}");
            failures.AddRange(fixture.Markers.Where(m => body.Contains(m, StringComparison.Ordinal)).Select(m => $"{url}{query}: shows {m}"));
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_park_scoped_interviewer_reaches_no_firm_call_or_interview_of_another_park_and_nothing_is_saved()
    {
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var inside = fixture.With(db => db.Firms.First(f => f.ParkId == fixture.Zls && f.AssignedInterviewerId != null).Id);
        var token = HttpClientForms.Token(await client.GetStringAsync($"/Calls/Log?firmId={inside}"))!;
        foreach (var firm in fixture.OutsideFirms)
        {
            foreach (var url in new[] { $"/Firms/Details?id={firm}", $"/Firms/Edit?id={firm}", $"/Calls/Log?firmId={firm}", $"/Interviews/Start?firmId={firm}" })
                NotFound(await client.GetAsync(url), url);
            NotFound(await PostAsync(client, $"/Calls/Log?firmId={firm}", token,
                new() { ["Input.At"] = "2026-11-25T10:00", ["Input.Outcome"] = "2.11", ["Input.Number"] = "+86 10 6788 2001" }), "log");
            NotFound(await PostAsync(client, $"/Interviews/Start?firmId={firm}", token, new() { ["Input.InterviewDate"] = "2026-11-25" }), "start");
            NotFound(await PostAsync(client, $"/Firms/Edit", token, new() { ["Input.Id"] = firm.ToString(), ["Input.NameZh"] = "改名", ["Input.ParkId"] = fixture.Zls.ToString() }), "edit");
        }
        foreach (var url in new[] { $"/Interviews/Capture?id={fixture.OutsideInterview}", $"/Interviews/Review?id={fixture.OutsideInterview}", $"/Interviews/Transcript?id={fixture.OutsideInterview}" })
            NotFound(await client.GetAsync(url), url);
        NotFound(await client.SaveAnswerAsync(fixture.OutsideInterview, "A1", "2001", 0), "answer JSON");
        NotFound(await PostAsync(client, $"/Interviews/Transcript?id={fixture.OutsideInterview}", token, new() { ["Input.Text"] = "改写" }), "transcript");
        NotFound(await JsonAsync(client, $"/Interviews/Capture?id={fixture.OutsideInterview}&handler=Partners", token,
            new { QuestionId = "B1", Rows = Array.Empty<object>() }), "partners JSON");
        var status = fixture.With(db => db.Interviews.Single(i => i.Id == fixture.OutsideInterview).Status);
        NotFound(await PostAsync(client, $"/Interviews/Capture?id={fixture.OutsideInterview}&handler=Submit&version=0", token, []), "submit");
        Assert.Equal(status, fixture.With(db => db.Interviews.Single(i => i.Id == fixture.OutsideInterview).Status));

        // Search: the firm list's text search by an outside firm's exact name, and its park filter, list nothing of it.
        var outsideName = fixture.With(db => db.Firms.Single(f => f.Id == fixture.OutsideFirms[0]).NameZh);
        var outsidePark = fixture.With(db => db.Firms.Single(f => f.Id == fixture.OutsideFirms[0]).ParkId);
        foreach (var url in new[] { $"/Firms?q={Uri.EscapeDataString(outsideName)}&status=", $"/Firms?parkId={outsidePark}&status=" })
        {
            var found = await client.GetStringAsync(url);
            Assert.DoesNotContain(outsideName, found[found.IndexOf("data-testid=\"firm-table\"", StringComparison.Ordinal)..]);   // the search box echoes the name
        }

        // A new firm can be filed only under one of the person's parks.
        var yz = fixture.With(db => db.Parks.Single(p => p.Code == "YZ").Id);
        var created = await PostAsync(client, "/Firms/Edit", token, new() { ["Input.NameZh"] = "园区范围测试公司", ["Input.ParkId"] = yz.ToString() });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        Assert.Equal(0, fixture.With(db => db.CallAttempts.Count(a => fixture.OutsideFirms.Contains(a.FirmId) && a.AtUtc > TestClock.Start.AddDays(-1))));
        Assert.Equal(1, fixture.With(db => db.Interviews.Count(i => fixture.OutsideFirms.Contains(i.FirmId))));
        Assert.False(fixture.With(db => db.Firms.Any(f => f.NameZh == "改名" || f.NameZh == "园区范围测试公司")));
        Assert.DoesNotContain("改写", fixture.With(db => db.Transcripts.Single(t => t.Id == fixture.OutsideTranscript).Text));

        // Inside the park the same person still works: the scope is not a lock-out.
        var list = await client.GetStringAsync("/Firms");
        Assert.Contains("百奥泰康生物科技有限公司", list);
        Assert.Contains("华清诊断试剂有限公司", await client.GetStringAsync("/Calls"));
    }

    [Fact]
    public async Task A_park_scoped_coder_reaches_no_transcript_segment_or_search_hit_of_another_park_and_nothing_is_saved()
    {
        var client = await fixture.SignedInAsync(AppFactory.Coder1);
        var token = HttpClientForms.Token(await client.GetStringAsync("/Coding/Search"))!;
        var t = fixture.OutsideTranscript;
        NotFound(await client.GetAsync($"/Coding/Annotate?transcriptId={t}"), "annotate");
        NotFound(await client.GetAsync($"/Coding/Annotate?transcriptId={t}&handler=Data"), "annotate JSON");
        var before = fixture.With(db => db.Segments.Count(s => s.TranscriptId == t));
        NotFound(await JsonAsync(client, $"/Coding/Annotate?transcriptId={t}&handler=Save", token,
            new { Id = (int?)null, Version = 0, Start = 0, End = 5, Quote = "访谈员：您", TypeId = (int?)null }), "save JSON");
        NotFound(await JsonAsync(client, $"/Coding/Annotate?transcriptId={t}&handler=Delete", token, new { Id = fixture.OutsideSegment }), "delete JSON");
        NotFound(await PostAsync(client, $"/Coding/Annotate?transcriptId={t}&handler=Complete&complete=false", token, []), "complete");
        Assert.Equal(before, fixture.With(db => db.Segments.Count(s => s.TranscriptId == t && s.DeletedAtUtc == null)));

        var search = await client.GetStringAsync("/Coding/Search?q=research");
        Assert.DoesNotContain("early-stage screening", search);
        var csv = await client.GetStringAsync("/Coding/Search?handler=Csv&q=research");
        Assert.DoesNotContain("early-stage screening", csv);
        var queue = await client.GetStringAsync("/Coding");
        Assert.DoesNotContain("Yizhuang Kangda", queue);
        Assert.Contains("Baiotai", queue);

        // Issue 24 review: the search's park filter offered every park; it lists the coder's own only. Asking for
        // another park's passages by its id anyway finds none, on the page and in the CSV.
        var yz = fixture.With(db => db.Parks.Single(p => p.Code == "YZ").Id);
        var form = await client.GetStringAsync("/Coding/Search");
        var parkSelect = form[form.IndexOf("id=\"Filter_ParkId\"", StringComparison.Ordinal)..];
        parkSelect = parkSelect[..parkSelect.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Contains($"value=\"{fixture.Zls}\"", parkSelect);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(parkSelect, "<option value=\"[0-9]+\""));
        Assert.DoesNotContain("early-stage screening", await client.GetStringAsync($"/Coding/Search?q=research&parkId={yz}"));
        Assert.DoesNotContain("early-stage screening", await client.GetStringAsync($"/Coding/Search?handler=Csv&q=research&parkId={yz}"));

        // Exports: the qualitative analysis workbook and PDF, asked for the other park and its transcript, hold none of it.
        foreach (var handler in new[] { "Workbook", "Pdf" })
        {
            var file = await client.GetAsync($"/Coding/Analysis/Download?handler={handler}&Park=YZ&Source={t}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            var bytes = await file.Content.ReadAsByteArrayAsync();
            var text = handler == "Workbook"
                ? string.Join("\n", Reports.XlsxReader.Read(bytes).Values.SelectMany(s => s.Cells).Select(c => c.Text))
                : string.Join("", UglyToad.PdfPig.PdfDocument.Open(bytes).GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.DoesNotContain(fixture.Markers, m => text.Replace(" ", "").Contains(m.Replace(" ", ""), StringComparison.Ordinal));
        }

        // The same search as the PI finds the Yizhuang passage: the scope, not the data, hides it.
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        Assert.Contains("early-stage screening", await pi.GetStringAsync("/Coding/Search?q=research"));
    }

    [Fact]
    public async Task A_park_scoped_interviewer_sees_no_do_not_call_entry_of_another_parks_firm_and_cannot_mark_one()
    {
        var outside = fixture.OutsideFirms[0];
        var outsideName = fixture.With(db => db.Firms.Single(f => f.Id == outside).NameZh);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var marked = await pi.PostFormAsync($"/Calls/DoNotCall?handler=Mark&firmId={outside}",
            new() { ["Input.WholeFirm"] = "true", ["Input.Reason"] = "园区外勿扰理由" }, $"/Calls/DoNotCall?firmId={outside}");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var list = await client.GetStringAsync("/Calls/DoNotCall");
        Assert.DoesNotContain(outsideName, list);
        Assert.DoesNotContain("园区外勿扰理由", list);
        NotFound(await client.GetAsync($"/Calls/DoNotCall?firmId={outside}"), "dnc page");
        var token = HttpClientForms.Token(list)!;
        NotFound(await PostAsync(client, $"/Calls/DoNotCall?handler=Mark&firmId={outside}", token,
            new() { ["Input.Number"] = "+86 10 6788 2001", ["Input.Reason"] = "x" }), "dnc mark");
        Assert.Equal(1, fixture.With(db => db.DoNotCalls.Count(d => d.FirmId == outside)));
    }

    [Fact]
    public async Task A_park_scoped_interviewer_sees_no_callback_of_another_parks_firm_on_the_callback_calendar()
    {
        // A fresh firm of another park (the first is marked do-not-call by another test) gets a callback on Thursday.
        var outside = fixture.With(db => db.Firms.Where(f => fixture.OutsideFirms.Skip(1).Contains(f.Id) && f.AssignedInterviewerId != null)
            .Where(f => !db.CallAttempts.Any(a => a.FirmId == f.Id)).Select(f => f.Id).First());
        await fixture.WithAsync(async db =>
        {
            db.CallAttempts.Add(new Core.Calls.CallAttempt { FirmId = outside, InterviewerId = db.Users.Single(u => u.Email == AppFactory.Interviewer).Id,
                AtUtc = TestClock.Start.AddDays(-2), Disposition = "2.21", CallbackAtUtc = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero) });
            return await db.SaveChangesAsync();
        });
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        Assert.Contains($"data-testid=\"callback-{outside}\"", await pi.GetStringAsync("/Calls/Calendar?week=2026-11-26"));
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var calendar = await client.GetStringAsync("/Calls/Calendar?week=2026-11-26");
        Assert.DoesNotContain($"data-testid=\"callback-{outside}\"", calendar);
        Assert.DoesNotContain(fixture.With(db => db.Firms.Single(f => f.Id == outside).NameZh), calendar);
    }

    static void NotFound(HttpResponseMessage response, string what) =>
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
            || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true,
            $"{what}: {(int)response.StatusCode} {response.Headers.Location}");

    static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, Dictionary<string, string> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) }));

    static Task<HttpResponseMessage> JsonAsync(HttpClient client, string url, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return client.SendAsync(request);
    }
}
