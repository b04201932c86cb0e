using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Reports;
using FieldSurvey.Web.Reporting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// Issue 21: the report page right after a save shows the new version's point figures at once, with the uncertainty
/// section saying its intervals are being computed (the resampling runs off the request), and the intervals once
/// they are there; an unchanged report's page reads the data version and nothing else from the database.
/// The page waits 0 ms for the resampling here (the other tests' host waits for it), and the test holds the
/// resampling with <see cref="ReportCache.BeforeResampling"/>, so nothing depends on how fast the machine is.
/// </summary>
public sealed partial class ReportSpeedTests(ReportSpeedTests.Fixture fixture) : IClassFixture<ReportSpeedTests.Fixture>
{
    public sealed class Fixture : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Reports:UncertaintyWaitMs", "0");
        }
    }

    const string Url = "/Reports?source=Coded&interviews=NotDraft";
    static readonly ReportFilter Filter = new(Source: Core.Reporting.SourceFilter.Coded, Interviews: InterviewFilter.NotDraft);
    ReportCache Cache => fixture.Services.GetRequiredService<ReportCache>();

    [GeneratedRegex("data-testid=\"total-mentions\">(\\d+)<")] private static partial Regex TotalPattern();
    static int Total(string page) => int.Parse(TotalPattern().Match(page).Groups[1].Value);

    Task WholeReportAsync() => fixture.WithAsync(db => Cache.GetAsync(db, Filter, fixture.Clock.GetUtcNow()));

    [Fact]
    public async Task Right_after_a_save_the_page_counts_the_new_segment_at_once_and_shows_the_intervals_when_they_are_computed()
    {
        var text = "我们和国外的大学一起做研究。";
        var transcript = await fixture.TranscriptAsync(text, AppFactory.Coder1);   // approved, coded by Coder 1 alone
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var piZh = await fixture.SignedInAsync(AppFactory.PI);
        piZh.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        await WholeReportAsync();
        var before = await pi.GetStringAsync(Url);
        Assert.Contains("data-testid=\"uncertainty-method\"", before);   // this version's resampling is done
        Assert.DoesNotContain("uncertainty-pending", before);

        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cache.BeforeResampling = () => held.Task;
        try
        {
            var saved = await coder.PostJsonAsync(transcript, "Save", new
            {
                id = (int?)null, version = 0, start = 6, end = 8, quote = text[6..8],
                typeId = fixture.Term(TermKind.LinkageType, "knowledge"), locationId = fixture.Term(TermKind.PartnerLocation, "ABROAD"),
            });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var pending = await pi.GetStringAsync(Url);
            Assert.Equal(Total(before) + 1, Total(pending));   // the new version's point figures
            Assert.Contains("data-testid=\"uncertainty-pending\"", pending);
            Assert.Contains("Intervals for this version of the data are being computed", pending);
            Assert.DoesNotContain("data-testid=\"uncertainty-method\"", pending);
            var pendingZh = await piZh.GetStringAsync(Url);
            Assert.Contains("此版本数据的区间正在计算中", WebUtility.HtmlDecode(pendingZh));
        }
        finally
        {
            Cache.BeforeResampling = () => Task.CompletedTask;
            held.SetResult();
        }
        await WholeReportAsync();
        var ready = await pi.GetStringAsync(Url);
        Assert.Equal(Total(before) + 1, Total(ready));
        Assert.Contains("data-testid=\"uncertainty-method\"", ready);
        Assert.DoesNotContain("uncertainty-pending", ready);
    }

    [Fact]
    public async Task A_second_request_for_an_unchanged_report_reads_only_the_data_version()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        await WholeReportAsync();
        await pi.GetStringAsync(Url);   // the kept report and its presentation

        var seen = await CommandsDuringAsync(async () => Assert.Contains("data-testid=\"total-mentions\"", await pi.GetStringAsync(Url)));
        Assert.True(seen.Length == 1, "Expected the one version query, got:\n" + string.Join("\n---\n", seen));
        Assert.Contains("DataVersions", seen[0]);
    }

    [Fact]
    public async Task A_second_workbook_download_of_unchanged_data_reads_the_data_version_and_then_only_the_quotes_it_prints()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        const string workbook = "/Reports/Download?handler=Workbook&source=Coded&interviews=NotDraft";
        Assert.Equal(HttpStatusCode.OK, (await pi.GetAsync(workbook)).StatusCode);   // computes the report and the agreement sheets
        var seen = await CommandsDuringAsync(async () =>
        {
            var response = await pi.GetAsync(workbook);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
        });
        // The kept report holds no quotes: the passage sheet reads them by segment id (a batch of rows at a time), and
        // reads nothing else: no segments' codes, transcripts or agreement inputs again.
        Assert.True(seen.Length >= 2 && seen[0].Contains("DataVersions", StringComparison.Ordinal)
                && seen.Skip(1).All(c => c.Contains(".\"Quote\"", StringComparison.Ordinal) && c.Contains("\"Segments\"", StringComparison.Ordinal)
                    && !c.Contains("\"TranscriptId\"", StringComparison.Ordinal)),
            "Expected the version query, then only quotes by id, got:\n" + string.Join("\n---\n", seen));
    }

    /// <summary>The SQL this fixture's database ran while <paramref name="work"/> ran (EF Core's diagnostic events).</summary>
    async Task<string[]> CommandsDuringAsync(Func<Task> work)
    {
        var commands = new List<string>();
        using var observer = new Observer(source =>
            source.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name ? new Observer<KeyValuePair<string, object?>>(e =>
            {
                if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData d
                    && d.Command.Connection?.ConnectionString is { } cs && (cs.Contains(fixture.DataFolder) || cs.Contains(fixture.DatabaseName)))
                    lock (commands) commands.Add(d.Command.CommandText);
            }) : null);
        using (DiagnosticListener.AllListeners.Subscribe(observer))
            await work();
        observer.Dispose();
        lock (commands) return [.. commands];
    }

    // Subscribes to each DiagnosticListener as it appears; EF Core's reports every command it executes.
    sealed class Observer(Func<DiagnosticListener, IObserver<KeyValuePair<string, object?>>?> pick) : IObserver<DiagnosticListener>, IDisposable
    {
        readonly List<IDisposable> subscriptions = [];
        public void Dispose() { lock (subscriptions) { subscriptions.ForEach(s => s.Dispose()); subscriptions.Clear(); } }
        public void OnNext(DiagnosticListener value) { if (pick(value) is { } o) lock (subscriptions) subscriptions.Add(value.Subscribe(o)); }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
