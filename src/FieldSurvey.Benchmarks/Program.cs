using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Reporting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Report benchmark: a synthetic in-memory study (2,000 firms, 2,000 transcripts, 200,000 coded segments).
// Times the Core report computation, the full workbook write, and a plain streaming OpenXmlWriter writing the
// same passage rows (the floor any workbook writer pays). Prints the figures and writes docs/benchmarks.md.
if (args.FirstOrDefault() == "web") { await FieldSurvey.Benchmarks.WebCommands.WebAsync(args); return 0; }
if (args.FirstOrDefault() == "memory") { await FieldSurvey.Benchmarks.WebCommands.MemoryAsync(args); return 0; }
if (args.FirstOrDefault() == "coders") return await FieldSurvey.Benchmarks.WebCommands.CodersAsync(args);
if (args.FirstOrDefault() != "report")
{
    Console.WriteLine("usage: dotnet run -c Release --project src/FieldSurvey.Benchmarks -- report | web [--size large|study|small] [--data DIR] [--report-only] | coders --url URL --data DIR [--coders 20] [--segments 25]");
    return 2;
}

const int Firms = 2_000, Transcripts = 2_000, Segments = 200_000, Runs = 5;
var random = new Random(20261125);
string[] parks = ["ZLS", "YZ", "DX"], locations = ["ZLS", "YZ", "DX", "BJ", "CN", "ABROAD"];
string[] types = ["research", "supplier", "customer", "labour", "knowledge"], natures = ["collaborative", "competitive", "neutral"];
string[] activities = ["rd", "clinical", "manufacturing", "sales", "services"];
string[] quotes = ["我们和北京大学医学部合作开展临床前研究，已经合作了五年", "Our most important research partner is Zhongke Qiming in ZLS Park",
    "大兴那边的企业也在抢我们的技术工人，竞争挺激烈的", "We co-develop antibody candidates with a firm in Yizhuang, and they handle pilot-scale production"];
var firmPark = Enumerable.Range(0, Firms).Select(i => parks[i % 3]).ToArray();
var mentions = new List<Mention>(Segments);
for (var i = 0; i < Segments; i++)
{
    var firm = i % Transcripts; // one transcript per firm
    var location = locations[random.Next(locations.Length)];
    var partnerPark = Array.IndexOf(parks, location) >= 0 ? location : null;
    var scope = partnerPark is null ? location switch { "BJ" => Scope.Metropolitan, "CN" => Scope.National, _ => Scope.International }
        : partnerPark == firmPark[firm] ? Scope.WithinCluster : Scope.CrossCluster;
    mentions.Add(new Mention(firm, firmPark[firm], location, partnerPark, scope, types[random.Next(5)], natures[random.Next(3)],
        MentionSource.Coded, i + 1, quotes[i % quotes.Length], "Coder " + (i % 7), i % 3 == 0 ? "Partner 合作方 " + (i % 500) : null, firm));
}
var profiles = Enumerable.Range(0, Firms).Select(i => new FirmProfile(i, firmPark[i],
    activities.Where((_, a) => (i + a) % (2 + i % 3) == 0).ToList())).ToList();
List<Label> L(string[] codes) => codes.Select(c => new Label(c, c, c)).ToList();
var input = new ReportInput(L(parks), L(locations), L(types), L(activities), mentions, profiles,
    new Dictionary<TranscriptBasis, int> { [TranscriptBasis.Complete] = Transcripts }, ClassificationRule.Default);

LinkageReport.Build(input); // warm-up
var computeMs = Measure(() => LinkageReport.Build(input));
string[] pk = parks, lc = locations, ty = types, ac = activities;
var breakdown = new[]
{
    ("index", Measure(() => new MentionIndex(mentions, pk, lc, ty))),
    ("matrices", Measure(() => LinkageMatrix.BuildAll(new MentionIndex(mentions, pk, lc, ty)))),
    ("scope shares", Measure(() => ScopeShares.Build(mentions, pk))),
    ("indicator set (one)", Measure(() => Indicators.For("all", pk, pk, new MentionIndex(mentions, pk, lc, ty), profiles, ac))),
    ("disagreements", Measure(() => SourceComparison.Disagreements(mentions))),
    ("resampling (firm rows, 1,000 resamples and 1,000 relabellings for the three parks and each pair)", Measure(() =>
    {
        var tallies = new FirmTallies(mentions, profiles, pk, ty, ac);
        Uncertainty.Compute(tallies, [tallies.ForSet("all", pk), tallies.ForSet("a", ["ZLS", "YZ"]), tallies.ForSet("b", ["ZLS", "DX"]), tallies.ForSet("c", ["YZ", "DX"])],
            ClassificationRule.Default);
    })),
    ("report without resampling", Measure(() => LinkageReport.Build(input with { Resamples = 0 }))),
};
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
var report = LinkageReport.Build(input);
var loaded = new LoadedReport(report, new ReportFilter(), "Benchmark study", "基准研究",
    Enumerable.Range(0, Firms).ToDictionary(i => i, i => new FirmName(i, $"企业{i}", $"Firm {i}", firmPark[i])),
    new Dictionary<int, string?>(), new Dictionary<string, ClassificationJudgement>(), new Dictionary<string, string>(), DateTimeOffset.UtcNow);

long workbookBytes = 0, plainBytes = 0;
// The app's own string table, as the download page uses it.
var strings = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
    .Create(typeof(FieldSurvey.Web.SharedResource));
var workbookMs = Measure(() => { using var s = new MemoryStream(); ReportWorkbook.Write(s, ReportPresentation.Build(loaded, strings)); workbookBytes = s.Length; });
var plainMs = Measure(() => { using var s = new MemoryStream(); PlainPassages(s, ReportPresentation.Build(loaded, strings).Csv("passages")!); plainBytes = s.Length; });
var ratio = workbookMs / plainMs;

var machine = $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}";
var lines = new[]
{
    "# Report benchmarks",
    "",
    $"Run: `dotnet run -c Release --project src/FieldSurvey.Benchmarks -- report` on {DateTime.UtcNow:yyyy-MM-dd} (UTC).",
    $"Machine: {machine}.",
    $"Data: synthetic, in memory: {Firms:N0} firms, {Transcripts:N0} transcripts, {Segments:N0} coded segments. Median of {Runs} runs after a warm-up; wall-clock, other processes were running on the machine.",
    "",
    "| what | median | target |",
    "| --- | ---: | --- |",
    $"| Core report computation (`LinkageReport.Build`: matrices, shares, indicators, classification, disagreements, intervals and verdict stability over 1,000 resamples of firms) | {computeMs:0} ms | < 300 ms |",
    $"| Full workbook (README, 13 report sheets, {Segments:N0}-row passage sheet), {workbookBytes / 1e6:0.0} MB | {workbookMs:0} ms | ≤ 2× the plain writer |",
    $"| Plain streaming OpenXmlWriter, the same passage rows only, no styles, {plainBytes / 1e6:0.0} MB | {plainMs:0} ms | (baseline) |",
    $"| Ratio workbook ÷ plain | {ratio:0.00}× | ≤ 2× |",
    "",
    "Core computation broken down (each part timed on its own, so the parts overlap): " +
        string.Join("; ", breakdown.Select(b => $"{b.Item1} {b.Item2:0} ms")) + ".",
    $"Load average when the run ended: {load} (on {Environment.ProcessorCount} cores). Other builds and test runs shared the machine, so",
    "figures vary between runs by up to 2× (the Core computation measured 203 ms to 437 ms in successive runs here).",
    "",
    "The plain writer is OpenXmlWriter used the straightforward way (one Cell/InlineString/Text object per cell, no",
    "styles, no other sheets). The workbook writer streams too but reuses its elements and passes attributes directly,",
    "which is why it can beat the plain writer while writing more (styles, frozen headers, auto-filters, 14 sheets).",
    "Core's first version (one pass per matrix and indicator with string look-ups) took ~1.3 s here; indexing the",
    "mentions once (MentionIndex) brought it to about the target (under it in quiet runs, above it under heavy load).",
    "",
    "The workbook is written with DocumentFormat.OpenXml's streaming OpenXmlWriter (inline strings), not ClosedXML:",
    "ClosedXML 0.95.4 keeps every cell in memory and, beside DocumentFormat.OpenXml 3.3.0, its XLWorkbook type",
    "initializer throws InvalidProgramException (it was compiled against the 2.x SDK, whose enums became structs in 3.x).",
};
foreach (var line in lines) Console.WriteLine(line);
var docs = FindDocs();
File.WriteAllLines(Path.Combine(docs, "benchmarks.md"), lines);
Console.WriteLine($"Written to {Path.Combine(docs, "benchmarks.md")}");
return 0;

double Measure(Action action)
{
    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return times.Order().ElementAt(Runs / 2);
}

static void PlainPassages(Stream stream, FieldSurvey.Core.Exports.ReportTable table)
{
    using var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
    var wb = doc.AddWorkbookPart();
    var part = wb.AddNewPart<WorksheetPart>();
    using (var w = OpenXmlWriter.Create(part))
    {
        w.WriteStartElement(new Worksheet());
        w.WriteStartElement(new SheetData());
        foreach (var row in table.Rows)
        {
            w.WriteStartElement(new Row());
            foreach (var value in row)
            {
                if (value is null) continue;
                w.WriteElement(value is int n ? new Cell { CellValue = new CellValue(n) }
                    : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture)!)) });
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }
    wb.Workbook = new Workbook(new Sheets(new Sheet { Id = wb.GetIdOfPart(part), SheetId = 1, Name = "Passages" }));
}

static string FindDocs()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FieldSurvey.sln"))) dir = dir.Parent;
    var docs = Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "docs");
    Directory.CreateDirectory(docs);
    return docs;
}
