using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Home;

/// <summary>
/// Builds a small study of its own on a fresh install (no demo data), so every figure a home-page test
/// reads was put there by the test and can be worked out by hand.
/// </summary>
public static class HomeSeed
{
    /// <summary>The app's own clock (the test host's fixed clock once it has one), never the wall clock.</summary>
    public static DateTimeOffset Now(this AppFactory app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public static async Task<string> UserAsync(this AppFactory app, string email, string zone, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], TimeZoneId = zone };
        var result = await users.CreateAsync(user, AppFactory.Password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
        return user.Id;
    }

    public static int Firm(this FieldSurveyDbContext db, string park, string nameEn, string? interviewerId, FirmStatus status = FirmStatus.Active)
    {
        var firm = new Firm
        {
            NameZh = nameEn + "公司", NameEn = nameEn, ParkId = db.Parks.Single(p => p.Code == park).Id,
            AssignedInterviewerId = interviewerId, Status = status,
        };
        db.Firms.Add(firm);
        db.SaveChanges();
        return firm.Id;
    }

    public static void Call(this FieldSurveyDbContext db, int firmId, string interviewerId, DateTimeOffset at, string disposition, DateTimeOffset? callback = null)
    {
        db.CallAttempts.Add(new CallAttempt { FirmId = firmId, InterviewerId = interviewerId, AtUtc = at, Disposition = disposition, CallbackAtUtc = callback });
        db.SaveChanges();
    }

    public static int Interview(this FieldSurveyDbContext db, int firmId, string interviewerId, InterviewStatus status, string? comment = null)
    {
        var interview = new Interview
        {
            FirmId = firmId, GuideVersionId = db.GuideVersions.OrderBy(g => g.Number).First().Id, InterviewerId = interviewerId,
            InterviewDate = new DateOnly(2026, 11, 20), Status = status, ReviewerComment = comment,
        };
        db.Interviews.Add(interview);
        db.SaveChanges();
        return interview.Id;
    }

    public static int Transcript(this FieldSurveyDbContext db, int interviewId)
    {
        var transcript = new Transcript { InterviewId = interviewId, Text = TranscriptText.Normalize(new string('x', 60) + "\n访谈记录。") };
        db.Transcripts.Add(transcript);
        db.SaveChanges();
        return transcript.Id;
    }

    public static void Assign(this FieldSurveyDbContext db, int transcriptId, string coderId, bool complete, DateTimeOffset at)
    {
        db.CodingAssignments.Add(new CodingAssignment { TranscriptId = transcriptId, CoderId = coderId, AssignedAtUtc = at, CompletedAtUtc = complete ? at : null });
        db.SaveChanges();
    }

    /// <summary>A coded passage [start, start+10) with a linkage type (and nothing else coded).</summary>
    public static void Segment(this FieldSurveyDbContext db, int transcriptId, string? coderId, int start, string linkageType,
        bool consensus = false, AnchorState anchor = AnchorState.Anchored)
    {
        db.Segments.Add(new Segment
        {
            TranscriptId = transcriptId, CoderId = coderId, IsConsensus = consensus, Start = start, End = start + 10, Quote = new string('x', 10),
            LinkageTypeId = db.Terms.Single(t => t.Kind == TermKind.LinkageType && t.Code == linkageType).Id, Anchor = anchor,
        });
        db.SaveChanges();
    }

    public static async Task<string> HtmlAsync(this HttpClient client, string url) =>
        System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(url));
}
