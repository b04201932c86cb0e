using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Security;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// Issue 24, interviewer productivity: the page, its chart, the CSV and the workbook show the same hand-worked figures,
/// and honour the park and period filters. Two new interviewers work in September 2026, weeks before the small demo's
/// calls (Beijing times; ZLS firms Z1, Z3, Z4, Yizhuang firm Y2):
/// A, week of Monday 7 Sep: Mon 09:00 Z1 no answer (3.13), 09:10 Y2 complete, 09:20 Z3 refusal (2.11); Tue 14:00 Z1 complete.
///    Interviews Y2 started Mon 09:15, submitted 09:45 (30 min); Z1 Tue 14:05 to 14:45 (40 min).
///    4 attempts, contacts 3 (two completes and the refusal), 2 completes, 1 refusal: completion rate 2/3, 2 attempts per
///    complete, median length (30 + 40) / 2 = 35 min; sessions Mon 09:00–09:20 + 5 min = 25 min and Tue 5 min = 0.5 h, so
///    8 calls per hour. Week of 14 Sep: Mon 10:00 Z4 complete (interview 10:05 to 11:05), outside the filtered period.
/// B (name starting with "=", a formula to a spreadsheet), Wed 9 Sep 10:00 and 10:40 Y2 no answer: two sessions of 5 min,
///    1/6 h, 12 calls per hour, no contact (rate and attempts per complete undefined). Mon 14 Sep 00:10 Beijing (still
///    Sunday 13 Sep in UTC) Y2 no answer: in the week of 14 Sep, so the period 7–13 Sep leaves it out.
/// ZLS only, 7–13 Sep: A's Z1, Z3, Z1 calls: 3 attempts, 2 contacts, 1 complete, 1 refusal, rate 1/2, 3 attempts per
///    complete, median 40 min (Z1's interview), sessions 25 + 5 min = 0.5 h, 6 calls per hour; B has no row.
/// </summary>
public sealed class ProductivityExportTests(ProductivityExportTests.Fixture fixture) : IClassFixture<ProductivityExportTests.Fixture>
{
    public const string A = "产能访员甲", B = "=Prod B 乙";
    const string Week = "from=2026-09-07&to=2026-09-13&period=Week";

    public sealed class Fixture : AppFactory, IAsyncLifetime
    {
        public int Zls { get; private set; }

        public async Task InitializeAsync()
        {
            var a = await this.PersonAsync("prod-a@example.org", "Interviewer");
            var b = await this.PersonAsync("prod-b@example.org", "Interviewer");
            Zls = await WithAsync(async db =>
            {
                db.Users.Single(u => u.Id == a).DisplayName = A;
                db.Users.Single(u => u.Id == b).DisplayName = B;
                int zls = db.Parks.Single(p => p.Code == "ZLS").Id, yz = db.Parks.Single(p => p.Code == "YZ").Id;
                var firms = new[] { ("产能测试Z1公司", zls), ("产能测试Y2公司", yz), ("产能测试Z3公司", zls), ("产能测试Z4公司", zls) }
                    .Select(f => new Firm { NameZh = f.Item1, ParkId = f.Item2 }).ToList();
                db.Firms.AddRange(firms);
                await db.SaveChangesAsync();
                var (z1, y2, z3, z4) = (firms[0].Id, firms[1].Id, firms[2].Id, firms[3].Id);
                void Call(string who, int firm, int day, int hour, int minute, string code) => db.CallAttempts.Add(new CallAttempt
                    { InterviewerId = who, FirmId = firm, AtUtc = Beijing(day, hour, minute), Disposition = code });
                Call(a, z1, 7, 9, 0, "3.13"); Call(a, y2, 7, 9, 10, "1.1"); Call(a, z3, 7, 9, 20, "2.11"); Call(a, z1, 8, 14, 0, "1.1");
                Call(a, z4, 14, 10, 0, "1.1");
                Call(b, y2, 9, 10, 0, "3.13"); Call(b, y2, 9, 10, 40, "3.13"); Call(b, y2, 14, 0, 10, "3.13");
                var guide = db.GuideVersions.OrderByDescending(g => g.Number).First().Id;
                void Interview(int firm, int day, int hour, int minute, int minutes) => db.Interviews.Add(new Interview
                {
                    FirmId = firm, GuideVersionId = guide, InterviewerId = a, InterviewDate = new DateOnly(2026, 9, day), Status = InterviewStatus.Submitted,
                    CreatedAtUtc = Beijing(day, hour, minute), SubmittedAtUtc = Beijing(day, hour, minute).AddMinutes(minutes),
                });
                Interview(y2, 7, 9, 15, 30); Interview(z1, 8, 14, 5, 40); Interview(z4, 14, 10, 5, 60);
                await db.SaveChangesAsync();
                return zls;
            });
        }

        // Stored in UTC, as the app stores every time (SQLite compares them as text).
        static DateTimeOffset Beijing(int day, int hour, int minute) => new DateTimeOffset(2026, 9, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task The_page_and_its_chart_show_the_hand_worked_week_and_the_park_filter_keeps_only_that_parks_calls()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var page = await PageAsync(pi, Week);
        Assert.Equal("<td>4</td><td>3</td><td data-testid=\"completes\">2</td><td>1</td><td>67%</td><td>2.0</td><td>35.0</td><td>0.5</td><td>8.0</td>",
            Cells(Row(page, $"row-{A}-2026-09-07")));
        Assert.Equal("<td>2</td><td>0</td><td data-testid=\"completes\">0</td><td>0</td><td>—</td><td>—</td><td>—</td><td>0.2</td><td>12.0</td>",
            Cells(Row(page, $"row-{B}-2026-09-07")));
        Assert.DoesNotContain("2026-09-14", page);   // A's and B's calls of the next week, B's at 00:10 Beijing included

        // The chart: the tallest bar (A's 4 attempts) fills the 180-pixel plot, A's 2 completes half of it.
        Assert.Matches($"data-testid=\"attempts-{A}-2026-09-07\" data-value=\"4\"", page);
        Assert.Matches($"height=\"90\"\\s+fill=\"[^\"]+\" data-testid=\"completes-{A}-2026-09-07\" data-value=\"2\"", page);
        Assert.Contains($"data-testid=\"attempts-{B}-2026-09-07\" data-value=\"2\"", page);

        var zls = await PageAsync(pi, $"parkId={fixture.Zls}&{Week}");
        Assert.Equal("<td>3</td><td>2</td><td data-testid=\"completes\">1</td><td>1</td><td>50%</td><td>3.0</td><td>40.0</td><td>0.5</td><td>6.0</td>",
            Cells(Row(zls, $"row-{A}-2026-09-07")));
        Assert.DoesNotContain($"row-{B}-", zls);
        Assert.DoesNotContain($"attempts-{B}-", zls);
    }

    [Fact]
    public async Task The_CSV_holds_the_same_rows_with_the_same_filters_formula_safe_and_in_the_readers_language()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var csv = await CsvAsync(pi, Week);
        Assert.Equal("Interviewer,Week of,Attempts,Contacts,Completes,Refusals,Completion rate,Attempts per complete,Median interview length (min),Hours worked,Calls per hour", csv[0]);
        Assert.Equal($"{A},2026-09-07,4,3,2,1,0.666667,2,35,0.5,8", Assert.Single(csv, l => l.StartsWith(A, StringComparison.Ordinal)));
        Assert.Equal($"'{B},2026-09-07,2,0,0,0,,,,0.166667,12", Assert.Single(csv, l => l.StartsWith("'=", StringComparison.Ordinal)));
        Assert.DoesNotContain(csv, l => l.Contains("2026-09-14", StringComparison.Ordinal));

        var zls = await CsvAsync(pi, $"parkId={fixture.Zls}&{Week}");
        Assert.Equal($"{A},2026-09-07,3,2,1,1,0.5,3,40,0.5,6", Assert.Single(zls, l => l.StartsWith(A, StringComparison.Ordinal)));
        Assert.DoesNotContain(zls, l => l.Contains(B, StringComparison.Ordinal));

        // Days instead of weeks; the whole of September: A's Monday 14 Sep is its own row, one complete in 5 minutes of calling.
        var days = await CsvAsync(pi, "from=2026-09-01&to=2026-09-30&period=Day");
        Assert.StartsWith("Interviewer,Day,", days[0], StringComparison.Ordinal);
        Assert.Contains($"{A},2026-09-07,3,2,1,1,0.5,3,30,0.416667,7.2", days);   // 09:00–09:20 + 5 min; Y2's 30-minute interview
        Assert.Contains($"{A},2026-09-14,1,1,1,0,1,1,60,0.083333,12", days);

        var chinese = await CsvAsync(pi, Week + "&lang=zh-Hans");
        Assert.Contains("拨打次数", chinese[0]);
        Assert.Contains("完成数", chinese[0]);
        Assert.Contains($"{A},2026-09-07,4,3,2,1,0.666667,2,35,0.5,8", chinese);
    }

    [Fact]
    public async Task The_workbook_holds_the_same_rows_as_numbers_with_the_same_filters_and_no_formula()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var response = await pi.GetAsync($"/Reports/Productivity?handler=Workbook&{Week}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(XlsxReader.Validate(bytes));
        var sheet = Assert.Single(XlsxReader.Read(bytes)).Value;
        int Col(string header) => sheet.Column(header);
        var a = sheet.Rows.FindIndex(r => r.TryGetValue(0, out var c) && c.Text == A);
        Assert.Equal("2026-09-07", sheet.Text(a, Col("Week of")));
        Assert.Equal(new double[] { 4, 3, 2, 1 }, new[] { "Attempts", "Contacts", "Completes", "Refusals" }.Select(h => sheet.Rows[a][Col(h)].Number));
        Assert.Equal(2.0 / 3, sheet.Rows[a][Col("Completion rate")].Number, 9);
        Assert.Equal("0.0%", sheet.Rows[a][Col("Completion rate")].Format);
        Assert.Equal(new[] { 2, 35, 0.5, 8 }, new[] { "Attempts per complete", "Median interview length (min)", "Hours worked", "Calls per hour" }
            .Select(h => Math.Round(sheet.Rows[a][Col(h)].Number, 9)));
        var b = sheet.Rows.FindIndex(r => r.TryGetValue(0, out var c) && c.Text.Contains("Prod B", StringComparison.Ordinal));
        Assert.Equal("'" + B, sheet.Text(b, 0));
        Assert.False(sheet.Rows[b][0].IsFormula);
        Assert.Equal("", sheet.Text(b, Col("Completion rate")));
        Assert.Equal(3, sheet.Rows.Count);   // header, A, B: nothing of the week of 14 Sep

        var zls = Assert.Single(XlsxReader.Read(await pi.GetByteArrayAsync($"/Reports/Productivity?handler=Workbook&parkId={fixture.Zls}&{Week}"))).Value;
        Assert.Equal(2, zls.Rows.Count);
        Assert.Equal(A, zls.Text(1, 0));
        Assert.Equal(3, zls.Rows[1][zls.Column("Attempts")].Number);
        Assert.Equal(0.5, zls.Rows[1][zls.Column("Completion rate")].Number);
    }

    static async Task<string> PageAsync(HttpClient client, string query) =>
        WebUtility.HtmlDecode(await client.GetStringAsync("/Reports/Productivity?" + query));

    static async Task<List<string>> CsvAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/Reports/Productivity?handler=Csv&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString());
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }

    static string Row(string page, string testId)
    {
        var start = page.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    // The figures of a row after the interviewer and period cells, up to the bar cell.
    static string Cells(string row)
    {
        var flat = Regex.Replace(row, @">\s+<", "><");
        var cells = Regex.Matches(flat, "<td[^>]*>[^<]*</td>").Select(m => m.Value).ToList();
        return string.Concat(cells.Skip(2).Take(9));
    }
}
