using static FieldSurvey.Tests.Reports.ReportQuotes;
using FieldSurvey.Web.Reporting;
using System.Net;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// Issue 21: the computed report is kept per data version, and any change to a report input (one test per kind)
/// bumps the version in the same save, so the next request gets a new report with the change in it. Changes to
/// what no report reads keep the kept report. The small demo: Kangda (approved, double-coded, Coder 1 assigned
/// first: six passages count) and Baiotai (submitted, four passages by Coder 1).
/// </summary>
public sealed class ReportCacheTests(ReportCacheTests.Fixture fixture) : IClassFixture<ReportCacheTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    static readonly ReportFilter AllCoded = new(Source: SourceFilter.Coded, Interviews: InterviewFilter.NotDraft);

    ReportCache Cache => fixture.Services.GetRequiredService<ReportCache>();
    Task<LoadedReport> ReportAsync(ReportFilter filter) => fixture.WithAsync(db => Cache.GetAsync(db, filter, fixture.Clock.GetUtcNow()));
    Task<long> VersionAsync() => fixture.WithAsync(db => db.CurrentDataVersionAsync());

    /// <summary>The report before and after <paramref name="change"/>; checks it was kept before and replaced after.</summary>
    async Task<(LoadedReport Before, LoadedReport After)> AroundAsync(Func<FieldSurveyDbContext, Task> change, ReportFilter? filter = null)
    {
        filter ??= AllCoded;
        var before = await ReportAsync(filter);
        Assert.Same(before.Report, (await ReportAsync(filter)).Report);   // nothing changed: the kept report
        var version = await VersionAsync();
        await fixture.WithAsync(async db => { await change(db); return 0; });
        Assert.True(await VersionAsync() > version, "the change did not bump the data version");
        var after = await ReportAsync(filter);
        Assert.NotSame(before.Report, after.Report);
        return (before, after);
    }

    static Task<int> KangdaTranscriptAsync(FieldSurveyDbContext db) =>
        db.CodingAssignments.GroupBy(x => x.TranscriptId).Where(g => g.Count() == 2).Select(g => g.Key).SingleAsync();

    static Task<string> IdOfAsync(FieldSurveyDbContext db, string email) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

    static Task<int> TermAsync(FieldSurveyDbContext db, TermKind kind, string code) =>
        db.Terms.Where(t => t.Kind == kind && t.Code == code).Select(t => t.Id).SingleAsync();

    [Fact]
    public async Task A_new_coded_segment_replaces_the_kept_report_and_is_counted()
    {
        var (before, after) = await AroundAsync(async db =>
        {
            db.Segments.Add(new Segment
            {
                TranscriptId = await KangdaTranscriptAsync(db), CoderId = await IdOfAsync(db, AppFactory.Coder1), Start = 0, End = 2, Quote = "缓存",
                LinkageTypeId = await TermAsync(db, TermKind.LinkageType, "research"),
                PartnerLocationId = await TermAsync(db, TermKind.PartnerLocation, "ABROAD"),
                CreatedAtUtc = TestClock.Start, UpdatedAtUtc = TestClock.Start,
            });
            await db.SaveChangesAsync();
        });
        Assert.Equal(before.Report.Counted.Count + 1, after.Report.Counted.Count);
        Assert.Contains(after.Report.Counted, m => QuoteOf(after, m) == "缓存" && m.PartnerLocation == "ABROAD");
    }

    [Fact]
    public async Task A_deleted_or_recoded_segment_replaces_the_kept_report()
    {
        var (before, after) = await AroundAsync(async db =>
        {
            var coder1 = await IdOfAsync(db, AppFactory.Coder1);
            var baiotai = await db.Segments.Where(s => s.CoderId == coder1 && s.DeletedAtUtc == null
                && db.Transcripts.Any(t => t.Id == s.TranscriptId && db.Interviews.Any(i => i.Id == t.InterviewId && i.Status == InterviewStatus.Submitted)))
                .OrderBy(s => s.Id).FirstAsync();
            baiotai.DeletedAtUtc = TestClock.Start;   // the annotator's delete
            await db.SaveChangesAsync();
        });
        Assert.Equal(before.Report.Counted.Count - 1, after.Report.Counted.Count);

        var recoded = 0;
        (before, after) = await AroundAsync(async db =>
        {
            var segment = await db.Segments.Where(s => s.TranscriptId == db.Transcripts.Where(t => db.Interviews.Any(i => i.Id == t.InterviewId
                && i.Status == InterviewStatus.Submitted)).Select(t => t.Id).First() && s.DeletedAtUtc == null).OrderBy(s => s.Id).FirstAsync();
            segment.LinkageTypeId = await TermAsync(db, TermKind.LinkageType, "labour");
            recoded = segment.Id;
            await db.SaveChangesAsync();
        });
        Assert.Equal("labour", after.Report.Counted.Single(m => m.Source == MentionSource.Coded && m.EvidenceId == recoded).LinkageType);
    }

    [Fact]
    public async Task An_adjudication_decision_replaces_the_kept_report()
    {
        var (before, after) = await AroundAsync(async db =>
        {
            var transcript = await KangdaTranscriptAsync(db);
            var coder1 = await IdOfAsync(db, AppFactory.Coder1);
            var coder2 = await IdOfAsync(db, AppFactory.Coder2);
            const string tiantan = "我们有几位生产主管是从大兴的天坛生物跳槽过来的";   // both coders marked it
            var a = await db.Segments.Where(s => s.TranscriptId == transcript && s.CoderId == coder1 && s.Quote == tiantan).SingleAsync();
            var b = await db.Segments.Where(s => s.TranscriptId == transcript && s.CoderId == coder2 && s.Quote == tiantan).SingleAsync();
            db.AdjudicationDecisions.Add(new AdjudicationDecision
            {
                TranscriptId = transcript, SegmentAId = a.Id, SegmentBId = b.Id, UnitKey = $"{a.Id}|{b.Id}", Kind = DecisionKind.Reject,
                DecidedById = await IdOfAsync(db, AppFactory.PI), DecidedAtUtc = TestClock.Start,
            });
            await db.SaveChangesAsync();
        });
        // Rejecting a unit both coders marked takes its passage out of the count.
        Assert.Equal(before.Report.Counted.Count - 1, after.Report.Counted.Count);
    }

    [Fact]
    public async Task An_interview_approved_replaces_the_kept_report_of_approved_interviews()
    {
        var approvedCoded = new ReportFilter(Source: SourceFilter.Coded);
        var (before, after) = await AroundAsync(async db =>
        {
            var submitted = await db.Interviews.Where(i => i.Status == InterviewStatus.Submitted).OrderBy(i => i.Id).FirstAsync();
            submitted.Status = InterviewStatus.Approved;
            await db.SaveChangesAsync();
        }, approvedCoded);
        Assert.True(after.Report.Counted.Count > before.Report.Counted.Count);
    }

    [Fact]
    public async Task An_answer_changed_replaces_the_kept_report()
    {
        var (before, after) = await AroundAsync(async db =>
        {
            var interview = await db.Transcripts.Where(t => t.Id == db.CodingAssignments.GroupBy(x => x.TranscriptId)
                .Where(g => g.Count() == 2).Select(g => g.Key).Single()).Select(t => t.InterviewId).SingleAsync();
            var answer = await db.Answers.SingleOrDefaultAsync(a => a.InterviewId == interview && a.QuestionId == ReportData.ValueChainQuestion);
            if (answer is null) db.Answers.Add(answer = new Answer { InterviewId = interview, QuestionId = ReportData.ValueChainQuestion });
            answer.Value = "[\"services\"]";
            await db.SaveChangesAsync();
        });
        Assert.Contains(after.Report.Input.Firms, f => f.Activities.SequenceEqual(["services"]));
        Assert.DoesNotContain(before.Report.Input.Firms, f => f.Activities.SequenceEqual(["services"]));
    }

    [Fact]
    public async Task A_partner_row_added_replaces_the_kept_report_and_is_counted()
    {
        var partners = new ReportFilter(Source: SourceFilter.PartnerList, Interviews: InterviewFilter.NotDraft);
        var (before, after) = await AroundAsync(async db =>
        {
            var interview = await db.Interviews.Where(i => i.Status != InterviewStatus.Draft).OrderBy(i => i.Id).FirstAsync();
            db.PartnerRows.Add(new PartnerRow
            {
                InterviewId = interview.Id, QuestionId = "B1", RowNumber = 99, PartnerName = "缓存测试大学",
                LinkageTypeId = await TermAsync(db, TermKind.LinkageType, "research"),
                PartnerLocationId = await TermAsync(db, TermKind.PartnerLocation, "CN"),
            });
            await db.SaveChangesAsync();
        }, partners);
        Assert.Equal(before.Report.Counted.Count + 1, after.Report.Counted.Count);
        Assert.Contains(after.Report.Counted, m => m.PartnerName == "缓存测试大学");
    }

    [Fact]
    public async Task A_vocabulary_term_renamed_replaces_the_kept_report()
    {
        var (_, after) = await AroundAsync(async db =>
        {
            var term = await db.Terms.SingleAsync(t => t.Kind == TermKind.PartnerLocation && t.Code == "BJ");
            term.NameEn = "Elsewhere in Beijing (renamed)";
            await db.SaveChangesAsync();
        });
        Assert.Equal("Elsewhere in Beijing (renamed)", after.Location("BJ").NameEn);
    }

    [Fact]
    public async Task A_new_classification_rule_replaces_the_kept_report()
    {
        var (_, after) = await AroundAsync(async db =>
        {
            var settings = await db.StudySettings.CurrentAsync() ?? throw new InvalidOperationException("no settings");
            settings.ClassificationRuleJson = (ClassificationRule.Default with { MinMentionsPerPark = 77 }).ToJson();
            await db.SaveChangesAsync();
        });
        Assert.Equal(77, after.Report.Rule.MinMentionsPerPark);
    }

    [Fact]
    public async Task A_transcript_or_assignment_changed_replaces_the_kept_report()
    {
        await AroundAsync(async db =>
        {
            var transcript = await db.Transcripts.FindAsync(await KangdaTranscriptAsync(db));
            transcript!.UpdatedAtUtc = TestClock.Start.AddMinutes(1);
            await db.SaveChangesAsync();
        });
        await AroundAsync(async db =>
        {
            var assignment = await db.CodingAssignments.OrderBy(a => a.Id).FirstAsync();
            assignment.CompletedAtUtc = assignment.CompletedAtUtc is null ? TestClock.Start : null;
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_judgement_a_firm_a_park_or_a_coder_renamed_replaces_the_kept_report()
    {
        var (_, after) = await AroundAsync(async db =>
        {
            db.ClassificationJudgements.Add(new ClassificationJudgement
            {
                Scope = Indicators.All, Verdict = Core.Reporting.Verdict.Mixed, Rationale = "cache test", DecidedById = await IdOfAsync(db, AppFactory.PI),
                DecidedAtUtc = TestClock.Start.AddDays(1), RuleText = "rule",
            });
            await db.SaveChangesAsync();
        });
        Assert.Equal("cache test", after.Judgements[Indicators.All].Rationale);

        var firmId = after.Firms.Keys.Min();
        (_, after) = await AroundAsync(async db => { (await db.Firms.FindAsync(firmId))!.NameEn = "Renamed Firm"; await db.SaveChangesAsync(); });
        Assert.Equal("Renamed Firm", after.Firms[firmId].NameEn);

        (_, after) = await AroundAsync(async db => { (await db.Parks.SingleAsync(p => p.Code == "YZ")).NameEn = "Yizhuang (renamed)"; await db.SaveChangesAsync(); });
        Assert.Equal("Yizhuang (renamed)", after.Park("YZ").NameEn);

        var coder2 = await fixture.WithAsync(db => IdOfAsync(db, AppFactory.Coder2));
        (_, after) = await AroundAsync(async db => { (await db.Users.FindAsync(coder2))!.DisplayName = "Coder Two (renamed)"; await db.SaveChangesAsync(); });
        Assert.Equal("Coder Two (renamed)", after.UserNames[coder2]);
    }

    [Fact]
    public async Task Changes_no_report_reads_keep_the_kept_report()
    {
        var before = await ReportAsync(AllCoded);
        var version = await VersionAsync();
        await fixture.WithAsync(async db =>
        {
            var firm = await db.Firms.OrderBy(f => f.Id).FirstAsync();
            db.CallAttempts.Add(new CallAttempt
            {
                FirmId = firm.Id, InterviewerId = await IdOfAsync(db, AppFactory.Interviewer), AtUtc = TestClock.Start, Disposition = "3.13",   // no answer
            });
            return await db.SaveChangesAsync();
        });
        await fixture.SignedInAsync(AppFactory.Coder1);   // a sign-in writes the person's row, not their name
        Assert.Equal(version, await VersionAsync());
        Assert.Same(before.Report, (await ReportAsync(AllCoded)).Report);
    }

    [Fact]
    public void Every_entity_type_is_either_a_report_input_or_stated_not_to_be()
    {
        var types = fixture.With(db => db.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.ClrType).Distinct().ToList());
        var unlisted = types.Where(t => !ReportInputs.Types.Contains(t) && !ReportInputs.NotInputs.Contains(t)).Select(t => t.Name).ToList();
        Assert.True(unlisted.Count == 0, "Put these on ReportInputs.Types or ReportInputs.NotInputs: " + string.Join(", ", unlisted));
        Assert.Empty(ReportInputs.Types.Intersect(ReportInputs.NotInputs));
    }

    [Fact]
    public async Task A_coder_saving_a_segment_through_the_annotator_is_counted_on_the_next_report_page()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        static int Total(string page) => int.Parse(System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"total-mentions\">(\\d+)<").Groups[1].Value);

        var text = "我们和国外的大学一起做研究。";
        var transcript = await fixture.TranscriptAsync(text, AppFactory.Coder1);   // approved, coded by Coder 1 alone
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var before = Total(await pi.GetStringAsync("/Reports?source=Coded&interviews=NotDraft"));
        Assert.Equal(before, Total(await pi.GetStringAsync("/Reports?source=Coded&interviews=NotDraft")));
        var saved = await coder.PostJsonAsync(transcript, "Save", new
        {
            id = (int?)null, version = 0, start = 6, end = 8, quote = text[6..8],
            typeId = fixture.Term(TermKind.LinkageType, "knowledge"), locationId = fixture.Term(TermKind.PartnerLocation, "ABROAD"),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(before + 1, Total(await pi.GetStringAsync("/Reports?source=Coded&interviews=NotDraft")));
    }
}
