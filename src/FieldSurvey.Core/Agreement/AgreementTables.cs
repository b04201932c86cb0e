using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Agreement;

/// <summary>The units of one transcript coded by one pair of coders (names as they should be shown).</summary>
public sealed record CoderPairUnits(int TranscriptId, string Transcript, string CoderA, string CoderB, IReadOnlyList<Unit> Units);

/// <summary>A code of the codebook with its name in the reader's language.</summary>
public sealed record CodeLabel(TermKind Dimension, string Code, string Name);

/// <summary>Conventional reading of alpha (Krippendorff 2004): ≥ .800 reliable, .667–.800 tentative, below unreliable.</summary>
public enum Verdict
{
    Undefined = 0,
    Unreliable = 1,
    Tentative = 2,
    Reliable = 3,
}

/// <summary>The figures of one row: units, percent agreement, Cohen's kappa, alpha and its bootstrap 95 % interval.</summary>
public sealed record AgreementFigures(int Units, double Percent, double Kappa, double Alpha, ConfidenceInterval AlphaInterval)
{
    public Verdict Verdict => AgreementTables.VerdictOf(Alpha);
}

/// <summary>One row: a scope ("All transcripts", a coder pair, a transcript), a dimension, and optionally one code (binary presence).</summary>
public sealed record AgreementRow(string Scope, TermKind Dimension, string? Code, AgreementFigures Figures);

/// <summary>Counts of (first coder's value, second coder's value) over the units of a dimension; codes include "(not coded)".</summary>
public sealed record ConfusionMatrix(TermKind Dimension, IReadOnlyList<string> Codes, int[,] Counts);

public sealed record AgreementSummary(IReadOnlyList<AgreementRow> ByDimension, IReadOnlyList<AgreementRow> ByCode,
    IReadOnlyList<AgreementRow> ByPair, IReadOnlyList<AgreementRow> ByTranscript, IReadOnlyList<ConfusionMatrix> Matrices);

/// <summary>A plain table for pages, CSV and workbooks: text cells are strings, figures are doubles/ints, undefined is null.</summary>
public sealed record AgreementTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// The agreement figures of a study, computed once from plain records so the agreement page, its CSV and
/// the report workbook cannot disagree. Pooled rows ("All transcripts") put each coder in a column of their
/// own (other coders missing) so alpha handles any number of coders; Cohen's kappa is given only where
/// exactly two coders are involved (otherwise NaN). Bootstrap intervals resample units (seeded, reproducible).
/// </summary>
public static class AgreementTables
{
    public const string AllTranscripts = "All transcripts";

    public static Verdict VerdictOf(double alpha) => double.IsNaN(alpha) ? Verdict.Undefined
        : alpha >= 0.800 ? Verdict.Reliable : alpha >= 0.667 ? Verdict.Tentative : Verdict.Unreliable;

    /// <summary>
    /// Figures per dimension and per code (binary presence; only codes some coder applied) over all pairs,
    /// per coder pair and per transcript, and one confusion matrix per dimension (rows: the first coder of
    /// each pair; columns: the second; "(not coded)" last). Bootstrap: <paramref name="replicates"/> resamples
    /// of units with <paramref name="seed"/>, so the same data always prints the same interval.
    /// </summary>
    public static AgreementSummary Summarise(IReadOnlyList<CoderPairUnits> pairs, IReadOnlyList<CodeLabel> codebook,
        int replicates = 1000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(codebook);
        AgreementFigures Figures(IReadOnlyList<IReadOnlyList<string?>> rows, bool twoCoders, bool interval = true) =>
            FiguresOf(rows, twoCoders, interval ? replicates : 0, seed);

        // Per-transcript intervals cost a bootstrap each; with many transcripts they are left out (point figures stay).
        var intervalsPerTranscript = pairs.Select(p => p.TranscriptId).Distinct().Count() <= MaxTranscriptsWithIntervals;
        var twoCodersOverall = TwoCoders(pairs);
        var byDimension = ByDimension(pairs, replicates, seed);
        // A code no coder applied anywhere has nothing to agree on; it would only add rows of "undefined".
        var used = pairs.SelectMany(p => p.Units).SelectMany(u => new[] { u.A, u.B }).OfType<CodedSpan>()
            .SelectMany(s => Units.Dimensions.Select(d => (d, s.Code(d)))).ToHashSet();
        var byCode = codebook.Where(c => used.Contains((c.Dimension, c.Code))).Select(c =>
            new AgreementRow(AllTranscripts, c.Dimension, c.Code, Figures(Pooled(pairs, u => u.Presence(c.Dimension, c.Code)), twoCodersOverall))).ToList();
        var byPair = pairs.GroupBy(p => $"{p.CoderA} × {p.CoderB}").SelectMany(g => Units.Dimensions.Select(d =>
            new AgreementRow(g.Key, d, null, Figures(g.SelectMany(p => p.Units).Select(u => u.Values(d)).ToList(), true)))).ToList();
        var byTranscript = pairs.GroupBy(p => p.Transcript).SelectMany(g => Units.Dimensions.Select(d =>
            new AgreementRow(g.Key, d, null, g.Count() == 1
                ? Figures(g.Single().Units.Select(u => u.Values(d)).ToList(), true, intervalsPerTranscript)
                : Figures(Pooled(g.ToList(), u => u.Values(d)), false, intervalsPerTranscript)))).ToList();

        var matrices = Units.Dimensions.Select(d =>
        {
            var codes = codebook.Where(c => c.Dimension == d).Select(c => c.Code).Append(Units.NotCoded).ToList();
            var counts = new int[codes.Count, codes.Count];
            foreach (var u in pairs.SelectMany(p => p.Units))
            {
                var v = u.Values(d);
                if (v[0] is null || v[1] is null) continue;
                int i = codes.IndexOf(v[0]!), j = codes.IndexOf(v[1]!);
                if (i >= 0 && j >= 0) counts[i, j]++;
            }
            return new ConfusionMatrix(d, codes, counts);
        }).ToList();
        return new AgreementSummary(byDimension, byCode, byPair, byTranscript, matrices);
    }

    /// <summary>
    /// The first table of <see cref="Summarise"/> alone (all transcripts, one row per dimension, same bootstrap):
    /// the headline the PI's home page shows, without the cost of the per-code, per-pair and per-transcript rows.
    /// </summary>
    public static IReadOnlyList<AgreementRow> ByDimension(IReadOnlyList<CoderPairUnits> pairs, int replicates = 1000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var twoCodersOverall = TwoCoders(pairs);
        return Units.Dimensions.Select(d =>
            new AgreementRow(AllTranscripts, d, null, FiguresOf(Pooled(pairs, u => u.Values(d)), twoCodersOverall, replicates, seed))).ToList();
    }

    static bool TwoCoders(IReadOnlyList<CoderPairUnits> pairs) =>
        pairs.SelectMany(p => new[] { p.CoderA, p.CoderB }).Distinct(StringComparer.Ordinal).Count() == 2;

    // replicates 0: point figures only (no bootstrap).
    static AgreementFigures FiguresOf(IReadOnlyList<IReadOnlyList<string?>> rows, bool twoCoders, int replicates, int seed) => new(
        rows.Count(r => r.Count(v => v is not null) >= 2),
        Reliability.PercentAgreement(rows),
        twoCoders ? Reliability.CohensKappa(rows) : double.NaN,
        Reliability.KrippendorffAlpha(rows),
        replicates > 0 ? Interval(rows, replicates, seed) : NoInterval);

    /// <summary>Above this many transcripts the per-transcript rows carry no bootstrap interval.</summary>
    public const int MaxTranscriptsWithIntervals = 100;

    /// <summary>
    /// Draws of units one interval may cost (replicates × units). A study of thousands of units gets fewer
    /// replicates (never fewer than <see cref="MinReplicates"/>; below that no interval is computed), which
    /// keeps the agreement page and the exports usable at 100,000 units, where the interval is narrow anyway.
    /// </summary>
    public const int BootstrapBudget = 2_000_000;
    public const int MinReplicates = 100;
    static readonly ConfidenceInterval NoInterval = new(double.NaN, double.NaN, 0, 0);

    static ConfidenceInterval Interval(IReadOnlyList<IReadOnlyList<string?>> rows, int replicates, int seed)
    {
        var affordable = Math.Min(replicates, BootstrapBudget / Math.Max(1, rows.Count));
        return affordable < Math.Min(MinReplicates, replicates) ? NoInterval
            : Reliability.BootstrapInterval(rows, Reliability.KrippendorffAlpha, affordable, seed);
    }

    // Pooled rows: one column per coder (others missing); with exactly two coders, the columns are the pair itself.
    static IReadOnlyList<IReadOnlyList<string?>> Pooled(IReadOnlyList<CoderPairUnits> pairs, Func<Unit, IReadOnlyList<string?>> values)
    {
        var coders = pairs.SelectMany(p => new[] { p.CoderA, p.CoderB }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return pairs.SelectMany(p => p.Units.Select(u =>
        {
            var pair = values(u);
            var row = new string?[coders.Count];
            row[coders.IndexOf(p.CoderA)] = pair[0];
            row[coders.IndexOf(p.CoderB)] = pair[1];
            return (IReadOnlyList<string?>)row;
        })).ToList();
    }

    /// <summary>
    /// The agreement tables for the report workbook and CSV: figures per dimension, per code, per coder pair,
    /// per transcript, and one confusion matrix per dimension. <paramref name="translate"/> localises the
    /// fixed English words (headers, titles, verdicts); code names come from <paramref name="codebook"/>.
    /// Figures are rounded to three decimals; undefined figures are null cells.
    /// </summary>
    public static IReadOnlyList<AgreementTable> Build(AgreementSummary summary, IReadOnlyList<CodeLabel> codebook, Func<string, string>? translate = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var t = translate ?? (s => s);
        string Name(TermKind d, string? code) => code is null ? t(DimensionName(d))
            : code == Units.NotCoded ? t(Units.NotCoded)
            : codebook.FirstOrDefault(c => c.Dimension == d && c.Code == code)?.Name ?? code;
        string[] figureHeaders = [t("Units"), t("Percent agreement"), t("Cohen's kappa"), t("Krippendorff's alpha"),
            t("Verdict"), t("Alpha 95% CI low"), t("Alpha 95% CI high")];
        object?[] Cells(AgreementFigures f) => [f.Units, Round(f.Percent), Round(f.Kappa), Round(f.Alpha),
            t(VerdictName(f.Verdict)), Round(f.AlphaInterval.Lower), Round(f.AlphaInterval.Upper)];

        AgreementTable Rows(string title, string scopeHeader, IEnumerable<AgreementRow> rows, bool withCode) => new(t(title),
            [t(scopeHeader), t("Dimension"), .. withCode ? new[] { t("Code") } : [], .. figureHeaders],
            rows.Select(r => (IReadOnlyList<object?>)new object?[] { r.Scope == AllTranscripts ? t(AllTranscripts) : r.Scope, Name(r.Dimension, null) }
                .Concat(withCode ? [Name(r.Dimension, r.Code)] : []).Concat(Cells(r.Figures)).ToList()).ToList());

        var tables = new List<AgreementTable>
        {
            Rows("Agreement by dimension", "Scope", summary.ByDimension, false),
            Rows("Agreement by code (presence)", "Scope", summary.ByCode, true),
            Rows("Agreement by coder pair", "Coder pair", summary.ByPair, false),
            Rows("Agreement by transcript", "Transcript", summary.ByTranscript, false),
        };
        foreach (var m in summary.Matrices)
            tables.Add(new AgreementTable($"{t("Confusion matrix")}: {Name(m.Dimension, null)}",
                [t("First coder \\ second coder"), .. m.Codes.Select(c => Name(m.Dimension, c))],
                m.Codes.Select((c, i) => (IReadOnlyList<object?>)new object?[] { Name(m.Dimension, c) }
                    .Concat(m.Codes.Select((_, j) => (object?)m.Counts[i, j])).ToList()).ToList()));
        return tables;
    }

    /// <summary>Summarise and build in one call: what the report workbook needs from the coders' units.</summary>
    public static IReadOnlyList<AgreementTable> Build(IReadOnlyList<CoderPairUnits> pairs, IReadOnlyList<CodeLabel> codebook,
        Func<string, string>? translate = null, int replicates = 1000, int seed = 1) =>
        Build(Summarise(pairs, codebook, replicates, seed), codebook, translate);

    public static string DimensionName(TermKind dimension) => dimension switch
    {
        TermKind.LinkageType => "Linkage type",
        TermKind.PartnerLocation => "Partner location",
        TermKind.PartnerKind => "Partner kind",
        TermKind.Nature => "Nature",
        _ => dimension.ToString(),
    };

    public static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Reliable => "reliable",
        Verdict.Tentative => "tentative",
        Verdict.Unreliable => "unreliable",
        _ => "undefined",
    };

    static double? Round(double x) => double.IsNaN(x) ? null : Math.Round(x, 3);
}
