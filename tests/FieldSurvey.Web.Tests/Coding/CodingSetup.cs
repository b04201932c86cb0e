using System.Net.Http.Json;
using System.Text.Json;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Coding;

/// <summary>Seeds transcripts with assignments and talks to the annotator's JSON handlers as a browser would.</summary>
public static class CodingSetup
{
    /// <summary>A new interview of a demo firm with <paramref name="text"/> as transcript, assigned to <paramref name="coders"/>.</summary>
    public static Task<int> TranscriptAsync(this AppFactory app, string text, params string[] coders) => app.WithAsync(async db =>
    {
        var firm = await db.Firms.OrderBy(f => f.Id).Skip(3).FirstAsync();
        var interviewer = await db.Users.SingleAsync(u => u.Email == AppFactory.Interviewer);
        var interview = new Interview
        {
            FirmId = firm.Id, GuideVersionId = (await db.GuideVersions.FirstAsync()).Id, InterviewerId = interviewer.Id,
            InterviewDate = new DateOnly(2026, 3, 2), Status = InterviewStatus.Approved, CreatedAtUtc = TestClock.Start,
        };
        db.Interviews.Add(interview);
        await db.SaveChangesAsync();
        var transcript = new Transcript { InterviewId = interview.Id, Text = TranscriptText.Normalize(text), UpdatedAtUtc = TestClock.Start };
        db.Transcripts.Add(transcript);
        await db.SaveChangesAsync();
        foreach (var email in coders)
            db.CodingAssignments.Add(new CodingAssignment
            {
                TranscriptId = transcript.Id, CoderId = (await db.Users.SingleAsync(u => u.Email == email)).Id, AssignedAtUtc = TestClock.Start,
            });
        await db.SaveChangesAsync();
        return transcript.Id;
    });

    public static int Term(this AppFactory app, TermKind kind, string code) =>
        app.With(db => db.Terms.Single(t => t.Kind == kind && t.Code == code).Id);

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, int transcriptId, string handler, object body)
    {
        var page = await client.GetStringAsync($"/Coding/Annotate?transcriptId={transcriptId}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Coding/Annotate?handler={handler}&transcriptId={transcriptId}")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("X-CSRF-TOKEN", HttpClientForms.Token(page));
        return await client.SendAsync(request);
    }

    /// <summary>Codes the first occurrence of <paramref name="quote"/> as a research linkage; returns the new segment's id.</summary>
    public static async Task<int> CodeAsync(this HttpClient client, AppFactory app, int transcriptId, string quote, string? memo = null, string? partner = null)
    {
        var text = app.With(db => db.Transcripts.Single(t => t.Id == transcriptId).Text);
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        var response = await client.PostJsonAsync(transcriptId, "Save", new
        {
            id = (int?)null, version = 0, start, end = start + quote.Length, quote,
            typeId = app.Term(TermKind.LinkageType, "research"), natureId = app.Term(TermKind.Nature, "collaborative"),
            memo, partnerName = partner,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement> DataAsync(this HttpClient client, int transcriptId)
    {
        var response = await client.GetAsync($"/Coding/Annotate?handler=Data&transcriptId={transcriptId}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task CompleteAsync(this HttpClient client, int transcriptId)
    {
        var response = await client.PostFormAsync($"/Coding/Annotate?handler=Complete&transcriptId={transcriptId}&complete=true", new(),
            formPage: $"/Coding/Annotate?transcriptId={transcriptId}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }
}
