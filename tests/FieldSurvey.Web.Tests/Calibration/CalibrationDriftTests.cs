using System.Net;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Reports;

namespace FieldSurvey.Tests.Calibration;

/// <summary>Seeding shared by the drift tests: a test on one transcript, and a coder's submitted coding of it.</summary>
static class DriftSeed
{
    public const string Text = "研发合作：与北京大学共建实验室。供应商在亦庄。";
    public const string Lab = "与北京大学共建实验室", Supplier = "供应商在亦庄";

    public static string Id(this AppFactory app, string email) => app.With(db => db.Users.Single(u => u.Email == email).Id);

    /// <summary>A test whose gold is Lab as research and Supplier as supplier (linkage type only).</summary>
    public static int Test(AppFactory app, string title, int transcript, DateTimeOffset created, int? retestEveryDays = null, int? retestOf = null, params string[] takers)
    {
        var research = app.Term(TermKind.LinkageType, "research");
        var supplier = app.Term(TermKind.LinkageType, "supplier");
        return app.With(db =>
        {
            var test = new CalibrationTest { Title = title, Dimensions = [(int)TermKind.LinkageType], CreatedAtUtc = created,
                CreatedById = db.Users.Single(u => u.Email == AppFactory.PI).Id, RetestEveryDays = retestEveryDays, RetestOfId = retestOf };
            db.CalibrationTests.Add(test);
            db.SaveChanges();
            db.CalibrationGold.AddRange(Passage(test.Id, transcript, Lab, research), Passage(test.Id, transcript, Supplier, supplier));
            foreach (var email in takers)
                db.CalibrationTakers.Add(new CalibrationTaker { TestId = test.Id, CoderId = db.Users.Single(u => u.Email == email).Id, AssignedAtUtc = created });
            db.SaveChanges();
            return test.Id;
        });
    }

    static CalibrationGold Passage(int test, int transcript, string quote, int type)
    {
        var start = Text.IndexOf(quote, StringComparison.Ordinal);
        return new CalibrationGold { TestId = test, TranscriptId = transcript, Start = start, End = start + quote.Length, Quote = quote, LinkageTypeId = type };
    }

    /// <summary>The coder's coding of the test's transcript: each quote with its linkage type code; submitted at <paramref name="submitted"/> unless null.</summary>
    public static void Code(AppFactory app, int test, int transcript, string email, DateTimeOffset? submitted, params (string Quote, string Type)[] passages)
    {
        var types = passages.ToDictionary(p => p.Quote, p => app.Term(TermKind.LinkageType, p.Type));
        app.With(db =>
        {
            var coder = db.Users.Single(u => u.Email == email).Id;
            db.CalibrationSegments.AddRange(passages.Select(p =>
            {
                var start = Text.IndexOf(p.Quote, StringComparison.Ordinal);
                return new CalibrationSegment { TestId = test, CoderId = coder, TranscriptId = transcript, Start = start, End = start + p.Quote.Length,
                    Quote = p.Quote, LinkageTypeId = types[p.Quote], UpdatedAtUtc = submitted ?? TestClock.Start };
            }));
            db.CalibrationTakers.Single(k => k.TestId == test && k.CoderId == coder).SubmittedAtUtc = submitted;
            return db.SaveChanges();
        });
    }
}

/// <summary>
/// Drift (issue 25): a coder's history of submitted tests with alpha over time, intra-coder agreement when a re-test
/// repeats a transcript, the re-test made from an old test, and the methods-appendix workbook.
/// </summary>
public sealed class CalibrationDriftTests(CalibrationDriftTests.Fixture fixture) : IClassFixture<CalibrationDriftTests.Fixture>
{
    /// <summary>
    /// Coder 1 codes the transcript as the gold (alpha 1), then, in the re-test on the same transcript, codes the supplier
    /// passage as research: against the gold two units (r,r) (s,r), o_rr = 2, o_rs = o_sr = 1, n_r = 3, n_s = 1, n = 4, so
    /// alpha = 1 − (n − 1)·2 ÷ (n² − Σn_c²) = 1 − 6 ÷ (16 − 10) = 0; and the same figures for the coder's later coding against
    /// the earlier one. Coder 2 takes the re-test too but has not submitted: a draft passage that must appear nowhere.
    /// </summary>
    public sealed class Fixture : AppFactory, IAsyncLifetime
    {
        public int First { get; private set; }
        public int Second { get; private set; }

        public async Task InitializeAsync()
        {
            var transcript = await this.TranscriptAsync(DriftSeed.Text);
            First = DriftSeed.Test(this, "漂移第一轮", transcript, TestClock.Start.AddDays(-60), takers: Coder1);
            DriftSeed.Code(this, First, transcript, Coder1, TestClock.Start.AddDays(-59), (DriftSeed.Lab, "research"), (DriftSeed.Supplier, "supplier"));
            Second = DriftSeed.Test(this, "漂移第二轮", transcript, TestClock.Start.AddDays(-2), retestOf: First, takers: [Coder1, Coder2]);
            DriftSeed.Code(this, Second, transcript, Coder1, TestClock.Start.AddDays(-1), (DriftSeed.Lab, "research"), (DriftSeed.Supplier, "research"));
            DriftSeed.Code(this, Second, transcript, Coder2, null, (DriftSeed.Lab, "labour"));
            With(db =>
            {
                var draft = db.CalibrationSegments.Single(s => s.TestId == Second && s.CoderId == db.Users.Single(u => u.Email == Coder2).Id);
                draft.Quote = "草稿段落";   // a marker for the appendix check
                return db.SaveChanges();
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    static string Cell(Dictionary<int, XlsxCell> row, int column) => row.TryGetValue(column, out var c) ? c.Text : "";

    [Fact]
    public async Task A_coders_history_shows_alpha_test_by_test_and_intra_coder_agreement_on_the_repeated_transcript()
    {
        var (first, second) = (fixture.First, fixture.Second);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var html = WebUtility.HtmlDecode(await coder.GetStringAsync("/Coding/Calibration/History"));
        Assert.Contains($"data-testid=\"history-row-{first}\"", html);
        var table = html[html.IndexOf("data-testid=\"history\"", StringComparison.Ordinal)..];
        Assert.True(table.IndexOf("漂移第一轮", StringComparison.Ordinal) < table.IndexOf("漂移第二轮", StringComparison.Ordinal), "oldest first");
        Assert.Equal(["1.000", "0.000"], System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"history-alpha\">([^<]+)<").Select(m => m.Groups[1].Value));
        Assert.Contains("data-testid=\"history-chart\"", html);
        var intra = html[html.IndexOf("data-testid=\"intra-coder\"", StringComparison.Ordinal)..];
        Assert.Contains("data-testid=\"intra-alpha\">0.000<", intra);
        Assert.Contains("<td>2</td><td>50.0%</td>", intra);
        Assert.Contains("data-testid=\"history-gate\" data-open=\"false\"", html);   // the current test (the re-test) is not passed

        // A coder asking for another coder's history gets their own; coder 2 has submitted nothing, so sees none.
        var other = await fixture.SignedInAsync(AppFactory.Coder2);
        var mine = await other.GetStringAsync($"/Coding/Calibration/History?coderId={fixture.Id(AppFactory.Coder1)}");
        Assert.Contains("data-testid=\"no-history\"", mine);
        Assert.DoesNotContain("history-alpha", mine);
        // The PI chooses anyone.
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        Assert.Contains($"history-row-{second}", await pi.GetStringAsync($"/Coding/Calibration/History?coderId={fixture.Id(AppFactory.Coder1)}"));
    }

    [Fact]
    public async Task A_re_test_keeps_the_old_tests_set_up_and_coders_and_is_saved_with_its_schedule()
    {
        var first = fixture.First;
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var form = WebUtility.HtmlDecode(await pi.GetStringAsync($"/Agreement/Calibration/Create?retestOf={first}"));
        Assert.Contains("data-testid=\"retest-note\"", form);
        Assert.Contains("value=\"漂移第一轮 — re-test\"", form);
        Assert.Matches($"name=\"Input.CoderIds\" value=\"{fixture.Id(AppFactory.Coder1)}\" checked", form);
        Assert.DoesNotMatch($"name=\"Input.CoderIds\" value=\"{fixture.Id(AppFactory.Coder2)}\" checked", form);
        Assert.Matches("name=\"Input.Dimensions\" value=\"LinkageType\" checked", form);
        Assert.DoesNotMatch("name=\"Input.Dimensions\" value=\"Nature\" checked", form);
        Assert.Equal(HttpStatusCode.NotFound, (await pi.GetAsync("/Agreement/Calibration/Create?retestOf=999999")).StatusCode);

        var bad = await pi.PostFormAsync("/Agreement/Calibration/Create", new() { ["Input.Title"] = "x", ["Input.RetestEveryDays"] = "0", ["Input.PassMark"] = "0.8" });
        Assert.Matches("data-valmsg-for=\"Input.RetestEveryDays\"[^>]*>Re-test every 1 to 730 days", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_methods_appendix_workbook_holds_tests_results_gold_submitted_coding_and_intra_coder_agreement_for_the_PI_only()
    {
        var (first, second) = (fixture.First, fixture.Second);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        var refused = await coder.GetAsync("/Agreement/Calibration?handler=Workbook");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString);

        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var file = await pi.GetAsync("/Agreement/Calibration?handler=Workbook");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Empty(XlsxReader.Validate(bytes));
        var book = XlsxReader.Read(bytes);
        Assert.Equal(["Calibration tests", "Calibration results", "Gold standard", "Trainee coding", "Intra-coder agreement"], book.Keys);
        var tests = book["Calibration tests"];
        Assert.Contains(tests.Rows.Skip(1), r => Cell(r, 1) == "漂移第二轮" && Cell(r, 7) == "漂移第一轮");   // re-test of
        var results = book["Calibration results"];
        var alphas = results.Rows.Skip(1).Select(r => (Cell(r, 0), r[results.Column("α")].Number)).ToList();
        Assert.Equal([("漂移第一轮", 1.0), ("漂移第二轮", 0.0)], alphas);   // coder 2 did not submit: no row
        Assert.Equal(2, book["Gold standard"].Rows.Skip(1).Count(r => Cell(r, 0) == "漂移第一轮"));
        var coding = book["Trainee coding"];
        Assert.Equal(4, coding.Rows.Count - 1);   // coder 1's two passages in each test
        Assert.DoesNotContain(coding.Cells, c => c.Text == "草稿段落");
        var intra = book["Intra-coder agreement"];
        var row = Assert.Single(intra.Rows.Skip(1));
        Assert.Equal(("漂移第一轮", "漂移第二轮"), (Cell(row, 1), Cell(row, 2)));
        Assert.Equal(0.0, row[intra.Column("α")].Number);
        Assert.Equal(0.5, row[intra.Column("Percent agreement")].Number);
    }
}

/// <summary>The re-test schedule closes the gate once a pass is older than its interval (its own app: the test moves the clock).</summary>
public sealed class CalibrationScheduleTests(CalibrationScheduleTests.Fixture fixture) : IClassFixture<CalibrationScheduleTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task A_pass_expires_after_the_re_test_interval_and_the_assignment_page_says_a_re_test_is_due()
    {
        var transcript = await fixture.TranscriptAsync(DriftSeed.Text);
        var test = DriftSeed.Test(fixture, "三十天复测", transcript, TestClock.Start, retestEveryDays: 30, takers: AppFactory.Coder1);
        DriftSeed.Code(fixture, test, transcript, AppFactory.Coder1, fixture.Clock.GetUtcNow(), (DriftSeed.Lab, "research"), (DriftSeed.Supplier, "supplier"));
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var history = $"/Coding/Calibration/History?coderId={fixture.Id(AppFactory.Coder1)}";
        Assert.Contains("data-testid=\"history-gate\" data-open=\"true\"", await pi.GetStringAsync(history));

        fixture.Clock.Advance(TimeSpan.FromDays(30));
        pi = await fixture.SignedInAsync(AppFactory.PI);   // a month later the sign-in has expired
        Assert.Contains("data-testid=\"history-gate\" data-open=\"false\"", await pi.GetStringAsync(history));
        var free = await fixture.TranscriptAsync("受访者：我们和北大合作研发。");
        var assign = await pi.PostFormAsync($"/Admin/CodingAssignments?handler=Assign&transcriptId={free}&coderId={fixture.Id(AppFactory.Coder1)}", [], "/Admin/CodingAssignments");
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        Assert.Contains("is due for a calibration re-test", WebUtility.HtmlDecode(await pi.GetStringAsync("/Admin/CodingAssignments")));
        Assert.False(fixture.With(db => db.CodingAssignments.Any(a => a.TranscriptId == free)));
    }
}
