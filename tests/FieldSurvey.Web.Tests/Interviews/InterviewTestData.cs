using System.Net.Http.Json;
using System.Text.Json;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Interviews;

/// <summary>Seeds interviews and posts the capture page's JSON saves the way capture.js does.</summary>
public static class InterviewTestData
{
    public static int NewInterview(this AppFactory app, string interviewerEmail, bool consent = true,
        InterviewStatus status = InterviewStatus.Draft, string firm = "Yanyuan Gene Technology Co.") => app.With(db =>
    {
        var interview = new Interview
        {
            FirmId = db.Firms.Single(f => f.NameEn == firm).Id,
            GuideVersionId = db.GuideVersions.OrderByDescending(g => g.Number).First().Id,
            InterviewerId = db.Users.Single(u => u.Email == interviewerEmail).Id,
            InterviewDate = new DateOnly(2026, 11, 25), Status = status, ConsentGiven = consent,
            RespondentName = consent ? "赵敏" : null, CreatedAtUtc = TestClock.Start,
        };
        db.Interviews.Add(interview);
        db.SaveChanges();
        return interview.Id;
    });

    public static async Task<string> AddInterviewerAsync(this AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Second interviewer 第二访谈员", TimeZoneId = "Asia/Shanghai" };
            var result = await users.CreateAsync(user, AppFactory.Password);
            Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, "Interviewer");
        }
        return email;
    }

    public static async Task<HttpResponseMessage> SaveAnswerAsync(this HttpClient client, int interviewId, string questionId, string? value,
        int version, string? blankReason = null)
    {
        var token = HttpClientForms.Token(await client.GetStringAsync("/Interviews")) ?? throw new InvalidOperationException("no token");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Interviews/Capture?id={interviewId}&handler=Answer")
        {
            Content = JsonContent.Create(new { questionId, value, blankReason, version }),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
