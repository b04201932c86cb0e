using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Reports;

/// <summary>Seeds a park of its own with firms and their attempt histories, so the demo data cannot move its figures.</summary>
static class ProgressSeed
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Adds park <paramref name="code"/> and one firm per history (calls an hour apart, oldest first).</summary>
    public static Task SeedParkAsync(this AppFactory app, string code, params (string Name, string[] Calls)[] firms) => app.WithAsync(async db =>
    {
        var interviewer = await db.Users.SingleAsync(u => u.Email == AppFactory.Interviewer);
        var park = new Park { Code = code, NameEn = $"Test park {code}", NameZh = $"测试园区 {code}", SortOrder = 90 };
        db.Parks.Add(park);
        await db.SaveChangesAsync();
        foreach (var (name, calls) in firms)
        {
            var firm = new Firm { NameZh = name, NameEn = name, ParkId = park.Id, Status = FirmStatus.Active };
            db.Firms.Add(firm);
            await db.SaveChangesAsync();
            db.CallAttempts.AddRange(calls.Select((c, i) => new CallAttempt
                { FirmId = firm.Id, InterviewerId = interviewer.Id, AtUtc = T0.AddHours(i), Disposition = c }));
            await db.SaveChangesAsync();
        }
        return 0;
    });

    public static string Cell(string html, string testId) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\">([^<]*)<").Groups[1].Value);
}

public sealed class ProgressAaporTests(ProgressAaporTests.Fixture fixture) : IClassFixture<ProgressAaporTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    // Worked by hand: reached (3.21) then no answer (3.13) → 3.21, UR; 3.13, 3.12 → 3.12, UH; refusal then no answer
    // → 2.111, R; 1.1 → I; 4.30 → NE. I=1 R=1 UH=1 UR=1 NE=1; eligible 2, resolved 3: e = 2/3.
    // RR1 = 1/(1+1+2) = 25.0%; RR3 = 1/(2 + ⅔·2) = 0.3 = 30.0%; RR5 = 1/2 = 50.0%; COOP1 = 1/(1+1) = 50.0%;
    // REF1 = 1/4 = 25.0%; CON1 = 2/4 = 50.0%. With the old rule 3.21 would have become 3.13 (UH 2, UR 0).
    static readonly (string, string[])[] Histories =
    [
        ("Reached-then-no-answer {0}", ["3.21", "3.13"]), ("Never-reached {0}", ["3.13", "3.12"]),
        ("Refused-then-no-answer {0}", ["2.111", "3.13"]), ("Interviewed {0}", ["1.1"]), ("Dead-number {0}", ["4.30"]),
    ];

    static (string, string[])[] For(string park) => Histories.Select(h => (string.Format(h.Item1, park), h.Item2)).ToArray();

    [Fact]
    public async Task The_progress_page_keeps_a_reached_firm_reached_after_later_no_answers_and_prints_the_rule()
    {
        await fixture.SeedParkAsync("QA1", For("QA1"));
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var html = await client.GetStringAsync("/Reports/Progress");

        Assert.Equal("1", ProgressSeed.Cell(html, "count-UR-QA1"));
        Assert.Equal("1", ProgressSeed.Cell(html, "count-UH-QA1"));
        Assert.Equal("1", ProgressSeed.Cell(html, "count-R-QA1"));
        Assert.Equal("25.0%", ProgressSeed.Cell(html, "rate-RR1-QA1"));
        Assert.Equal("30.0%", ProgressSeed.Cell(html, "rate-RR3-QA1"));
        Assert.Equal("50.0%", ProgressSeed.Cell(html, "rate-RR5-QA1"));
        Assert.Equal("50.0%", ProgressSeed.Cell(html, "rate-COOP1-QA1"));
        Assert.Equal("25.0%", ProgressSeed.Cell(html, "rate-REF1-QA1"));
        Assert.Equal("50.0%", ProgressSeed.Cell(html, "rate-CON1-QA1"));
        Assert.Equal("66.7%", ProgressSeed.Cell(html, "e-QA1"));
        Assert.StartsWith("(Estimated:", ProgressSeed.Cell(html, "e-basis"));

        var rule = WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"final-rule\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value);
        Assert.Contains("3.2x firm reached", rule);
        Assert.True(rule.IndexOf("3.2x", StringComparison.Ordinal) < rule.IndexOf("3.1x", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_progress_page_shows_the_whole_AAPOR_set_each_with_its_formula()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var html = await client.GetStringAsync("/Reports/Progress");
        string[] names = ["RR1", "RR2", "RR3", "RR4", "RR5", "RR6", "COOP1", "COOP2", "COOP3", "COOP4", "REF1", "REF2", "REF3", "CON1", "CON2", "CON3"];
        foreach (var name in names)
            Assert.Equal(ResponseRates.Definitions.Single(d => d.Name == name).Formula, ProgressSeed.Cell(html, $"formula-{name}"));
        Assert.Equal("I / ((I+P) + (R+NC+O) + e(UH+UR+UO))", ProgressSeed.Cell(html, "formula-RR3"));
        Assert.Equal("I / ((I+P) + R)", ProgressSeed.Cell(html, "formula-COOP3"));
    }

    [Fact]
    public async Task The_progress_CSV_and_the_firm_export_carry_the_same_final_dispositions_and_rates()
    {
        await fixture.SeedParkAsync("QA2", For("QA2"));
        var client = await fixture.SignedInAsync(AppFactory.PI);

        var response = await client.GetAsync("/Reports/Progress?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        var header = lines.First(l => l.StartsWith("Rate,Formula,", StringComparison.Ordinal)).Split(',');
        var column = Array.IndexOf(header, "QA2");
        Assert.True(column > 0);
        // The formulas have no commas, so a plain split finds the column.
        Assert.Equal("0.3", lines.First(l => l.StartsWith("RR3,", StringComparison.Ordinal)).Split(',')[column]);
        Assert.Equal("0.25", lines.First(l => l.StartsWith("RR1,", StringComparison.Ordinal)).Split(',')[column]);
        var countColumn = Array.IndexOf(lines.First(l => l.StartsWith("Class,", StringComparison.Ordinal)).Split(','), "QA2");
        var ur = lines.First(l => l.StartsWith("\"UR (", StringComparison.Ordinal));   // the label has a comma: quoted
        Assert.Equal("1", ur[(ur.IndexOf("\",", StringComparison.Ordinal) + 2)..].Split(',')[countColumn - 1]);
        Assert.Contains(lines, l => l.StartsWith("3.21,No screener completed,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("3.2x firm reached", StringComparison.Ordinal));

        var firms = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/Admin/Firms/Export?handler=Download")).Split("\r\n");
        var dispositionColumn = Array.IndexOf(firms[0].TrimStart('\uFEFF').Split(','), "disposition");
        Assert.Equal("3.21", firms.Single(l => l.Contains("Reached-then-no-answer QA2", StringComparison.Ordinal)).Split(',')[dispositionColumn]);
        Assert.Equal("2.111", firms.Single(l => l.Contains("Refused-then-no-answer QA2", StringComparison.Ordinal)).Split(',')[dispositionColumn]);
    }

    [Fact]
    public async Task Only_a_PI_reads_the_progress_CSV()
    {
        var client = await fixture.SignedInAsync(AppFactory.Interviewer);
        var response = await client.GetAsync("/Reports/Progress?handler=Csv");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class PiSetEligibilityTests(PiSetEligibilityTests.Fixture fixture) : IClassFixture<PiSetEligibilityTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task A_PI_set_e_drives_the_e_rates_and_the_page_says_so_and_a_share_outside_0_to_1_is_refused()
    {
        // Same firms as above: known eligible 2, unknowns UH+UR = 2. With e = 0.5: RR3 = 1/(2 + 0.5·2) = 1/3 = 33.3%.
        await fixture.SeedParkAsync("QB", [("Reached QB", ["3.21", "3.13"]), ("Never QB", ["3.13"]), ("Refused QB", ["2.111"]),
            ("Interviewed QB", ["1.1"]), ("Dead QB", ["4.30"])]);
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var settings = await client.GetStringAsync("/Admin/CallSettings");
        var version = Regex.Match(settings, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        if (version == "") version = Regex.Match(settings, "value=\"(\\d+)\"[^>]*name=\"Input.Version\"").Groups[1].Value;

        var bad = await client.PostFormAsync("/Admin/CallSettings", new()
            { ["Input.Version"] = version, ["Input.RetryGapHours"] = "4", ["Input.MaxAttempts"] = "8", ["Input.EligibilityRate"] = "1.5" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("e must be between 0 and 1.", await bad.Content.ReadAsStringAsync());
        Assert.Null(fixture.With(db => db.StudySettings.AsNoTracking().Single().EligibilityRate));

        var ok = await client.PostFormAsync("/Admin/CallSettings", new()
            { ["Input.Version"] = version, ["Input.RetryGapHours"] = "4", ["Input.MaxAttempts"] = "8", ["Input.EligibilityRate"] = "0.5" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var html = await client.GetStringAsync("/Reports/Progress");
        Assert.Equal("50.0%", ProgressSeed.Cell(html, "e-QB"));
        Assert.Equal("33.3%", ProgressSeed.Cell(html, "rate-RR3-QB"));
        Assert.Equal("(Set by the PI (call list settings).)", ProgressSeed.Cell(html, "e-basis"));
    }
}
