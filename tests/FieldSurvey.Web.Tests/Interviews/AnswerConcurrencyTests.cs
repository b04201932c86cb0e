using System.Net;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Interviews;

public sealed class AnswerConcurrencyTests(AnswerConcurrencyTests.Fixture fixture) : IClassFixture<AnswerConcurrencyTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task A_second_save_from_an_old_version_is_refused_with_the_reason_and_the_first_value_stays()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var first = await interviewer.SaveAnswerAsync(id, "A7", "靠近医院 near the hospitals", version: -1);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var loaded = (await first.JsonAsync()).GetProperty("version").GetInt32();

        // Both have version `loaded` on screen; the interviewer saves first, the PI second.
        Assert.Equal(HttpStatusCode.OK, (await interviewer.SaveAnswerAsync(id, "A7", "靠近北京大学", loaded)).StatusCode);
        var second = await pi.SaveAnswerAsync(id, "A7", "Rent was cheaper", loaded);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var body = await second.JsonAsync();
        Assert.Contains("Someone else changed this answer", body.GetProperty("message").GetString());
        Assert.Equal("靠近北京大学", body.GetProperty("theirs").GetProperty("value").GetString());
        Assert.Equal("靠近北京大学", fixture.With(db => db.Answers.Single(a => a.InterviewId == id && a.QuestionId == "A7").Value));
    }

    [Fact]
    public async Task Resending_the_value_already_stored_is_not_a_conflict()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAnswerAsync(id, "A1", "2009", -1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAnswerAsync(id, "A1", "2009", -1)).StatusCode); // a retry whose reply was lost
    }

    [Fact]
    public async Task Answers_are_refused_until_consent_is_recorded()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer, consent: false);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var response = await client.SaveAnswerAsync(id, "A1", "2009", -1);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("consent", (await response.JsonAsync()).GetProperty("message").GetString());
        Assert.False(fixture.With(db => db.Answers.Any(a => a.InterviewId == id)));
        Assert.DoesNotContain("data-question=", await client.GetStringAsync($"/Interviews/Capture?id={id}"));

        var consent = await client.PostFormAsync($"/Interviews/Capture?id={id}&handler=Consent", new()
        {
            ["Input.ConsentGiven"] = "true", ["Input.RespondentName"] = "赵敏", ["Input.RespondentTitle"] = "CEO", ["Input.Version"] = "0",
        }, formPage: $"/Interviews/Capture?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAnswerAsync(id, "A1", "2009", -1)).StatusCode);
    }

    [Fact]
    public async Task A_save_reports_the_problems_of_the_answer_at_the_field()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var response = await client.SaveAnswerAsync(id, "C3", """{"ZLS":50,"BJ":40}""", -1);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // kept, so nothing typed is lost
        Assert.Equal("Adds up to 90, must be 100.", (await response.JsonAsync()).GetProperty("problems")[0].GetString());
    }

    [Fact]
    public async Task A_required_question_may_stay_blank_with_a_reason()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var blank = await client.SaveAnswerAsync(id, "A2", null, -1);
        Assert.Contains("required", (await blank.JsonAsync()).GetProperty("problems")[0].GetString());
        var version = (await blank.JsonAsync()).GetProperty("version").GetInt32();
        var refused = await client.SaveAnswerAsync(id, "A2", null, version, blankReason: "Refused");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, (await refused.JsonAsync()).GetProperty("problems").GetArrayLength());
        Assert.Equal(BlankReason.Refused, fixture.With(db => db.Answers.Single(a => a.InterviewId == id && a.QuestionId == "A2").BlankReason));
    }

    [Fact]
    public async Task Another_interviewer_can_neither_open_nor_save_an_interview_by_its_id()
    {
        var id = fixture.NewInterview(AppFactory.Interviewer);
        var other = await fixture.SignedInAsync(await fixture.AddInterviewerAsync("interviewer2@example.org"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Interviews/Capture?id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Interviews/Transcript?id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SaveAnswerAsync(id, "A1", "1999", -1)).StatusCode);
        Assert.False(fixture.With(db => db.Answers.Any(a => a.InterviewId == id)));
    }
}
