using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web;
using FieldSurvey.Web.Pages.Interviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Tests.Interviews;

/// <summary>Seeds interviews past draft with answers, as the report and the outlier check read them.</summary>
static class DataQualityData
{
    public static int Submitted(this AppFactory app, Dictionary<string, string?> answers, string firm = "Yanyuan Gene Technology Co.")
    {
        var id = app.NewInterview(AppFactory.Interviewer, status: InterviewStatus.Submitted, firm: firm);
        app.With(db =>
        {
            foreach (var (qid, value) in answers) db.Answers.Add(new Answer { InterviewId = id, QuestionId = qid, Value = value });
            return db.SaveChanges();
        });
        return id;
    }

    /// <summary>A complete interview with no finding of its own (the seed guide's required answers, in range).</summary>
    public static Dictionary<string, string?> Clean(params (string Id, string? Value)[] changes)
    {
        var answers = new Dictionary<string, string?>
        {
            ["A1"] = "2005", ["A2"] = "100", ["A3"] = "30", ["A4"] = "private", ["A5"] = "biopharma",
            ["A6"] = "[\"rd\"]", ["G1"] = "no",
        };
        foreach (var (qid, value) in changes) answers[qid] = value;
        return answers;
    }

    public static async Task AddRuleAsync(this HttpClient pi, string expression, string en, string zh = "规则提示")
    {
        var saved = await pi.PostFormAsync("/Admin/DataQuality/Edit", new()
        {
            ["Input.Expression"] = expression, ["Input.MessageEn"] = en, ["Input.MessageZh"] = zh, ["Input.Severity"] = "Error",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    /// <summary>The report's rows for one interview: each row's rule attribute.</summary>
    public static List<string> Rules(string html, int interviewId) =>
        Regex.Matches(html, $"data-interview-id=\"{interviewId}\" data-rule=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
}

/// <summary>
/// Issue 24, data quality through the pages: each built-in check and a PI rule on the study-wide report, the warnings the
/// capture page's autosave returns (the answer saved all the same), the rule editor's named errors, and the query workflow
/// (raise, answer, send back, close, verify; history; stale steps refused) with approval asking for confirmation.
/// </summary>
public sealed class DataQualityTests(DataQualityTests.Fixture fixture) : IClassFixture<DataQualityTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task The_report_lists_each_built_in_finding_and_filters_by_rule_and_park()
    {
        var id = fixture.Submitted(DataQualityData.Clean(("A1", "1900"), ("A3", "120"), ("A4", null), ("C3", """{"ZLS":50,"BJ":40}""")));
        var pi = await fixture.SignedInAsync(AppFactory.PI);

        var html = await pi.GetStringAsync("/Reports/DataQuality");
        Assert.Equal(["not-above", "range", "required", "split-sum"], DataQualityData.Rules(html, id).Order(StringComparer.Ordinal));
        Assert.Contains("A3 (120) is more than A2 (100).", html);
        Assert.Contains("Adds up to 90, must be 100.", html);
        Assert.Contains("Must be between 1949 and 2026.", html);

        Assert.Equal(["range"], DataQualityData.Rules(await pi.GetStringAsync("/Reports/DataQuality?Rule=range"), id));
        var zls = fixture.With(db => db.Parks.Single(p => p.Code == "ZLS").Id);
        var yz = fixture.With(db => db.Parks.Single(p => p.Code == "YZ").Id);
        Assert.Equal(4, DataQualityData.Rules(await pi.GetStringAsync($"/Reports/DataQuality?ParkId={zls}"), id).Count);
        Assert.Empty(DataQualityData.Rules(await pi.GetStringAsync($"/Reports/DataQuality?ParkId={yz}"), id));
    }

    [Fact]
    public async Task A_draft_is_not_in_the_report()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        fixture.With(db => { db.Answers.Add(new Answer { InterviewId = id, QuestionId = "A1", Value = "1900" }); return db.SaveChanges(); });
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        Assert.Empty(DataQualityData.Rules(await pi.GetStringAsync("/Reports/DataQuality"), id));
    }

    [Fact]
    public async Task A_PI_rule_is_checked_on_the_report_and_warned_about_while_saving_and_the_save_stands()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        await pi.AddRuleAsync("E3 != \"never\" or D2 = 0", "Hires from the other parks but never talks to them?");
        var ruleId = fixture.With(db => db.DataQualityRules.Single(r => r.Expression == "E3 != \"never\" or D2 = 0").Id);

        var submitted = fixture.Submitted(DataQualityData.Clean(("E3", "never"), ("D2", "4")));
        var clean = fixture.Submitted(DataQualityData.Clean(("E3", "never"), ("D2", "0")));
        var html = await pi.GetStringAsync($"/Reports/DataQuality?Rule=rule:{ruleId}");
        Assert.Equal([$"rule:{ruleId}"], DataQualityData.Rules(html, submitted));
        Assert.Empty(DataQualityData.Rules(html, clean));
        Assert.Contains("Hires from the other parks but never talks to them?", html);

        var draft = fixture.NewInterview(AppFactory.Interviewer);
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        Assert.Equal(HttpStatusCode.OK, (await interviewer.SaveAnswerAsync(draft, "E3", "never", -1)).StatusCode);
        var save = await interviewer.SaveAnswerAsync(draft, "D2", "4", -1);
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        var body = await save.JsonAsync();
        Assert.Equal(0, body.GetProperty("problems").GetArrayLength());
        Assert.Equal("Hires from the other parks but never talks to them?", body.GetProperty("warnings")[0].GetString());
        Assert.Equal("4", fixture.With(db => db.Answers.Single(a => a.InterviewId == draft && a.QuestionId == "D2").Value));

        // Retired, the rule warns no more.
        var version = fixture.With(db => db.DataQualityRules.Single(r => r.Id == ruleId).Version);
        await pi.PostFormAsync($"/Admin/DataQuality?handler=Retire&id={ruleId}", new() { ["version"] = version.ToString(CultureInfo.InvariantCulture), ["retire"] = "true" });
        var again = await (await interviewer.SaveAnswerAsync(draft, "D2", "5", body.GetProperty("version").GetInt32())).JsonAsync();
        Assert.Equal(0, again.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Saving_RD_staff_above_total_staff_warns_at_the_question_and_keeps_the_answer()
    {
        var draft = fixture.NewInterview(AppFactory.Interviewer);
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        await interviewer.SaveAnswerAsync(draft, "A2", "100", -1);
        var save = await interviewer.SaveAnswerAsync(draft, "A3", "120", -1);
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        var body = await save.JsonAsync();
        Assert.Equal("A3 (120) is more than A2 (100).", body.GetProperty("warnings")[0].GetString());
        Assert.Equal("120", fixture.With(db => db.Answers.Single(a => a.InterviewId == draft && a.QuestionId == "A3").Value));
        Assert.Contains("data-warnings", await interviewer.GetStringAsync($"/Interviews/Capture?id={draft}"));
    }

    [Theory]
    [InlineData("A3 <= Z9", "Position 7: there is no question Z9 in the current guide.")]
    [InlineData("A3 <=", "Position 6: the rule ends too early.")]
    [InlineData("A4 + 1 > 2", "Position 1: expected a number, found a text.")]
    [InlineData("A6 = 'rd'", "Position 4: a multiple-choice answer holds several codes; use has(question, &quot;code&quot;).")]
    public async Task A_rule_that_does_not_parse_is_refused_with_its_error_at_the_field(string expression, string error)
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var response = await pi.PostFormAsync("/Admin/DataQuality/Edit", new()
        {
            ["Input.Expression"] = expression, ["Input.MessageEn"] = "m", ["Input.MessageZh"] = "提示", ["Input.Severity"] = "Warning",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.Expression\"[^>]*>[^<]*" + Regex.Escape(error), html);
        Assert.False(fixture.With(db => db.DataQualityRules.Any(r => r.Expression == expression)));
    }

    async Task<(int Query, HttpClient Pi, HttpClient Interviewer)> RaisedAsync(int interview)
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var key = Regex.Match(await pi.GetStringAsync("/Reports/DataQuality?Rule=not-above"), $"data-finding=\"([^\"]+)\" data-interview-id=\"{interview}\"").Groups[1].Value;
        Assert.Equal("not-above|A3,A2", key);
        var raised = await pi.PostFormAsync("/Reports/DataQuality?handler=Raise", new()
            { ["Input.InterviewId"] = interview.ToString(CultureInfo.InvariantCulture), ["Input.Key"] = key, ["Input.Text"] = "R&D 120 of 100 staff? 请核实。" },
            formPage: "/Reports/DataQuality");
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var query = fixture.With(db => db.DataQueries.Single(q => q.InterviewId == interview).Id);
        return (query, pi, await fixture.SignedInAsync(AppFactory.Interviewer));
    }

    static Task<HttpResponseMessage> Step(HttpClient client, int query, string step, int version, string? text = null) =>
        client.PostFormAsync($"/Interviews/Queries/Details?id={query}", new()
            { ["step"] = step, ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture), ["Input.Text"] = text ?? "" });

    int Version(int query) => fixture.With(db => db.DataQueries.Single(q => q.Id == query).Version);

    [Fact]
    public async Task A_query_goes_open_answered_sent_back_answered_closed_with_its_history_and_stale_steps_refused()
    {
        var interview = fixture.Submitted(DataQualityData.Clean(("A3", "120")));
        var (query, pi, interviewer) = await RaisedAsync(interview);

        Assert.Contains($"data-query-id=\"{query}\"", await interviewer.GetStringAsync("/Interviews/Queries"));
        Assert.Contains("data-testid=\"home-queries\"", await interviewer.GetStringAsync("/"));
        Assert.Contains("data-testid=\"query-link\"", await pi.GetStringAsync("/Reports/DataQuality?Rule=not-above"));

        var opened = Version(query);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(interviewer, query, "Answer", opened, "The respondent counted contractors. 含外包。")).StatusCode);
        Assert.Equal(DataQueryStatus.Answered, fixture.With(db => db.DataQueries.Single(q => q.Id == query).Status));

        // The PI's screen still shows the open query: a step from that version is refused and changes nothing.
        var stale = await Step(pi, query, "Close", opened, "ok");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("Someone else acted on this query meanwhile", await pi.GetStringAsync($"/Interviews/Queries/Details?id={query}"));
        Assert.Equal(DataQueryStatus.Answered, fixture.With(db => db.DataQueries.Single(q => q.Id == query).Status));

        // Only the PI closes; the interviewer is told so at the field.
        var notYours = await Step(interviewer, query, "Close", Version(query), "done");
        Assert.Contains("Only a PI can do this.", await notYours.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await Step(pi, query, "Reopen", Version(query), "Ask for the payroll figure.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(interviewer, query, "Answer", Version(query), "Payroll says 95.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(pi, query, "Close", Version(query))).StatusCode);

        var history = fixture.With(db => db.DataQueryEvents.Where(e => e.QueryId == query).OrderBy(e => e.Id)
            .Select(e => new { e.Step, e.StatusAfter, e.Text, e.ById }).ToList());
        var (piId, interviewerId) = fixture.With(db => (db.Users.Single(u => u.Email == AppFactory.PI).Id, db.Users.Single(u => u.Email == AppFactory.Interviewer).Id));
        Assert.Equal([DataQueryStep.Raise, DataQueryStep.Answer, DataQueryStep.Reopen, DataQueryStep.Answer, DataQueryStep.Close], history.Select(h => h.Step));
        Assert.Equal([piId, interviewerId, piId, interviewerId, piId], history.Select(h => h.ById));
        Assert.Equal(DataQueryStatus.Closed, history[^1].StatusAfter);
        var page = await pi.GetStringAsync($"/Interviews/Queries/Details?id={query}");
        Assert.Contains("Payroll says 95.", page);
        Assert.Contains("R&amp;D 120 of 100 staff? 请核实。", page);
        Assert.DoesNotContain("data-testid=\"query-form\"", page);   // done: no more steps
        Assert.DoesNotContain($"data-query-id=\"{query}\"", await interviewer.GetStringAsync("/Interviews/Queries"));
    }

    [Fact]
    public async Task A_value_verified_correct_resolves_the_query_and_a_second_query_on_the_same_finding_is_refused_while_one_is_open()
    {
        var interview = fixture.Submitted(DataQualityData.Clean(("A3", "150")));
        var (query, pi, _) = await RaisedAsync(interview);
        var again = await pi.PostFormAsync("/Reports/DataQuality?handler=Raise", new()
            { ["Input.InterviewId"] = interview.ToString(CultureInfo.InvariantCulture), ["Input.Key"] = "not-above|A3,A2", ["Input.Text"] = "again" },
            formPage: "/Reports/DataQuality");
        Assert.Contains("This finding already has an open query.", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, fixture.With(db => db.DataQueries.Count(q => q.InterviewId == interview)));

        Assert.Equal(HttpStatusCode.Redirect, (await Step(pi, query, "Verify", Version(query), "Checked with the firm: right.")).StatusCode);
        Assert.Equal(DataQueryStatus.VerifiedCorrect, fixture.With(db => db.DataQueries.Single(q => q.Id == query).Status));
    }

    [Fact]
    public async Task Approving_an_interview_with_an_unresolved_query_needs_the_confirmation_box()
    {
        var interview = fixture.Submitted(DataQualityData.Clean(("A3", "130")));
        var (_, pi, _) = await RaisedAsync(interview);
        var version = fixture.With(db => db.Interviews.Single(i => i.Id == interview).Version).ToString(CultureInfo.InvariantCulture);

        var refused = await pi.PostFormAsync($"/Interviews/Review?id={interview}&handler=Step&action=Approve", new() { ["Input.Version"] = version },
            formPage: $"/Interviews/Review?id={interview}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.ConfirmOpenQueries\"[^>]*>[^<]*This interview has 1 unresolved queries",
            await refused.Content.ReadAsStringAsync());
        Assert.Equal(InterviewStatus.Submitted, fixture.With(db => db.Interviews.Single(i => i.Id == interview).Status));

        var approved = await pi.PostFormAsync($"/Interviews/Review?id={interview}&handler=Step&action=Approve",
            new() { ["Input.Version"] = version, ["Input.ConfirmOpenQueries"] = "true" }, formPage: $"/Interviews/Review?id={interview}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(InterviewStatus.Approved, fixture.With(db => db.Interviews.Single(i => i.Id == interview).Status));
    }

    [Fact]
    public async Task Approving_without_queries_needs_no_confirmation()
    {
        var interview = fixture.Submitted(DataQualityData.Clean());
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var version = fixture.With(db => db.Interviews.Single(i => i.Id == interview).Version).ToString(CultureInfo.InvariantCulture);
        var approved = await pi.PostFormAsync($"/Interviews/Review?id={interview}&handler=Step&action=Approve", new() { ["Input.Version"] = version },
            formPage: $"/Interviews/Review?id={interview}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
    }

    [Fact]
    public void Every_data_quality_message_has_a_Chinese_translation()
    {
        var t = fixture.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var missing = DataQualityText.Keys.Where(key => t[key].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "No zh-Hans translation for: " + string.Join(" | ", missing));
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}

/// <summary>The 3 SD outlier check through the report and the capture page, on a study of its own (ten other interviews).</summary>
public sealed class DataQualityOutlierTests(DataQualityOutlierTests.Fixture fixture) : IClassFixture<DataQualityOutlierTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    // Hand-worked: five 10s and five 12s, mean 11, sample SD √(10/9) = 1.054, 3 SD = 3.16. 15 is 4 away (outlier), 14 is 3 (not).
    [Fact]
    public async Task A_number_more_than_3_SD_from_the_other_interviews_is_found_and_warned_about()
    {
        var ten = new[] { "10", "10", "10", "10", "10", "12", "12", "12", "12", "12" }
            .Select(d2 => fixture.Submitted(DataQualityData.Clean(("D2", d2)))).ToList();
        var outlier = fixture.Submitted(DataQualityData.Clean(("D2", "15")));
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var html = await pi.GetStringAsync("/Reports/DataQuality?Rule=outlier");
        Assert.Equal(["outlier"], DataQualityData.Rules(html, outlier));
        Assert.Contains("15 is more than 3 SD from the mean of the other interviews (11, SD 1.05, n = 10).", html);
        // Each of the ten is compared with the other ten, 15 among them: none is an outlier.
        Assert.All(ten, id => Assert.Empty(DataQualityData.Rules(html, id)));

        var draft = fixture.NewInterview(AppFactory.Interviewer);
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        // The capture page compares a draft with all eleven: mean 125/11 = 11.36, SD √((1445 − 125²/11)/10) = 1.567, 3 SD = 4.70.
        var within = await (await interviewer.SaveAnswerAsync(draft, "D2", "14", -1)).JsonAsync();
        Assert.Equal(0, within.GetProperty("warnings").GetArrayLength());
        var beyond = await (await interviewer.SaveAnswerAsync(draft, "D2", "40", within.GetProperty("version").GetInt32())).JsonAsync();
        Assert.Equal("40 is more than 3 SD from the mean of the other interviews (11.36, SD 1.57, n = 11).", beyond.GetProperty("warnings")[0].GetString());
    }
}

/// <summary>Park scope: a query on another park's interview is not there for a park-scoped interviewer.</summary>
public sealed class DataQualityParkScopeTests(DataQualityParkScopeTests.Fixture fixture) : IClassFixture<DataQualityParkScopeTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task A_park_scoped_interviewer_sees_queries_of_their_parks_interviews_only()
    {
        var inside = fixture.Submitted(DataQualityData.Clean(("A3", "120")));
        var outside = fixture.Submitted(DataQualityData.Clean(("A3", "120")), firm: "Yizhuang Kangda Pharmaceutical Co.");
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        foreach (var id in new[] { inside, outside })
        {
            var raised = await pi.PostFormAsync("/Reports/DataQuality?handler=Raise", new()
                { ["Input.InterviewId"] = id.ToString(CultureInfo.InvariantCulture), ["Input.Key"] = "not-above|A3,A2", ["Input.Text"] = "?" },
                formPage: "/Reports/DataQuality");
            Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        }
        var (insideQuery, outsideQuery) = fixture.With(db => (db.DataQueries.Single(q => q.InterviewId == inside).Id, db.DataQueries.Single(q => q.InterviewId == outside).Id));

        var zls = fixture.With(db => db.Parks.Single(p => p.Code == "ZLS").Id);
        var userId = fixture.With(db => db.Users.Single(u => u.Email == AppFactory.Interviewer).Id);
        var scoped = await pi.PostFormAsync($"/Admin/Users/Edit?id={userId}", new()
            { ["Input.DisplayName"] = AppFactory.Interviewer, ["Input.Roles"] = "Interviewer", ["Input.Parks"] = zls.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, scoped.StatusCode);

        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var list = await interviewer.GetStringAsync("/Interviews/Queries");
        Assert.Contains($"data-query-id=\"{insideQuery}\"", list);
        Assert.DoesNotContain($"data-query-id=\"{outsideQuery}\"", list);
        Assert.Equal(HttpStatusCode.NotFound, (await interviewer.GetAsync($"/Interviews/Queries/Details?id={outsideQuery}")).StatusCode);
        var answer = await interviewer.PostFormAsync($"/Interviews/Queries/Details?id={outsideQuery}",
            new() { ["step"] = "Answer", ["Input.Version"] = "0", ["Input.Text"] = "x" }, formPage: $"/Interviews/Queries/Details?id={insideQuery}");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal(DataQueryStatus.Open, fixture.With(db => db.DataQueries.Single(q => q.Id == outsideQuery).Status));
    }
}
