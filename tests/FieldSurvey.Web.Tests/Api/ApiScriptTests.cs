using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Api;

/// <summary>Issue 26: the R example of docs/api.md, run with Rscript against the app listening on a real port.</summary>
public sealed partial class ApiScriptTests
{
    [GeneratedRegex("```r\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex RBlock();

    [Fact]
    public void The_R_example_of_docs_api_md_reads_every_list_and_the_report_through_a_token()
    {
        var rscript = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "Rscript")).FirstOrDefault(File.Exists);
        if (rscript is null || !RunR(rscript, "library(httr2); library(jsonlite)").Ok) return; // test.sh installs r-base-core; httr2 from r-cran-httr2

        var port = FreePort();
        using var app = new AppFactory();
        app.UseKestrel(port);
        app.StartServer();
        var token = app.Seed(AppFactory.PI, app.Clock.GetUtcNow().AddDays(30));

        var docs = Path.Combine(Repo(), "docs", "api.md");
        // On PostgreSQL nothing else creates the data folder (SQLite puts its file there).
        Directory.CreateDirectory(app.DataFolder);
        var script = Path.Combine(app.DataFolder, "example.R");
        File.WriteAllText(script, RBlock().Match(File.ReadAllText(docs)).Groups[1].Value);
        var (ok, output) = RunR(rscript, null, script, new() { ["FIELDSURVEY_URL"] = $"http://127.0.0.1:{port}", ["FIELDSURVEY_TOKEN"] = token });
        Assert.True(ok, output);

        var expected = app.With(db => new Dictionary<string, int>
        {
            ["firms"] = db.Firms.Count(), ["calls"] = db.CallAttempts.Count(), ["interviews"] = db.Interviews.Count(),
            ["answers"] = db.Answers.Count(), ["partners"] = db.PartnerRows.Count(), ["zls"] = db.Firms.Count(f => f.Park!.Code == "ZLS"),
        });
        foreach (var (list, rows) in expected) Assert.Contains($"rows {list} {rows} ", output);
        Assert.Matches("rows shares [1-9][0-9]* ", output);
    }

    static (bool Ok, string Output) RunR(string rscript, string? expression, string? file = null, Dictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(rscript) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (expression is not null) { info.ArgumentList.Add("-e"); info.ArgumentList.Add(expression); }
        if (file is not null) info.ArgumentList.Add(file);
        foreach (var (k, v) in env ?? []) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit(120_000);
        return (p.HasExited && p.ExitCode == 0, stdout.Result + stderr.Result);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FieldSurvey.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
