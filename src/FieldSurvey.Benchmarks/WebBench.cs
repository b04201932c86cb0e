using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Core.Synthetic;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Data.Seed;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Benchmarks;

/// <summary>The app on a data folder, as the benchmarks and the load script drive it (Staging, demo accounts on).</summary>
public sealed class BenchApp : WebApplicationFactory<FieldSurveyDbContext>
{
    readonly string dataFolder;

    public BenchApp(string dataFolder)
    {
        this.dataFolder = dataFolder;
        // Outside a test project the factory guesses the content root from the solution folder; point it at the project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FIELDSURVEY_WEB", Path.Combine(Bench.RepositoryRoot(), "src", "FieldSurvey.Web"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Staging");
        builder.UseSetting("Storage:DataFolder", dataFolder);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Security:AllowPlainHttp", "true"); // the in-memory client speaks http: Secure cookies would not come back
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public async Task<T> WithAsync<T>(Func<FieldSurveyDbContext, IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>(), scope.ServiceProvider);
    }

    /// <summary>The id of the active "research" linkage type: a save needs a linkage type.</summary>
    public Task<int> ResearchTypeIdAsync() => WithAsync(async (db, _) =>
        await db.Terms.Where(t => t.Kind == TermKind.LinkageType && t.Code == "research").Select(t => t.Id).SingleAsync());

    /// <summary>Loads the synthetic study unless the folder already holds one.</summary>
    public Task<string> EnsureStudyAsync(SyntheticSize size) => WithAsync(async (db, sp) =>
        await db.Firms.AnyAsync(f => f.NameEn != null && f.NameEn.Contains(" No.")) ? "synthetic study already present"
            : await SyntheticLoader.LoadAsync(db, sp.GetRequiredService<UserManager<AppUser>>(), size, 2026, Bench.Password, DateTimeOffset.UtcNow));

    /// <summary>A new interview and transcript of <paramref name="length"/> characters (Chinese and English lines) assigned to
    /// <paramref name="coderEmail"/>, with <paramref name="segments"/> of that coder's segments spread over it; approved when
    /// <paramref name="status"/> says so, so the report counts what is saved on it.</summary>
    public Task<(int TranscriptId, string Text)> AddTranscriptAsync(string coderEmail, int length, int segments,
        InterviewStatus status = InterviewStatus.Submitted) => WithAsync(async (db, _) =>
    {
        var coder = await db.Users.SingleAsync(u => u.Email == coderEmail);
        var template = await db.Interviews.OrderBy(i => i.Id).FirstAsync();
        var interview = new Interview { FirmId = template.FirmId, GuideVersionId = template.GuideVersionId, InterviewerId = template.InterviewerId,
                                        CreatedAtUtc = DateTimeOffset.UtcNow, Status = status };
        db.Interviews.Add(interview);
        await db.SaveChangesAsync();
        var lines = new[] { "受访者：我们和北京大学医学部合作开展临床前研究，已经合作了五年。", "Respondent: Our most important research partner is a firm in ZLS Park.",
                            "受访者：大兴那边的企业也在抢我们的技术工人，竞争挺激烈的。", "Respondent: We co-develop antibody candidates with a firm in Yizhuang." };
        var builder = new System.Text.StringBuilder();
        for (var i = 0; builder.Length < length; i++) builder.Append(lines[i % lines.Length]).Append('\n');
        var text = TranscriptText.Normalize(builder.ToString()[..length]);
        var transcript = new Transcript { InterviewId = interview.Id, Text = text, UpdatedAtUtc = DateTimeOffset.UtcNow };
        db.Transcripts.Add(transcript);
        await db.SaveChangesAsync();
        db.CodingAssignments.Add(new CodingAssignment { TranscriptId = transcript.Id, CoderId = coder.Id, AssignedAtUtc = DateTimeOffset.UtcNow });
        var terms = await db.Terms.Where(t => t.Kind <= TermKind.Nature && t.RetiredAt == null).ToListAsync();
        int Term(TermKind kind, int i) { var ofKind = terms.Where(t => t.Kind == kind).ToList(); return ofKind[i % ofKind.Count].Id; }
        var step = text.Length / Math.Max(1, segments);
        for (var i = 0; i < segments; i++)
        {
            var start = i * step;
            var end = Math.Min(text.Length, start + Math.Max(5, step / 2));
            db.Segments.Add(new Segment
            {
                TranscriptId = transcript.Id, CoderId = coder.Id, Start = start, End = end, Quote = text[start..end],
                LinkageTypeId = Term(TermKind.LinkageType, i), PartnerLocationId = Term(TermKind.PartnerLocation, i),
                PartnerKindId = Term(TermKind.PartnerKind, i), NatureId = Term(TermKind.Nature, i), CreatedAtUtc = DateTimeOffset.UtcNow, UpdatedAtUtc = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync();
        return (transcript.Id, text);
    });
}

/// <summary>Helpers shared by the benchmark commands: sign-in, timing, the machine line, docs/benchmarks.md.</summary>
public static partial class Bench
{
    public const string Password = "Demo-2026!";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    /// <summary>Signs <paramref name="client"/> in (it must keep cookies) through the login form.</summary>
    public static async Task SignInAsync(HttpClient client, string email)
    {
        var token = Token(await client.GetStringAsync("/Account/Login"));
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = token }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("/Account/Login") == true)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
    }

    /// <summary>Median and 95th percentile of <paramref name="runs"/> timed runs after one warm-up; throws on a non-success status.</summary>
    public static async Task<(double Median, double P95, long Bytes)> TimeAsync(int runs, Func<Task<HttpResponseMessage>> request)
    {
        long bytes = 0;
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await request();
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body[..Math.Min(300, body.Length)])}");
            bytes = body.Length;
            if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], bytes);
    }

    /// <summary>Resets this process's peak resident memory (Linux: 5 to /proc/self/clear_refs); false where that is not possible.</summary>
    public static bool ResetPeakMemory()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>This process's peak resident memory in MB since the last <see cref="ResetPeakMemory"/> (VmHWM), or NaN.</summary>
    public static double PeakMemoryMb() =>
        File.Exists("/proc/self/status") && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
            ? double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024 : double.NaN;

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";

    public static string Machine() =>
        $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}";

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FieldSurvey.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    public static void AppendToDocs(IEnumerable<string> lines)
    {
        var docs = Path.Combine(RepositoryRoot(), "docs");
        Directory.CreateDirectory(docs);
        File.AppendAllLines(Path.Combine(docs, "benchmarks.md"), lines.Prepend(""));
        Console.WriteLine($"Appended to {Path.Combine(docs, "benchmarks.md")}");
    }
}
