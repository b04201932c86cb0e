using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace FieldSurvey.Web.Data.Seed;

/// <summary>Reads the plain files of <c>seed/</c>: CSV with a header row, UTF-8.</summary>
public sealed class SeedFiles(string folder)
{
    public string Folder { get; } = folder;

    public string Path(string relative) => System.IO.Path.Combine(Folder, relative);

    public bool Exists(string relative) => File.Exists(Path(relative));

    public IReadOnlyList<Dictionary<string, string>> Csv(string relative)
    {
        using var reader = new StreamReader(Path(relative));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.OrdinalIgnoreCase));
        return rows;
    }

    public string Text(string relative) => File.ReadAllText(Path(relative));

    /// <summary>The seed folder: configured, else beside the app (copied at build), else the repository's.</summary>
    public static SeedFiles Locate(string? configured, string contentRoot)
    {
        string[] candidates = [configured ?? "", System.IO.Path.Combine(AppContext.BaseDirectory, "seed"),
            System.IO.Path.Combine(contentRoot, "..", "..", "seed")];
        var found = candidates.FirstOrDefault(c => c.Length > 0 && File.Exists(System.IO.Path.Combine(c, "parks.csv")))
            ?? throw new DirectoryNotFoundException("No seed folder with parks.csv was found; set Storage:SeedFolder.");
        return new SeedFiles(System.IO.Path.GetFullPath(found));
    }
}

static class SeedRowExtensions
{
    public static string? Opt(this Dictionary<string, string> row, string key) =>
        row.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}
