using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Deployment;

/// <summary>
/// Two real app processes on two ports against one database (PostgreSQL in the PostgreSQL run, one SQLite
/// file otherwise), as behind a load balancer: a person signed in on one is signed in on the other (the
/// data-protection keys live in the database), a form from one posts to the other, and two people editing
/// the same record through different instances get the second save refused as stale; a report kept by one
/// instance is replaced when a change is saved through the other (the data version lives in the database).
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    readonly string dataFolder = Path.Combine(Path.GetTempPath(), "fieldsurvey-tests", Guid.NewGuid().ToString("N"));
    readonly string database = "fs_two_" + Guid.NewGuid().ToString("N")[..10];
    readonly List<Process> processes = [];
    string a = "", b = "";

    public async Task InitializeAsync()
    {
        if (AppFactory.PostgresServer is not null) CreatePostgresDatabase();
        a = await StartAsync();   // the first instance migrates and seeds before the second starts
        b = await StartAsync();
    }

    [Fact]
    public async Task Two_instances_share_sign_in_forms_refuse_stale_edits_never_serve_a_stale_report_and_serve_each_others_recordings()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler);

        var login = await client.GetStringAsync(a + "/Account/Login");
        var signIn = await client.PostAsync(a + "/Account/Login", Form(login, ("Input.Email", AppFactory.PI), ("Input.Password", AppFactory.Password)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (Cookie c in cookies.GetCookies(new Uri(a))) cookies.Add(new Uri(b), new Cookie(c.Name, c.Value));

        // Both instances compute and keep the report now (issue 21).
        Assert.DoesNotContain("Daxing (A)", await client.GetStringAsync(a + "/Reports"));
        Assert.DoesNotContain("Daxing (A)", await client.GetStringAsync(b + "/Reports"));

        var onB = await client.GetAsync(b + "/Admin/Parks");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        var parksPage = await onB.Content.ReadAsStringAsync();

        // The same form, loaded once (same version), saved through A and then through B.
        var (id, version) = ParkRow(parksPage, "DX");
        HttpContent Edit(string page, string name) => Form(page, ("Input.Id", id), ("Input.Version", version), ("Input.Code", "DX"),
            ("Input.NameEn", name), ("Input.NameZh", "大兴"));
        var first = await client.PostAsync(a + "/Admin/Parks?handler=Save", Edit(await client.GetStringAsync(a + "/Admin/Parks"), "Daxing (A)"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await client.PostAsync(b + "/Admin/Parks?handler=Save", Edit(parksPage, "Daxing (B, stale)"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed this park", await second.Content.ReadAsStringAsync());
        Assert.Contains("Daxing (A)", await client.GetStringAsync(b + "/Admin/Parks"));
        // The rename through A bumped the shared data version: B replaces the report it kept, A too.
        Assert.Contains("Daxing (A)", await client.GetStringAsync(b + "/Reports"));
        Assert.Contains("Daxing (A)", await client.GetStringAsync(a + "/Reports"));

        // A recording uploaded through A is stored in the shared recordings folder and served by B, with ranges.
        var interview = 0;
        string recordingsPage = "";
        for (var n = 1; n <= 20 && interview == 0; n++)
        {
            recordingsPage = await client.GetStringAsync(a + $"/Interviews/Recordings?id={n}").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "");
            if (recordingsPage.Contains("data-testid=\"save-recording-consent\"")) interview = n;
        }
        Assert.True(interview > 0, "no interview the PI may edit in the demo");
        var interviewVersion = System.Text.RegularExpressions.Regex.Match(recordingsPage, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var consent = await client.PostAsync(a + $"/Interviews/Recordings?id={interview}&handler=Consent",
            Form(recordingsPage, ("Input.Version", interviewVersion), ("Input.Answer", "Yes")));
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var wav = Recordings.TestAudio.Wav(1);
        using var upload = new HttpRequestMessage(HttpMethod.Post, a + $"/Interviews/Recordings?id={interview}&handler=Upload&name=call.wav") { Content = new ByteArrayContent(wav) };
        upload.Headers.Add("X-CSRF-TOKEN", HttpClientForms.Token(await client.GetStringAsync(a + $"/Interviews/Recordings?id={interview}")));
        var uploaded = await client.SendAsync(upload);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        var recordingId = System.Text.Json.JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        using var ranged = new HttpRequestMessage(HttpMethod.Get, b + $"/recordings/{recordingId}");
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        var fromB = await client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, fromB.StatusCode);
        Assert.Equal(wav[..100], await fromB.Content.ReadAsByteArrayAsync());
    }

    static (string Id, string Version) ParkRow(string html, string code)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html,
            "name=\"Input.Id\" value=\"(\\d+)\" /><input type=\"hidden\" name=\"Input.Version\" value=\"(\\d+)\" />\\s*<div class=\"col-2\"><input name=\"Input.Code\" value=\"" + code + "\"");
        Assert.True(m.Success, "park row not found");
        return (m.Groups[1].Value, m.Groups[2].Value);
    }

    static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", HttpClientForms.Token(page)!)));

    async Task<string> StartAsync()
    {
        var port = FreePort();
        var web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "FieldSurvey.Web"));
        var dll = Directory.GetFiles(Path.Combine(web, "bin"), "FieldSurvey.Web.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port} --contentRoot \"{web}\"")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Demo__Enabled"] = "true";
        // The small fixed demo, as AppFactory seeds: it has a submitted interview the PI may still edit (every living-demo interview is approved).
        info.Environment["Demo__Folder"] = Path.Combine(AppContext.BaseDirectory, "fixtures", "demo-small");
        info.Environment["Storage__DataFolder"] = dataFolder;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (AppFactory.PostgresServer is not null)
        {
            info.Environment["Database__Provider"] = "Postgres";
            info.Environment["Database__ConnectionString"] = $"{AppFactory.PostgresServer};Database={database}";
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
        var url = $"http://127.0.0.1:{port}";
        using var probe = new HttpClient();
        // Up to three minutes: on a loaded two-core machine a cold start with migrations has taken over one.
        for (var i = 0; i < 360; i++)
        {
            try { if ((await probe.GetAsync(url + "/health")).IsSuccessStatusCode) return url; }
            catch (HttpRequestException) { }
            if (process.HasExited) throw new InvalidOperationException($"instance on {port} exited with {process.ExitCode}");
            await Task.Delay(500);
        }
        throw new TimeoutException($"instance on {port} did not become healthy");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    void CreatePostgresDatabase()
    {
        using var connection = new Npgsql.NpgsqlConnection($"{AppFactory.PostgresServer};Database=postgres");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{database}\"";
        command.ExecuteNonQuery();
    }

    public Task DisposeAsync()
    {
        foreach (var p in processes)
        {
            try { p.Kill(entireProcessTree: true); p.WaitForExit(5000); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        if (AppFactory.PostgresServer is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var connection = new Npgsql.NpgsqlConnection($"{AppFactory.PostgresServer};Database=postgres");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
