using System.Diagnostics;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Core.Synthetic;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data.Seed;

/// <summary>
/// Writes a <see cref="SyntheticStudy"/> straight into the database: accounts interviewer1..n and
/// coder-a/coder-b@synthetic.example.org (the demo password), firms, calls, interviews with answers and
/// partner lists, transcripts and both coders' segments (every transcript double-coded and complete).
/// Run by <c>dotnet run --project src/FieldSurvey.Web -- generate small|study|large [--seed N]</c>.
/// </summary>
public static class SyntheticLoader
{
    public static async Task<string> LoadAsync(FieldSurveyDbContext db, UserManager<AppUser> users, SyntheticSize size, int seed,
        string password, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        if (await db.Firms.AnyAsync(f => f.NameEn != null && f.NameEn.Contains(" No.")))
            throw new InvalidOperationException("This database already holds a synthetic study; generate into an empty data folder.");
        var plan = SyntheticPlan.For(size);
        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var interviewers = new List<string>();
        for (var i = 1; i <= plan.Interviewers; i++) interviewers.Add(await UserAsync(users, $"interviewer{i}@synthetic.example.org", $"Interviewer {i} 访谈员{i}", Roles.Interviewer, password, now));
        string[] coders = [await UserAsync(users, "coder-a@synthetic.example.org", "Coder A 编码员甲", Roles.Coder, password, now),
                           await UserAsync(users, "coder-b@synthetic.example.org", "Coder B 编码员乙", Roles.Coder, password, now)];

        var parks = await db.Parks.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id);
        var terms = await db.Terms.AsNoTracking().Active().ToListAsync();
        var ids = terms.ToDictionary(t => (t.Kind, t.Code), t => t.Id);
        List<string> Codes(TermKind kind) => terms.Where(t => t.Kind == kind).OrderBy(t => t.SortOrder).Select(t => t.Code).ToList();
        var vocabulary = new SyntheticVocabulary(parks.Keys.Order().ToList(), Codes(TermKind.LinkageType), Codes(TermKind.PartnerLocation),
            Codes(TermKind.PartnerKind), Codes(TermKind.Nature), Codes(TermKind.Subsector), Codes(TermKind.ValueChainActivity));
        var study = new SyntheticStudy(vocabulary, seed);
        var guide = await db.GuideVersions.OrderByDescending(g => g.Number).FirstAsync();

        var synthFirms = study.Firms(plan);
        var firms = synthFirms.Select(f => new Firm
        {
            NameZh = f.NameZh, NameEn = f.NameEn, ParkId = parks[f.ParkCode], Subsector = f.Subsector, FoundedYear = f.Founded,
            AssignedInterviewerId = interviewers[f.Interviewer],
            Contacts = [new Contact { Name = $"联系人{f.Index + 1}", Title = "经理", Phones = [f.Phone] }],
        }).ToList();
        db.Firms.AddRange(firms);
        await SaveAsync(db);

        foreach (var call in study.Calls(plan))
            db.CallAttempts.Add(new CallAttempt
            {
                FirmId = firms[call.FirmIndex].Id, InterviewerId = interviewers[synthFirms[call.FirmIndex].Interviewer], AtUtc = call.AtUtc,
                NumberDialled = synthFirms[call.FirmIndex].Phone, Disposition = call.Disposition, Note = call.Note, CallbackAtUtc = call.CallbackAtUtc,
            });
        await SaveAsync(db);

        var segmentCount = 0;
        foreach (var batch in study.Interviews(plan, synthFirms).Chunk(100))
        {
            var interviews = batch.Select(s => new Interview
            {
                FirmId = firms[s.FirmIndex].Id, GuideVersionId = guide.Id, InterviewerId = interviewers[synthFirms[s.FirmIndex].Interviewer],
                InterviewDate = s.Date, Status = InterviewStatus.Approved, ConsentGiven = true, ConsentAtUtc = now, CreatedAtUtc = now,
                SubmittedAtUtc = now, ApprovedAtUtc = now,
                Answers = s.Answers.Select(a => new Answer { QuestionId = a.Key, Value = a.Value }).ToList(),
                Partners = s.Partners.Select((p, i) => new PartnerRow
                {
                    QuestionId = p.QuestionId, RowNumber = i + 1, PartnerName = p.Name, SinceYear = p.Since,
                    LinkageTypeId = ids[(TermKind.LinkageType, p.LinkageType)], PartnerKindId = ids[(TermKind.PartnerKind, p.Kind)],
                    PartnerLocationId = ids[(TermKind.PartnerLocation, p.Location)],
                    NatureId = p.Nature is null ? null : ids[(TermKind.Nature, p.Nature)],
                }).ToList(),
            }).ToList();
            db.Interviews.AddRange(interviews);
            await SaveAsync(db);

            var transcripts = batch.Select((s, i) => new Transcript
            {
                InterviewId = interviews[i].Id, Text = TranscriptText.Normalize(s.Transcript), Language = "zh+en", UpdatedAtUtc = now,
            }).ToList();
            db.Transcripts.AddRange(transcripts);
            await SaveAsync(db);

            for (var i = 0; i < batch.Length; i++)
            {
                foreach (var coder in coders)
                    db.CodingAssignments.Add(new CodingAssignment { TranscriptId = transcripts[i].Id, CoderId = coder, AssignedAtUtc = now, CompletedAtUtc = now });
                foreach (var s in batch[i].Segments)
                {
                    db.Segments.Add(new Segment
                    {
                        TranscriptId = transcripts[i].Id, CoderId = coders[s.Coder], Start = s.Start, End = s.End, Quote = s.Quote,
                        LinkageTypeId = ids[(TermKind.LinkageType, s.Codes.LinkageType)], PartnerLocationId = ids[(TermKind.PartnerLocation, s.Codes.Location)],
                        PartnerKindId = ids[(TermKind.PartnerKind, s.Codes.Kind)], NatureId = ids[(TermKind.Nature, s.Codes.Nature)],
                        CreatedAtUtc = now, UpdatedAtUtc = now,
                    });
                    segmentCount++;
                }
            }
            await SaveAsync(db);
        }
        return $"Generated the {size} synthetic study (seed {seed}): {firms.Count} firms, {plan.Transcripts} interviews and transcripts, " +
               $"{segmentCount} segments, {plan.Interviewers} interviewers, 2 coders, in {clock.Elapsed.TotalSeconds:0.0} s.";
    }

    static async Task SaveAsync(FieldSurveyDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    static async Task<string> UserAsync(UserManager<AppUser> users, string email, string name, string role, string password, DateTimeOffset now)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null) return user.Id;
        user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAtUtc = now };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user.Id;
    }
}
