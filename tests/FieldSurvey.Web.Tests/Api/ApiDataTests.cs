using System.Globalization;
using System.Net;
using System.Text.Json;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Exports;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web;
using FieldSurvey.Web.Pages.Reports;
using FieldSurvey.Web.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Api;

/// <summary>Issue 26: what the read API returns: personal data only with the right, paging, filters, and the report's own figures.</summary>
public sealed class ApiDataTests(ApiDataTests.Fixture app) : IClassFixture<ApiDataTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static async Task<JsonElement> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Without_the_personal_data_right_no_endpoint_returns_names_phones_or_emails_and_with_it_the_firms_have_them()
    {
        var (respondents, contacts, phones, people, firms) = app.With(db => (
            db.Interviews.Where(i => i.RespondentName != null).Select(i => i.RespondentName!).ToList(),
            db.Contacts.Where(c => c.Name != "").Select(c => c.Name).ToList(), db.Contacts.AsEnumerable().SelectMany(c => c.Phones).ToList(),
            db.Users.Select(u => u.DisplayName).ToList(), db.Firms.Select(f => f.NameZh).ToList()));
        Assert.NotEmpty(respondents);
        Assert.NotEmpty(phones);
        var plain = app.Bearer(await app.IssueAsync(AppFactory.PI, name: "no personal data"));
        var everything = new List<string>();
        foreach (var url in ApiTokenHelpers.Endpoints)
            everything.Add(await plain.GetStringAsync(url + (url.EndsWith("report", StringComparison.Ordinal) ? "" : "?limit=1000")));
        var all = string.Join("\n", everything);
        foreach (var secret in respondents.Concat(contacts).Concat(people).Concat(phones).Append("example.org").Append("+86"))
            Assert.DoesNotContain(secret, all);
        // A firm is named by its pseudonym where it is the subject; a partner organisation is named as the interview recorded it
        // (as in the data package), and a study firm can be another firm's partner, so firm names are checked where firms are listed.
        var ownRecords = string.Join("\n", everything.Take(4));
        foreach (var name in firms) Assert.DoesNotContain(name, ownRecords);
        Assert.Contains("F00", all);

        var personal = app.Bearer(await app.IssueAsync(AppFactory.PI, personalData: true, name: "personal data"));
        var withNames = await personal.GetStringAsync("/api/v1/firms?limit=1000") + await personal.GetStringAsync("/api/v1/interviews");
        Assert.Contains(firms[0], withNames);
        Assert.Contains(phones[0], withNames);
        Assert.Contains(respondents[0], withNames);
    }

    [Fact]
    public async Task Pages_of_firms_follow_next_after_and_cover_every_firm_once_in_id_order()
    {
        var client = app.Bearer(await app.IssueAsync(AppFactory.Interviewer, name: "paging"));
        var expected = app.With(db => db.Firms.OrderBy(f => f.Id).Select(f => f.Id).ToList());
        Assert.True(expected.Count > 5);
        var seen = new List<int>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Json(client, "/api/v1/firms?limit=5" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(Items(page).Select(i => i.GetProperty("id").GetInt32()));
            Assert.Equal(5, page.GetProperty("limit").GetInt32());
            after = page.GetProperty("next_after") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32().ToString(CultureInfo.InvariantCulture) : null;
            pages++;
        } while (after is not null && pages < 50);
        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 4) / 5, pages);
        Assert.Equal($"F{expected[0]:D4}", Items(await Json(client, "/api/v1/firms?limit=1"))[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Park_date_and_updated_since_filters_return_exactly_the_matching_records()
    {
        var client = app.Bearer(await app.IssueAsync(AppFactory.PI, name: "filters"));
        var zls = app.With(db => db.Firms.Count(f => f.Park!.Code == "ZLS"));
        var parkFirms = Items(await Json(client, "/api/v1/firms?park=ZLS&limit=1000"));
        Assert.Equal(zls, parkFirms.Count);
        Assert.All(parkFirms, f => Assert.Equal("ZLS", f.GetProperty("park").GetString()));

        var (date, onDate, answers, interviewId) = app.With(db =>
        {
            var first = db.Interviews.OrderBy(i => i.Id).First();
            return (first.InterviewDate, db.Interviews.Count(i => i.InterviewDate == first.InterviewDate), db.Answers.Count(a => a.InterviewId == first.Id), first.Id);
        });
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var interviews = Items(await Json(client, $"/api/v1/interviews?from={day}&to={day}"));
        Assert.Equal(onDate, interviews.Count);
        Assert.All(interviews, i => Assert.Equal(day, i.GetProperty("interview_date").GetString()));
        // Answers wide (one field per question) and long (one row per answer) hold the same answers.
        var wide = interviews.Single(i => i.GetProperty("id").GetInt32() == interviewId).GetProperty("answers").EnumerateObject().Count();
        var longRows = Items(await Json(client, $"/api/v1/answers?from={day}&to={day}&limit=1000")).Count(a => a.GetProperty("interview_id").GetInt32() == interviewId);
        Assert.Equal(answers, longRows);
        Assert.Equal(answers, wide);

        var before = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var edited = app.With(db =>
        {
            var firm = db.Firms.OrderBy(f => f.Id).Skip(2).First();
            firm.Notes = "edited for the API test";
            db.SaveChanges();
            return firm.Id;
        });
        var since = Uri.EscapeDataString(before.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture));
        var changed = Items(await Json(client, $"/api/v1/firms?updated_since={since}&limit=1000"));
        Assert.Equal([edited], changed.Select(f => f.GetProperty("id").GetInt32()));
        var later = Uri.EscapeDataString(app.Clock.GetUtcNow().AddDays(1).ToString("O", CultureInfo.InvariantCulture));
        Assert.Empty(Items(await Json(client, $"/api/v1/firms?updated_since={later}")));
    }

    [Fact]
    public async Task The_report_endpoint_gives_the_report_pages_tables_figure_for_figure()
    {
        // With personal data the tables are the exports' own, cell for cell (without it, names become pseudonyms: the test above).
        var client = app.Bearer(await app.IssueAsync(AppFactory.PI, personalData: true, name: "report"));
        var api = await Json(client, "/api/v1/report?park=&interviews=NotDraft");
        var t = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var expected = await app.WithAsync(async db =>
        {
            var data = await ReportData.LoadAsync(db, new ReportFilter(Interviews: InterviewFilter.NotDraft), app.Clock.GetUtcNow());
            using var english = ReportLanguage.Use("en");
            return ReportPresentation.Build(data, t, includePersonalData: true).Tables(Outputs.Csv)
                .Select(x => (Name: x.Id ?? x.Name, Rows: JsonSerializer.Serialize(x.Rows.Select(r => r.Select(Cell.ValueOf)
                    .Select(c => c is double d && !double.IsFinite(d) ? null : c))))).ToList();
        });
        var tables = api.EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.Name), tables.Select(t => t.GetProperty("name").GetString()));
        Assert.Contains(expected, e => e.Rows.Length > 10);
        foreach (var (table, e) in tables.Zip(expected))
            Assert.Equal(e.Rows, JsonSerializer.Serialize(table.GetProperty("rows")));
        var shares = tables.Single(x => x.GetProperty("name").GetString() == "cross-cluster-shares");
        Assert.NotEmpty(shares.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task Segments_calls_partners_and_transcripts_count_what_the_database_holds()
    {
        var client = app.Bearer(await app.IssueAsync(AppFactory.PI, name: "counts"));
        var expected = app.With(db => new Dictionary<string, int>
        {
            ["calls"] = db.CallAttempts.Count(), ["partners"] = db.PartnerRows.Count(), ["transcripts"] = db.Transcripts.Count(),
            ["segments"] = db.Segments.Count(s => s.DeletedAtUtc == null),
        });
        Assert.True(expected["segments"] > 0 && expected["partners"] > 0);
        foreach (var (list, count) in expected)
            Assert.True(count == Items(await Json(client, $"/api/v1/{list}?limit=1000")).Count, list);
        var segment = Items(await Json(client, "/api/v1/segments?limit=1"))[0];
        Assert.Matches("^(C[0-9]{2}|consensus)$", segment.GetProperty("coder").GetString());
        Assert.False(string.IsNullOrEmpty(segment.GetProperty("quote").GetString()));
        var codebook = (await Json(client, "/api/v1/codebook")).EnumerateArray().ToList();
        Assert.Contains(codebook, c => c.GetProperty("kind").GetString() == "Park" && c.GetProperty("code").GetString() == "ZLS" && c.GetProperty("name_zh").GetString() == "中关村生命科学园");
    }
}
