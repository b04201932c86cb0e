using static FieldSurvey.Tests.Reports.ReportQuotes;
using System.Net;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Reporting;
using FieldSurvey.Web.Pages.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// Issue 21: two app instances on one store (one PostgreSQL database with FIELDSURVEY_TEST_POSTGRES set, otherwise
/// one SQLite file), each with its own report cache. A change made through one instance bumps the data version in
/// the database, so the other stops serving the report it kept and counts the change: segments by re-reading only
/// what changed since its kept version, anything else by reading afresh.
/// </summary>
public sealed partial class TwoInstanceReportCacheTests(TwoInstanceReportCacheTests.Instances instances)
    : IClassFixture<TwoInstanceReportCacheTests.Instances>
{
    /// <summary>The first instance loads the demo; the second opens the same store and loads nothing.</summary>
    public sealed class Instances : IDisposable
    {
        public AppFactory First { get; } = new();
        public AppFactory Second { get; }

        public Instances()
        {
            _ = First.Services;   // migrated and seeded before the second one starts
            Second = new AppFactory(demo: false, existingStore: AppFactory.PostgresServer is null ? First.DataFolder : First.DatabaseName);
            _ = Second.Services;
        }

        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
        }
    }

    static readonly ReportFilter AllCoded = new(Source: SourceFilter.Coded, Interviews: InterviewFilter.NotDraft);

    static ReportCache CacheOf(AppFactory app) => app.Services.GetRequiredService<ReportCache>();

    static Task<LoadedReport> ReportAsync(AppFactory app) =>
        app.WithAsync(db => CacheOf(app).GetAsync(db, AllCoded, app.Clock.GetUtcNow()));

    [GeneratedRegex("data-testid=\"total-mentions\">(\\d+)<")]
    private static partial Regex TotalMentions();

    static int Total(string page) => int.Parse(TotalMentions().Match(page).Groups[1].Value);

    [Fact]
    public void The_two_instances_share_one_store_but_not_one_cache()
    {
        Assert.NotSame(CacheOf(instances.First), CacheOf(instances.Second));
        var users = instances.First.With(db => db.Users.Count());
        Assert.True(users > 0);
        Assert.Equal(users, instances.Second.With(db => db.Users.Count()));
    }

    [Fact]
    public async Task A_segment_saved_through_one_instance_is_counted_on_the_other_instances_next_report_page()
    {
        var (first, second) = (instances.First, instances.Second);
        const string text = "我们和国外的大学一起做研究，两台服务器。";
        var transcript = await first.TranscriptAsync(text, AppFactory.Coder1);
        var pi = await first.SignedInAsync(AppFactory.PI);
        const string page = "/Reports?source=Coded&interviews=NotDraft";
        var before = Total(await pi.GetStringAsync(page));
        var kept = await ReportAsync(first);
        Assert.Same(kept.Report, (await ReportAsync(first)).Report);   // nothing changed: the first instance keeps its report
        var patches = CacheOf(first).Patches;

        var coder = await second.SignedInAsync(AppFactory.Coder1);
        var saved = await coder.PostJsonAsync(transcript, "Save", new
        {
            id = (int?)null, version = 0, start = 6, end = 8, quote = text[6..8],
            typeId = second.Term(TermKind.LinkageType, "knowledge"), locationId = second.Term(TermKind.PartnerLocation, "ABROAD"),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        Assert.Equal(before + 1, Total(await pi.GetStringAsync(page)));
        var after = await ReportAsync(first);
        Assert.NotSame(kept.Report, after.Report);
        Assert.Contains(after.Report.Counted, m => QuoteOf(after, m) == text[6..8] && m.PartnerLocation == "ABROAD");
        Assert.True(CacheOf(first).Patches > patches, "a segment-only change should be patched in, not read afresh");
    }

    [Fact]
    public async Task A_term_renamed_through_one_instance_is_read_afresh_by_the_other()
    {
        var (first, second) = (instances.First, instances.Second);
        var kept = await ReportAsync(first);
        var fullReads = CacheOf(first).FullReads;
        var name = "Elsewhere in Beijing (renamed on the second instance)";
        await second.WithAsync(async db =>
        {
            var term = await db.Terms.SingleAsync(t => t.Kind == TermKind.PartnerLocation && t.Code == "BJ");
            term.NameEn = name;
            return await db.SaveChangesAsync();
        });

        var after = await ReportAsync(first);
        Assert.NotSame(kept.Report, after.Report);
        Assert.Equal(name, after.Location("BJ").NameEn);
        Assert.Equal(fullReads + 1, CacheOf(first).FullReads);
    }

    [Fact]
    public async Task A_rule_changed_through_one_instance_is_applied_by_the_other_and_both_agree()
    {
        var (first, second) = (instances.First, instances.Second);
        _ = await ReportAsync(first);
        _ = await ReportAsync(second);
        await second.WithAsync(async db =>
        {
            var settings = await db.StudySettings.CurrentAsync() ?? throw new InvalidOperationException("no settings");
            settings.ClassificationRuleJson = (ClassificationRule.Default with { MinMentionsPerPark = 55 }).ToJson();
            return await db.SaveChangesAsync();
        });

        var (one, two) = (await ReportAsync(first), await ReportAsync(second));
        Assert.Equal(55, one.Report.Rule.MinMentionsPerPark);
        Assert.Equal(55, two.Report.Rule.MinMentionsPerPark);
        Assert.Equal(one.Version, two.Version);
    }
}
