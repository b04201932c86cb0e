using System.Text.RegularExpressions;

namespace FieldSurvey.Tests.Infrastructure;

/// <summary>
/// The suite runs on <see cref="TestClock"/>, which only works if nothing reads the wall clock behind its back:
/// app code asks the injected <see cref="TimeProvider"/>, tests ask their factory's fake clock.
/// </summary>
public sealed partial class WallClockTests
{
    // Where the real clock is meant: the composition root registers it (and the command-line restore runs before
    // there is a container); a DbContext built outside the container (design time, backup tools) falls back to it.
    static readonly Dictionary<string, string> Allowed = new()
    {
        ["src/FieldSurvey.Web/Program.cs"] = "registers TimeProvider.System, the one wall clock",
        ["src/FieldSurvey.Web/Data/FieldSurveyDbContext.cs"] = "falls back to TimeProvider.System outside the container",
    };

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\s*\.\s*(Now|UtcNow|Today)\b|\bTimeProvider\s*\.\s*System\b")]
    private static partial Regex WallClock();

    [Fact]
    public void No_app_or_test_code_reads_the_wall_clock()
    {
        var root = RepositoryRoot();
        var offenders = new List<string>();
        foreach (var folder in new[] { "src/FieldSurvey.Core", "src/FieldSurvey.Web", "tests" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (!(relative.EndsWith(".cs") || relative.EndsWith(".cshtml")) || relative.Contains("/obj/") || relative.Contains("/bin/")
                    || relative.EndsWith("/WallClockTests.cs") || Allowed.ContainsKey(relative)) continue;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    if (WallClock().IsMatch(lines[i])) offenders.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
            }
        Assert.True(offenders.Count == 0, "Reads the wall clock (inject TimeProvider; in tests use the factory's Clock or TestClock):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_scan_finds_a_wall_clock_read() =>
        Assert.Matches(WallClock(), "var now = DateTimeOffset . UtcNow;");

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FieldSurvey.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("FieldSurvey.sln not found above " + AppContext.BaseDirectory);
    }
}
