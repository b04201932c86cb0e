using System.Net;
using System.Text.Json.Nodes;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Interviews;

public sealed class GuideVersionTests(GuideVersionTests.Fixture fixture) : IClassFixture<GuideVersionTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task Publishing_a_changed_guide_creates_version_2_while_old_interviews_keep_their_own_questions()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var v1 = fixture.With(db => db.GuideVersions.Single(g => g.Number == 1));
        var oldInterview = fixture.With(db => db.Interviews.First(i => i.GuideVersionId == v1.Id).Id);

        // v2: A7 ("Why did the firm locate in this park?") removed, a new question A8 added.
        var guide = JsonNode.Parse(v1.DefinitionJson)!;
        var questions = guide["sections"]![0]!["questions"]!.AsArray();
        questions.Remove(questions.Single(q => (string?)q!["id"] == "A7"));
        questions.Add(JsonNode.Parse("""{"id":"A8","type":"text","textEn":"What is the firm's website?","textZh":"贵公司的网站是什么？"}"""));
        var response = await pi.PostFormAsync("/Admin/Guide/Edit", new() { ["Input.Json"] = guide.ToJsonString(), ["Input.BasedOnNumber"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var v2 = fixture.With(db => db.GuideVersions.Single(g => g.Number == 2));
        Assert.Contains($"/Admin/Guide/View?id={v2.Id}", await pi.GetStringAsync("/Admin/Guide"));

        var oldPage = await pi.GetStringAsync($"/Interviews/Capture?id={oldInterview}");
        Assert.Contains("data-question=\"A7\"", oldPage);
        Assert.DoesNotContain("data-question=\"A8\"", oldPage);
        Assert.Equal(v1.Id, fixture.With(db => db.Interviews.Single(i => i.Id == oldInterview).GuideVersionId));

        var interviewer = await fixture.SignedInAsync(AppFactory.Interviewer);
        var firmId = fixture.With(db => db.Firms.Single(f => f.NameEn == "Yanyuan Gene Technology Co.").Id);
        var start = await interviewer.PostFormAsync($"/Interviews/Start?firmId={firmId}", new());
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var created = fixture.With(db => db.Interviews.Where(i => i.FirmId == firmId).OrderByDescending(i => i.Id).First());
        Assert.Equal(v2.Id, created.GuideVersionId);
        fixture.With(db => { var i = db.Interviews.Single(x => x.Id == created.Id); i.ConsentGiven = true; return db.SaveChanges(); });
        var newPage = await interviewer.GetStringAsync($"/Interviews/Capture?id={created.Id}");
        Assert.Contains("data-question=\"A8\"", newPage);
        Assert.DoesNotContain("data-question=\"A7\"", newPage);
        Assert.Equal(HttpStatusCode.BadRequest, (await interviewer.SaveAnswerAsync(created.Id, "A7", "gone in v2", -1)).StatusCode);
    }

    [Theory]
    [InlineData("{\n  \"titleEn\": \"G\",\n  \"sections\": [ oops ]\n}", "line 3")]
    [InlineData("""{"titleEn":"G","titleZh":"提纲","sections":[{"id":"A","titleEn":"A","titleZh":"甲","questions":[{"id":"Q1","type":"partners","linkageType":"friendship","textEn":"a","textZh":"甲"}]}]}""", "friendship")]
    [InlineData("""{"titleEn":"G","titleZh":"提纲","sections":[{"id":"A","titleEn":"A","titleZh":"甲","questions":[{"id":"Q1","type":"single","textEn":"a","textZh":"甲"}]}]}""", "questions[0] (Q1)")]
    [InlineData("""{"titleEn":"G","titleZh":"提纲","sections":[{"id":"F","titleEn":"F","titleZh":"丙","questions":[{"id":"F1","type":"single","aboutPark":"XX","textEn":"a","textZh":"甲","options":[{"code":"partners","en":"P","zh":"伙"}]}]}]}""", "aboutPark \"XX\" is not a park code")]
    public async Task A_broken_guide_is_not_published_and_the_problem_is_named(string json, string expected)
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var latest = fixture.With(db => db.GuideVersions.Max(g => g.Number));
        var response = await pi.PostFormAsync("/Admin/Guide/Edit", new() { ["Input.Json"] = json, ["Input.BasedOnNumber"] = latest.ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(expected), await response.Content.ReadAsStringAsync());
        Assert.Equal(latest, fixture.With(db => db.GuideVersions.Max(g => g.Number)));
    }

    [Fact]
    public async Task The_guide_editor_and_the_version_page_show_which_park_each_relation_question_asks_about()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var edit = System.Net.WebUtility.HtmlDecode(await pi.GetStringAsync("/Admin/Guide/Edit"));
        Assert.Matches("data-testid=\"relation-questions\"[\\s\\S]*F1 → ZLS · F2 → YZ · F3 → DX", edit);
        var v1 = fixture.With(db => db.GuideVersions.Single(g => g.Number == 1).Id);
        var view = await pi.GetStringAsync($"/Admin/Guide/View?id={v1}");
        Assert.Matches("data-testid=\"about-park-F2\">about park YZ<", view);
    }
}
