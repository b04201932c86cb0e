using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FieldSurvey.Core.Coding;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Coding;

/// <summary>Memos on a passage, written from the annotator's memo card (Coding/Memos/Passage) and shown on the memo list.</summary>
public sealed class PassageMemoTests(PassageMemoTests.Fixture app) : IClassFixture<PassageMemoTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static async Task<HttpResponseMessage> PostMemoAsync(HttpClient client, int transcriptId, object body)
    {
        var page = await client.GetStringAsync($"/Coding/Annotate?transcriptId={transcriptId}");
        var request = new HttpRequestMessage(HttpMethod.Post, "/Coding/Memos/Passage") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", HttpClientForms.Token(page));
        return await client.SendAsync(request);
    }

    static async Task<JsonElement> MemosAsync(HttpClient client, int segmentId)
    {
        var response = await client.GetAsync($"/Coding/Memos/Passage?segmentId={segmentId}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("memos").Clone();
    }

    [Fact]
    public async Task A_coder_writes_a_memo_on_a_passage_with_author_and_clock_time_it_is_linked_and_listed_on_the_memo_page()
    {
        var transcript = await app.TranscriptAsync("受访者：我们和北京大学一起做抗体研究。", AppFactory.Coder1);
        var coder = await app.SignedInAsync(AppFactory.Coder1);
        var segment = await coder.CodeAsync(app, transcript, "和北京大学一起做抗体研究");
        var written = app.Clock.GetUtcNow();

        var response = await PostMemoAsync(coder, transcript, new { segmentId = segment, id = (int?)null, version = 0, title = "Antibody passage pm-1", text = "Joint work with PKU, 联合研究.", shared = false });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var memo = app.With(db => db.Memos.Single(m => m.Title == "Antibody passage pm-1"));
        Assert.Equal(MemoTarget.Passage, memo.Target);
        Assert.Equal(app.With(db => db.Users.Single(u => u.Email == AppFactory.Coder1).Id), memo.AuthorId);
        Assert.InRange(memo.CreatedAtUtc, written, written.AddSeconds(5));
        Assert.Equal(segment, app.With(db => db.MemoLinks.Single(l => l.MemoId == memo.Id).SegmentId));
        var listed = await MemosAsync(coder, segment);
        Assert.Equal("Antibody passage pm-1", Assert.Single(listed.EnumerateArray()).GetProperty("title").GetString());

        var list = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding/Memos?Kind=Passage"));
        Assert.Contains("Antibody passage pm-1", list);
        Assert.Contains("和北京大学一起做抗体研究", list);   // the passage it is about
    }

    [Fact]
    public async Task A_stale_edit_is_refused_an_empty_title_is_refused_and_another_coder_reaches_neither_the_passage_nor_the_memo()
    {
        var transcript = await app.TranscriptAsync("受访者：我们的供应商都在亦庄。", AppFactory.Coder1);
        var coder = await app.SignedInAsync(AppFactory.Coder1);
        var segment = await coder.CodeAsync(app, transcript, "我们的供应商都在亦庄");
        Assert.True((await PostMemoAsync(coder, transcript, new { segmentId = segment, id = (int?)null, version = 0, title = "Suppliers pm-2", text = "First.", shared = true })).IsSuccessStatusCode);
        var memo = app.With(db => db.Memos.Single(m => m.Title == "Suppliers pm-2"));
        Assert.True((await PostMemoAsync(coder, transcript, new { segmentId = segment, id = memo.Id, version = memo.Version, title = "Suppliers pm-2", text = "Second.", shared = true })).IsSuccessStatusCode);

        var stale = await PostMemoAsync(coder, transcript, new { segmentId = segment, id = memo.Id, version = memo.Version, title = "Suppliers pm-2", text = "Stale.", shared = true });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this memo", await stale.Content.ReadAsStringAsync());
        var untitled = await PostMemoAsync(coder, transcript, new { segmentId = segment, id = (int?)null, version = 0, title = " ", text = "No title.", shared = false });
        Assert.Equal(HttpStatusCode.BadRequest, untitled.StatusCode);
        Assert.Equal("Second.", app.With(db => db.Memos.Single(m => m.Id == memo.Id).Text));
        Assert.Equal(1, app.With(db => db.MemoLinks.Count(l => l.SegmentId == segment)));

        // Coder 2 is not assigned: the passage (blind coding) is not there for them, even though the memo is shared.
        var other = await app.SignedInAsync(AppFactory.Coder2);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Coding/Memos/Passage?segmentId={segment}")).StatusCode);
        Assert.DoesNotContain("我们的供应商都在亦庄", WebUtility.HtmlDecode(await other.GetStringAsync("/Coding/Memos")));
    }
}
