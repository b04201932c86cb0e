using System.Net;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Security;

/// <summary>Issue 17, item 2: "mark complete, read the other coder's segments, reopen, edit" is refused.</summary>
public sealed class BlindCodingTests(BlindCodingTests.Fixture fixture) : IClassFixture<BlindCodingTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task A_coder_who_has_seen_the_other_coding_cannot_reopen_or_change_theirs_until_a_PI_reopens_it_and_blinds_it_again()
    {
        var id = await fixture.TranscriptAsync("研发合作：与北京大学共建实验室。供应商在亦庄。", AppFactory.Coder1, AppFactory.Coder2);
        var one = await fixture.SignedInAsync(AppFactory.Coder1);
        var two = await fixture.SignedInAsync(AppFactory.Coder2);
        var mine = await one.CodeAsync(fixture, id, "与北京大学共建实验室");
        var theirs = await two.CodeAsync(fixture, id, "供应商在亦庄");
        await one.CompleteAsync(id);
        await two.CompleteAsync(id);
        Assert.Equal(2, (await one.DataAsync(id)).GetProperty("segments").GetArrayLength());   // revealed

        // The attack: reopen, then change the coding now that the other one is known.
        var reopen = await one.PostFormAsync($"/Coding/Annotate?handler=Complete&transcriptId={id}&complete=false", new(),
            formPage: $"/Coding/Annotate?transcriptId={id}");
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        Assert.Contains("only a PI can reopen", await one.GetStringAsync($"/Coding/Annotate?transcriptId={id}"));
        Assert.True(Completed(id, AppFactory.Coder1), "the coding stays complete");
        var quote = "供应商在亦庄";
        var text = fixture.With(db => db.Transcripts.Single(t => t.Id == id).Text);
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        var copy = await one.PostJsonAsync(id, "Save", new
        {
            id = (int?)null, version = 0, start, end = start + quote.Length, quote,
            typeId = fixture.Term(Core.Study.TermKind.LinkageType, "research"),
        });
        Assert.Equal(HttpStatusCode.Conflict, copy.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await one.PostJsonAsync(id, "Delete", new { id = mine })).StatusCode);
        Assert.Equal(1, fixture.With(db => db.Segments.Count(s => s.TranscriptId == id && s.DeletedAtUtc == null && s.CoderId == db.Users.Single(u => u.Email == AppFactory.Coder1).Id)));

        // A PI reopens it for coder 1: audited, and the other coding is hidden from coder 1 again.
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var assignment = fixture.With(db => db.CodingAssignments.Single(a => a.TranscriptId == id && a.CoderId == db.Users.Single(u => u.Email == AppFactory.Coder1).Id).Id);
        var byPi = await pi.PostFormAsync($"/Admin/CodingAssignments?handler=Reopen&assignmentId={assignment}", new(), formPage: "/Admin/CodingAssignments");
        Assert.Equal(HttpStatusCode.Redirect, byPi.StatusCode);
        Assert.False(Completed(id, AppFactory.Coder1));
        var audit = fixture.With(db => db.AuditEntries.Where(a => a.Entity == "CodingAssignment" && a.EntityId == assignment.ToString()).OrderBy(a => a.Id).ToList().Last());
        Assert.Equal((AppFactory.PI, "Coding reopened for its coder by a PI"), (audit.UserName, audit.Reason));
        var seen = (await one.DataAsync(id)).GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToList();
        Assert.Equal([mine], seen);
        Assert.DoesNotContain(theirs, seen);
        Assert.True((await one.DataAsync(id)).GetProperty("canEdit").GetBoolean());
    }

    bool Completed(int transcriptId, string email) => fixture.With(db => db.CodingAssignments
        .Any(a => a.TranscriptId == transcriptId && a.CompletedAtUtc != null && a.CoderId == db.Users.Single(u => u.Email == email).Id));
}
