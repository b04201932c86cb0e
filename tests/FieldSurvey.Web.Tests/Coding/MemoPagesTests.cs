using System.Net;
using FieldSurvey.Core.Coding;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Coding;

/// <summary>The memo pages: write, list, search, filter; who reads which memo; stale and foreign edits refused.</summary>
public sealed class MemoPagesTests(MemoPagesTests.Fixture app) : IClassFixture<MemoPagesTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static Dictionary<string, string> Form(string title, string text, string about, bool shared = false, int? id = null, int version = 0) => new()
    {
        ["Input.Title"] = title, ["Input.Text"] = text, ["Input.About"] = about, ["Input.Shared"] = shared ? "true" : "false",
        ["Input.Id"] = id?.ToString() ?? "", ["Input.Version"] = version.ToString(),
    };

    static Task<HttpResponseMessage> WriteAsync(HttpClient client, Dictionary<string, string> form) =>
        client.PostFormAsync("/Coding/Memos/Edit", form, formPage: "/Coding/Memos/Edit" + (form["Input.Id"] is { Length: > 0 } id ? "?id=" + id : ""));

    Memo Stored(string title) => app.With(db => db.Memos.Single(m => m.Title == title));

    [Fact]
    public async Task A_coder_writes_a_transcript_memo_with_author_and_clock_time_the_PI_reads_it_and_the_other_coder_only_once_it_is_shared()
    {
        var transcript = await app.TranscriptAsync("受访者：园区的人才政策很好。", AppFactory.Coder1);
        var coder = await app.SignedInAsync(AppFactory.Coder1);
        var written = app.Clock.GetUtcNow();
        var response = await WriteAsync(coder, Form("Talent policy memo-x1", "人才政策 comes up in every Zhongguancun interview.", $"Transcript:{transcript}"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var memo = Stored("Talent policy memo-x1");
        Assert.Equal(MemoTarget.Transcript, memo.Target);
        Assert.Equal(transcript, memo.TranscriptId);
        Assert.Equal(app.With(db => db.Users.Single(u => u.Email == AppFactory.Coder1).Id), memo.AuthorId);
        Assert.InRange(memo.CreatedAtUtc, written, written.AddSeconds(5));   // the injected clock, not the machine's

        var pi = await app.SignedInAsync(AppFactory.PI);
        var other = await app.SignedInAsync(AppFactory.Coder2);
        Assert.Contains("Talent policy memo-x1", await pi.GetStringAsync("/Coding/Memos?Q=" + Uri.EscapeDataString("人才政策")));
        Assert.DoesNotContain("Talent policy memo-x1", await pi.GetStringAsync("/Coding/Memos?Q=nothing-like-it"));
        Assert.DoesNotContain("Talent policy memo-x1", await pi.GetStringAsync("/Coding/Memos?Kind=Firm"));
        Assert.Contains("Talent policy memo-x1", await pi.GetStringAsync("/Coding/Memos?Kind=Transcript"));
        Assert.DoesNotContain("Talent policy memo-x1", await other.GetStringAsync("/Coding/Memos"));
        Assert.Equal(HttpStatusCode.NotFound, (await pi.GetAsync($"/Coding/Memos/Edit?id={memo.Id}")).StatusCode);   // reads, never edits another's

        var shared = await WriteAsync(coder, Form("Talent policy memo-x1", memo.Text, $"Transcript:{transcript}", shared: true, memo.Id, memo.Version));
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        Assert.Contains("Talent policy memo-x1", await other.GetStringAsync("/Coding/Memos"));
    }

    [Fact]
    public async Task An_empty_title_or_a_transcript_the_coder_is_not_assigned_is_refused_at_the_field_and_nothing_is_saved()
    {
        var notMine = await app.TranscriptAsync("受访者：我们不在这个编码员的名单上。", AppFactory.Coder2);
        var coder = await app.SignedInAsync(AppFactory.Coder1);
        var before = app.With(db => db.Memos.Count());

        var untitled = await WriteAsync(coder, Form("  ", "Some text.", "Project"));
        Assert.Equal(HttpStatusCode.OK, untitled.StatusCode);
        Assert.Contains("Give the memo a title.", WebUtility.HtmlDecode(await untitled.Content.ReadAsStringAsync()));
        var forged = await WriteAsync(coder, Form("Forged target memo", "Text.", $"Transcript:{notMine}"));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Choose what the memo is about from the list.", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        Assert.Equal(before, app.With(db => db.Memos.Count()));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_keeps_the_newer_text_and_another_coder_cannot_edit_the_memo()
    {
        var coder = await app.SignedInAsync(AppFactory.Coder1);
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(coder, Form("Project memo-s1", "First draft.", "Project"))).StatusCode);
        var memo = Stored("Project memo-s1");
        Assert.Equal(MemoTarget.Project, memo.Target);
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(coder, Form("Project memo-s1", "Second draft.", "Project", id: memo.Id, version: memo.Version))).StatusCode);

        var stale = await WriteAsync(coder, Form("Project memo-s1", "Stale draft.", "Project", id: memo.Id, version: memo.Version));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this memo", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal("Second draft.", Stored("Project memo-s1").Text);

        var other = await app.SignedInAsync(AppFactory.Coder2);
        var foreign = await other.PostFormAsync("/Coding/Memos/Edit", Form("Project memo-s1", "Hijacked.", "Project", id: memo.Id, version: memo.Version + 1),
            formPage: "/Coding/Memos/Edit");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("Second draft.", Stored("Project memo-s1").Text);
    }
}
