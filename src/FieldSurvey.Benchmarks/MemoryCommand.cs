using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Synthetic;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Pages.Agreement;
using FieldSurvey.Web.Pages.Reports;
using FieldSurvey.Web.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Benchmarks;

public static partial class WebCommands
{
    /// <summary>
    /// <c>-- memory [--size large] [--data DIR]</c>: what each step of a workbook download allocates and what it leaves
    /// alive, step by step, on the synthetic study (the app's own functions in this process; full collections between
    /// steps). Where the workbook's peak memory goes.
    /// </summary>
    public static async Task MemoryAsync(string[] args)
    {
        var size = Enum.Parse<SyntheticSize>(Arg(args, "--size", "large"), ignoreCase: true);
        var data = Arg(args, "--data", Path.Combine(Path.GetTempPath(), $"fieldsurvey-bench-{size.ToString().ToLowerInvariant()}"));
        await using var app = new BenchApp(data);
        Console.WriteLine($"Data folder {data}: {await app.EnsureStudyAsync(size)}");
        var t = app.Services.GetRequiredService<IStringLocalizer<FieldSurvey.Web.SharedResource>>();
        var filter = new ReportFilter();
        await app.WithAsync((db, _) => ReportData.ReadAsync(db, filter)); // warm-up: EF's compiled queries, the model
        long Live() => GC.GetTotalMemory(forceFullCollection: true);
        var baseLive = Live();
        Console.WriteLine($"| step | allocated | alive after (kept by the step) | alive in all | peak resident during the step |");
        Console.WriteLine($"| --- | ---: | ---: | ---: | ---: |");
        var last = baseLive;
        async Task<T> Step<T>(string what, Func<Task<T>> step)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            Bench.ResetPeakMemory();
            var result = await step();
            var peak = Bench.PeakMemoryMb();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var live = Live();
            Console.WriteLine($"| {what} | {allocated / 1048576.0:0} MB | {(live - last) / 1048576.0:0} MB | {(live - baseLive) / 1048576.0:0} MB | {peak:0} MB |");
            last = live;
            return result;
        }
        var source = await Step("read the report input", () => app.WithAsync((db, _) => ReportData.ReadAsync(db, filter)));
        var point = await Step("Core, point figures", () => Task.FromResult(ReportData.Compute(source, DateTimeOffset.UtcNow, 0)));
        var full = await Step("Core, with the resampling", () => Task.FromResult(ReportData.Compute(source, DateTimeOffset.UtcNow, FieldSurvey.Core.Reporting.Uncertainty.DefaultResamples)));
        var view = await Step("presentation", () => Task.FromResult(ReportPresentation.Build(full, t)));
        var units = await Step("agreement units", () => app.WithAsync(async (db, _) => await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default)));
        var codebook = await app.WithAsync((db, _) => db.CodebookAsync());
        using var sampler = new AllocationSampler();
        sampler.On = args.Contains("--types");
        var agreement = await Step("agreement tables", () => Task.FromResult(AgreementTables.Build(units, codebook, s => t[s], basis: AgreementBasis.Coding)));
        sampler.On = false;
        foreach (var (type, bytes) in sampler.Top(15)) Console.WriteLine($"  agreement tables allocate {bytes / 1048576.0:0} MB of {type}");
        await Step("workbook written", () => { ReportWorkbook.Write(Stream.Null, view, agreement); return Task.FromResult(0); });
        GC.KeepAlive(point);
        GC.KeepAlive(source);
    }
}

/// <summary>Samples the runtime's allocation events (one per ~100 KB allocated) by type: what a step allocates most.</summary>
sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> bytes = new();
    public bool On { get; set; }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (!On || e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
    }

    public IEnumerable<(string Type, long Bytes)> Top(int n) => bytes.OrderByDescending(kv => kv.Value).Take(n).Select(kv => (kv.Key, kv.Value));
}
