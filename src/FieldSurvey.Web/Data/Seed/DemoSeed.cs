using System.Globalization;
using System.Text.Json;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data.Seed;

/// <summary>
/// Demo mode only: the four demo accounts and the small data set of <c>seed/demo/</c> (a dozen firms,
/// a few calls, two interviews with bilingual transcripts, coded segments from two coders).
/// Loaded once, into a database without firms.
/// </summary>
public static class DemoSeed
{
    public static readonly (string Email, string Name, string[] Roles, string Zone)[] Accounts =
    [
        ("pi@example.org", "Demo PI", [Roles.PI], "America/Toronto"),
        ("interviewer@example.org", "Demo Interviewer 访谈员", [Roles.Interviewer], "Asia/Shanghai"),
        ("coder1@example.org", "Demo Coder 1 编码员一", [Roles.Coder], "Asia/Shanghai"),
        ("coder2@example.org", "Demo Coder 2 编码员二", [Roles.Coder], "America/Toronto"),
    ];

    public static async Task LoadAsync(FieldSurveyDbContext db, UserManager<AppUser> users, SeedFiles files,
        string password, ILogger logger, DateTimeOffset now)
    {
        var ids = new Dictionary<string, string>();
        foreach (var (email, name, roles, zone) in Accounts)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, TimeZoneId = zone, CreatedAtUtc = now };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                await users.AddToRolesAsync(user, roles);
                logger.LogInformation("Demo account {Email} ({Roles}), password {Password}", email, string.Join(", ", roles), password);
            }
            ids[email] = user.Id;
        }

        if (await db.Firms.AnyAsync() || !files.Exists("demo/firms.csv")) return;

        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, p => p.Id);
        var terms = await db.Terms.ToListAsync();
        int? Term(TermKind kind, string? code) => code is null ? null : terms.Single(t => t.Kind == kind && t.Code == code).Id;

        var firms = files.Csv("demo/firms.csv").Select(r => new Firm
        {
            NameZh = r["name_zh"], NameEn = r.Opt("name_en"), ParkId = parks[r["park"]], Address = r.Opt("address"),
            Subsector = r.Opt("subsector"), FoundedYear = r.Opt("founded") is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : null,
            SizeBand = r.Opt("size_band"), Website = r.Opt("website"),
            AssignedInterviewerId = r.Opt("assigned_to") is { } a ? ids[a] : null,
            Contacts = r.Opt("contact_name") is { } c
                ? [new Contact { Name = c, Title = r.Opt("contact_title"), Phones = r.Opt("phone") is { } p ? [p] : [], Email = r.Opt("email") }]
                : [],
        }).ToList();
        db.Firms.AddRange(firms);
        await db.SaveChangesAsync();
        var firmByName = firms.ToDictionary(f => f.NameEn!);

        foreach (var r in files.Csv("demo/calls.csv"))
            db.CallAttempts.Add(new CallAttempt
            {
                FirmId = firmByName[r["firm"]].Id, InterviewerId = ids[r["interviewer"]],
                AtUtc = DateTimeOffset.Parse(r["at_utc"], CultureInfo.InvariantCulture), NumberDialled = r.Opt("number"),
                Disposition = r["disposition"], Note = r.Opt("note"),
                CallbackAtUtc = r.Opt("callback_at_utc") is { } cb ? DateTimeOffset.Parse(cb, CultureInfo.InvariantCulture) : null,
            });

        var guide = await db.GuideVersions.OrderBy(g => g.Number).FirstAsync();
        var transcripts = new Dictionary<string, Transcript>();
        using var doc = JsonDocument.Parse(files.Text("demo/interviews.json"));
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var firm = firmByName[e.GetProperty("firm").GetString()!];
            var date = DateOnly.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
            var status = Enum.Parse<InterviewStatus>(e.GetProperty("status").GetString()!);
            var interview = new Interview
            {
                FirmId = firm.Id, GuideVersionId = guide.Id, InterviewerId = ids[e.GetProperty("interviewer").GetString()!],
                InterviewDate = date, Status = status, ConsentGiven = true, ConsentAtUtc = now, CreatedAtUtc = now,
                RespondentName = e.GetProperty("respondent").GetString(), RespondentTitle = e.GetProperty("respondentTitle").GetString(),
                SubmittedAtUtc = status >= InterviewStatus.Submitted ? now : null,
                ApprovedAtUtc = status >= InterviewStatus.Approved ? now : null,
                Answers = e.GetProperty("answers").EnumerateObject()
                    .Select(a => new Answer { QuestionId = a.Name, Value = a.Value.GetString() }).ToList(),
                Partners = e.GetProperty("partners").EnumerateArray().Select((p, i) => new PartnerRow
                {
                    QuestionId = p.GetProperty("question").GetString()!, RowNumber = i + 1,
                    PartnerName = p.GetProperty("name").GetString()!,
                    LinkageTypeId = Term(TermKind.LinkageType, LinkageOf(guide.DefinitionJson, p.GetProperty("question").GetString()!)),
                    PartnerKindId = Term(TermKind.PartnerKind, p.GetProperty("kind").GetString()),
                    PartnerLocationId = Term(TermKind.PartnerLocation, p.GetProperty("location").GetString()),
                    NatureId = p.TryGetProperty("nature", out var n) ? Term(TermKind.Nature, n.GetString()) : null,
                    SinceYear = p.TryGetProperty("since", out var s) ? s.GetInt32() : null,
                    Activity = p.TryGetProperty("activity", out var act) ? act.GetString() : null,
                }).ToList(),
            };
            db.Interviews.Add(interview);
            await db.SaveChangesAsync();
            var transcript = new Transcript
            {
                InterviewId = interview.Id, Text = TranscriptText.Normalize(files.Text("demo/" + e.GetProperty("transcript").GetString())),
                Language = "zh+en", UpdatedAtUtc = now,
            };
            db.Transcripts.Add(transcript);
            transcripts[firm.NameEn!] = transcript;
        }
        await db.SaveChangesAsync();

        var coders = new HashSet<(int, string)>();
        foreach (var r in files.Csv("demo/segments.csv"))
        {
            var transcript = transcripts[r["firm"]];
            var start = transcript.Text.IndexOf(r["quote"], StringComparison.Ordinal);
            if (start < 0) throw new InvalidDataException($"Demo segment quote not found in transcript: {r["quote"]}");
            db.Segments.Add(new Segment
            {
                TranscriptId = transcript.Id, CoderId = ids[r["coder"]], Start = start, End = start + r["quote"].Length,
                Quote = r["quote"], LinkageTypeId = Term(TermKind.LinkageType, r.Opt("linkage_type")),
                PartnerLocationId = Term(TermKind.PartnerLocation, r.Opt("partner_location")),
                PartnerKindId = Term(TermKind.PartnerKind, r.Opt("partner_kind")),
                NatureId = Term(TermKind.Nature, r.Opt("nature")), PartnerName = r.Opt("partner_name"),
                CreatedAtUtc = now, UpdatedAtUtc = now,
            });
            coders.Add((transcript.Id, ids[r["coder"]]));
        }
        // Both demo coders finished the first transcript (so agreement can be computed); the second is coder 1's alone.
        foreach (var (transcriptId, coderId) in coders)
            db.CodingAssignments.Add(new CodingAssignment
            {
                TranscriptId = transcriptId, CoderId = coderId, AssignedAtUtc = now,
                CompletedAtUtc = transcriptId == transcripts["Yizhuang Kangda Pharmaceutical Co."].Id ? now : null,
            });
        await db.SaveChangesAsync();
        logger.LogInformation("Demo study loaded: {Firms} firms, {Interviews} interviews", firms.Count, transcripts.Count);
    }

    static string? LinkageOf(string guideJson, string questionId)
    {
        using var guide = JsonDocument.Parse(guideJson);
        return guide.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("questions").EnumerateArray())
            .Where(q => q.GetProperty("id").GetString() == questionId && q.TryGetProperty("linkageType", out _))
            .Select(q => q.GetProperty("linkageType").GetString()).FirstOrDefault();
    }
}
