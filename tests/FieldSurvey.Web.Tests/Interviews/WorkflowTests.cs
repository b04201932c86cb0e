using System.Net;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Interviews;

public sealed class WorkflowTests(WorkflowTests.Fixture fixture) : IClassFixture<WorkflowTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    InterviewStatus Status(int id) => fixture.With(db => db.Interviews.Single(i => i.Id == id).Status);
    int Version(int id) => fixture.With(db => db.Interviews.Single(i => i.Id == id).Version);

    async Task AnswerRequiredAsync(HttpClient client, int id)
    {
        foreach (var (q, v) in new[] { ("A1", "2015"), ("A2", "60"), ("A4", "private"), ("A5", "biopharma"), ("A6", "[\"rd\"]"), ("G1", "no") })
            Assert.Equal(HttpStatusCode.OK, (await client.SaveAnswerAsync(id, q, v, -1)).StatusCode);
    }

    Task<HttpResponseMessage> StepAsync(HttpClient pi, int id, string action, int version, string? comment = null) =>
        pi.PostFormAsync($"/Interviews/Review?id={id}&handler=Step&action={action}",
            new() { ["Input.Version"] = version.ToString(), ["Input.Comment"] = comment ?? "" }, formPage: $"/Interviews/Review?id={id}");

    [Fact]
    public async Task Submit_return_resubmit_approve_and_lock_and_a_submitted_interview_is_read_only_to_its_interviewer()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var pi = await fixture.SignedInAsync(AppFactory.PI);

        // Required questions unanswered: not submitted.
        await interviewer.PostFormAsync($"/Interviews/Capture?id={id}&handler=Submit", new() { ["version"] = Version(id).ToString() }, $"/Interviews/Capture?id={id}");
        Assert.Equal(InterviewStatus.Draft, Status(id));

        await AnswerRequiredAsync(interviewer, id);
        await interviewer.PostFormAsync($"/Interviews/Capture?id={id}&handler=Submit", new() { ["version"] = Version(id).ToString() }, $"/Interviews/Capture?id={id}");
        Assert.Equal(InterviewStatus.Submitted, Status(id));

        Assert.Equal(HttpStatusCode.Forbidden, (await interviewer.SaveAnswerAsync(id, "A7", "too late", -1)).StatusCode);
        Assert.Contains("data-testid=\"read-only\"", await interviewer.GetStringAsync($"/Interviews/Capture?id={id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await interviewer.GetAsync($"/Interviews/Review?id={id}")).StatusCode); // PI only

        // Returning needs a comment; with one, the interviewer edits again.
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(pi, id, "Return", Version(id))).StatusCode);
        Assert.Equal(InterviewStatus.Submitted, Status(id));
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(pi, id, "Return", Version(id), "A2: 请核实员工总数 check the head count")).StatusCode);
        Assert.Equal(InterviewStatus.Returned, Status(id));
        Assert.Contains("请核实员工总数", WebUtility.HtmlDecode(await interviewer.GetStringAsync($"/Interviews/Capture?id={id}")));
        var a2 = fixture.With(db => db.Answers.Single(a => a.InterviewId == id && a.QuestionId == "A2").Version);
        Assert.Equal(HttpStatusCode.OK, (await interviewer.SaveAnswerAsync(id, "A2", "65", a2)).StatusCode);
        await interviewer.PostFormAsync($"/Interviews/Capture?id={id}&handler=Submit", new() { ["version"] = Version(id).ToString() }, $"/Interviews/Capture?id={id}");
        Assert.Equal(InterviewStatus.Submitted, Status(id));

        // A stale step is refused; then approve and lock.
        var stale = Version(id) - 1;
        await StepAsync(pi, id, "Approve", stale);
        Assert.Equal(InterviewStatus.Submitted, Status(id));
        await StepAsync(pi, id, "Approve", Version(id));
        Assert.Equal(InterviewStatus.Approved, Status(id));
        await StepAsync(pi, id, "Lock", Version(id));
        Assert.Equal(InterviewStatus.Locked, Status(id));
        Assert.Equal(HttpStatusCode.Forbidden, (await pi.SaveAnswerAsync(id, "A7", "even a PI cannot", -1)).StatusCode);
        Assert.True(fixture.With(db => db.AuditEntries.Any(e => e.Entity == "Interview" && e.EntityId == id.ToString() && e.Action == "Modified")));
    }

    [Theory]
    [InlineData("en", "Not submitted. Fix these first:", "An answer is required, or record why it is blank")]
    [InlineData("zh-CN", "未提交。请先处理以下问题：", "此题必")]
    public async Task A_refused_submit_is_an_error_that_marks_and_links_each_missing_required_question(string language, string heading, string required)
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        interviewer.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
        foreach (var (q, v) in new[] { ("A1", "2015"), ("A2", "60"), ("A5", "biopharma") })
            Assert.Equal(HttpStatusCode.OK, (await interviewer.SaveAnswerAsync(id, q, v, -1)).StatusCode);

        var refused = await interviewer.PostFormAsync($"/Interviews/Capture?id={id}&handler=Submit", new() { ["version"] = Version(id).ToString() }, $"/Interviews/Capture?id={id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);   // the page again, marked, not a redirect to a green message
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(InterviewStatus.Draft, Status(id));
        Assert.Contains("class=\"alert alert-danger\" role=\"alert\" data-testid=\"submit-problems\"", html);
        Assert.DoesNotContain("alert-success", html);
        Assert.Contains(heading, html);
        string[] missing = ["A4", "A6", "G1"];
        var links = System.Text.RegularExpressions.Regex.Matches(html, "href=\"#q-([A-Z][0-9]+)\" data-testid=\"submit-problem-link\"").Select(m => m.Groups[1].Value);
        Assert.Equal(missing, links);
        foreach (var q in missing)
        {
            Assert.Matches($"class=\"fs-question card card-body mb-3 border-danger border-2\" id=\"q-{q}\" aria-invalid=\"true\"", html);
            Assert.Matches($"data-testid=\"problems-{q}\" aria-live=\"polite\">{required}", html);
        }
        Assert.Matches("class=\"fs-question card card-body mb-3 \" id=\"q-A1\" data-question", html);
        Assert.Contains("data-testid=\"problems-A1\" aria-live=\"polite\"></div>", html);
    }

    [Fact]
    public async Task A_PI_comments_on_a_question_even_when_it_is_unanswered()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer, status: InterviewStatus.Submitted);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var response = await pi.PostFormAsync($"/Interviews/Review?id={id}&handler=Comment",
            new() { ["questionId"] = "B2", ["comment"] = "请补充研发比例", ["answerVersion"] = "0" }, $"/Interviews/Review?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("请补充研发比例", fixture.With(db => db.Answers.Single(a => a.InterviewId == id && a.QuestionId == "B2").ReviewComment));
    }
}
