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
/// Demo mode only: the four demo accounts and the demo study of a folder (Demo:Folder; by default
/// <c>seed/demo/</c>, the living demo written by <c>scripts/generate-demo.cs</c>: 45 firms, 15 per park, with
/// calls over the last three weeks and callbacks due today and tomorrow; 18 approved interviews answering the
/// whole guide with bilingual transcripts; every transcript coded by coder 1, six double-coded by coder 2 with
/// honest disagreements, two of them adjudicated by the PI into consensus; three recordings, <see cref="DemoRecordings"/>).
/// Loaded once, into a database without firms.
/// Times in the files are either absolute (<c>at_utc</c>, <c>date</c>: the small test fixture) or relative to
/// the load (<c>day</c> offset from today in the firms' zone plus <c>beijing_time</c>), so the living demo is
/// always current and the fixture always the same.
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

    public static async Task LoadAsync(FieldSurveyDbContext db, UserManager<AppUser> users, Pages.Interviews.RecordingStore recordings,
        SeedFiles files, string password, ILogger logger, DateTimeOffset now, TimeZoneInfo firmZone)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, firmZone).DateTime);
        DateTimeOffset At(string day, string time)
        {
            var local = today.AddDays(int.Parse(day, CultureInfo.InvariantCulture)).ToDateTime(TimeOnly.Parse(time, CultureInfo.InvariantCulture));
            return new DateTimeOffset(local, firmZone.GetUtcOffset(local)).ToUniversalTime();
        }
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

        if (await db.Firms.AnyAsync() || !files.Exists("firms.csv")) return;
        var pi = ids[Accounts[0].Email];

        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, p => p.Id);
        var terms = await db.Terms.ToListAsync();
        int? Term(TermKind kind, string? code) => code is null ? null : terms.Single(t => t.Kind == kind && t.Code == code).Id;

        var firms = files.Csv("firms.csv").Select(r => new Firm
        {
            NameZh = r["name_zh"], NameEn = r.Opt("name_en"), ParkId = parks[r["park"]], Address = r.Opt("address"),
            Subsector = r.Opt("subsector"), FoundedYear = r.Opt("founded") is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : null,
            SizeBand = r.Opt("size_band"), Website = r.Opt("website"),
            AssignedInterviewerId = r.Opt("assigned_to") is { } a ? ids[a] : null,
            // A phone without a contact name is the firm's switchboard: a contact without a name (Contact.IsSwitchboard),
            // as the firm import keeps it, so pages name it "Switchboard" in the reader's language.
            Contacts = r.Opt("contact_name") is { } c
                ? [new Contact { Name = c, Title = r.Opt("contact_title"), Phones = r.Opt("phone") is { } p ? [p] : [], Email = r.Opt("email") }]
                : r.Opt("phone") is { } board ? [new Contact { Name = "", Phones = [board] }] : [],
        }).ToList();
        db.Firms.AddRange(firms);
        await db.SaveChangesAsync();
        var firmByName = firms.ToDictionary(f => f.NameEn!);

        foreach (var r in files.Csv("calls.csv"))
            db.CallAttempts.Add(new CallAttempt
            {
                FirmId = firmByName[r["firm"]].Id, InterviewerId = ids[r["interviewer"]],
                AtUtc = r.Opt("at_utc") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : At(r["day"], r["beijing_time"]),
                NumberDialled = r.Opt("number"), Disposition = r["disposition"], Note = r.Opt("note"),
                CallbackAtUtc = r.Opt("callback_at_utc") is { } cb ? DateTimeOffset.Parse(cb, CultureInfo.InvariantCulture)
                    : r.Opt("callback_day") is { } cbDay ? At(cbDay, r["callback_beijing_time"]) : null,
            });

        var guide = await db.GuideVersions.OrderBy(g => g.Number).FirstAsync();
        var linkageOf = LinkageTypes(guide.DefinitionJson);
        var transcripts = new Dictionary<string, Transcript>();
        var held = new List<(Interview Interview, string Firm, string File)>();
        using var doc = JsonDocument.Parse(files.Text("interviews.json"));
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var firm = firmByName[e.GetProperty("firm").GetString()!];
            var status = Enum.Parse<InterviewStatus>(e.GetProperty("status").GetString()!);
            // Relative: held that day at that Beijing time, submitted two hours later, approved the next morning (never after now).
            var (date, heldAt) = e.TryGetProperty("date", out var fixedDate)
                ? (DateOnly.Parse(fixedDate.GetString()!, CultureInfo.InvariantCulture), now)
                : (today.AddDays(e.GetProperty("day").GetInt32()), At(e.GetProperty("day").GetInt32().ToString(CultureInfo.InvariantCulture), e.GetProperty("beijing_time").GetString()!));
            var submitted = heldAt == now ? now : heldAt.AddHours(2);
            var approved = heldAt == now ? now : Min(heldAt.AddHours(20), now);
            var interview = new Interview
            {
                FirmId = firm.Id, GuideVersionId = guide.Id, InterviewerId = ids[e.GetProperty("interviewer").GetString()!],
                InterviewDate = date, Status = status, ConsentGiven = true, ConsentAtUtc = heldAt, CreatedAtUtc = heldAt,
                RespondentName = e.GetProperty("respondent").GetString(), RespondentTitle = e.GetProperty("respondentTitle").GetString(),
                SubmittedAtUtc = status >= InterviewStatus.Submitted ? submitted : null,
                ApprovedAtUtc = status >= InterviewStatus.Approved ? approved : null,
                Answers = e.GetProperty("answers").EnumerateObject()
                    .Select(a => new Answer { QuestionId = a.Name, Value = a.Value.GetString() }).ToList(),
                Partners = e.GetProperty("partners").EnumerateArray().Select((p, i) => new PartnerRow
                {
                    QuestionId = p.GetProperty("question").GetString()!, RowNumber = i + 1,
                    PartnerName = p.GetProperty("name").GetString()!,
                    LinkageTypeId = Term(TermKind.LinkageType, linkageOf.GetValueOrDefault(p.GetProperty("question").GetString()!)),
                    PartnerKindId = Term(TermKind.PartnerKind, p.GetProperty("kind").GetString()),
                    PartnerLocationId = Term(TermKind.PartnerLocation, p.GetProperty("location").GetString()),
                    NatureId = p.TryGetProperty("nature", out var n) ? Term(TermKind.Nature, n.GetString()) : null,
                    SinceYear = p.TryGetProperty("since", out var s) ? s.GetInt32() : null,
                    Activity = p.TryGetProperty("activity", out var act) ? act.GetString() : null,
                }).ToList(),
            };
            db.Interviews.Add(interview);
            held.Add((interview, firm.NameEn!, e.GetProperty("transcript").GetString()!));
        }
        await db.SaveChangesAsync();
        foreach (var (interview, firm, file) in held)
            db.Transcripts.Add(transcripts[firm] = new Transcript
            {
                InterviewId = interview.Id, Text = TranscriptText.Normalize(files.Text(file)), Language = "zh+en", UpdatedAtUtc = now,
            });
        await db.SaveChangesAsync();

        foreach (var r in files.Csv("segments.csv"))
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
        }
        // In file order: the counting rule reads the first-assigned coder of a double-coded transcript.
        foreach (var r in files.Csv("assignments.csv"))
            db.CodingAssignments.Add(new CodingAssignment
            {
                TranscriptId = transcripts[r["firm"]].Id, CoderId = ids[r["coder"]], AssignedAtUtc = now,
                CompletedAtUtc = r.Opt("completed") is not null ? now : null,
            });
        await db.SaveChangesAsync();
        await DemoRecordings.LoadAsync(db, recordings, files,
            held.ToDictionary(h => h.File, h => (h.Interview, transcripts[h.Firm])), logger, now);
        if (files.Exists("adjudications.csv"))
            await DemoAdjudication.LoadAsync(db, files.Csv("adjudications.csv"), transcripts.ToDictionary(t => t.Key, t => t.Value.Id), ids, pi, now);
        // CPU time beside wall time: on a shared machine the wall clock says more about the neighbours.
        logger.LogInformation("Demo study loaded from {Folder}: {Firms} firms, {Interviews} interviews, in {Seconds:0.0} s ({Cpu:0.0} s CPU)",
            files.Folder, firms.Count, transcripts.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            (Environment.CpuUsage.TotalTime - cpu).TotalSeconds);
    }

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Question id to linkage type for the guide's partner-list questions.</summary>
    static Dictionary<string, string?> LinkageTypes(string guideJson)
    {
        using var guide = JsonDocument.Parse(guideJson);
        return guide.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("questions").EnumerateArray())
            .Where(q => q.TryGetProperty("linkageType", out _))
            .ToDictionary(q => q.GetProperty("id").GetString()!, q => q.GetProperty("linkageType").GetString());
    }
}
