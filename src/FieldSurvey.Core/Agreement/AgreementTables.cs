using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Agreement;

/// <summary>The units of one transcript coded by one pair of coders (names as they should be shown).</summary>
public sealed record CoderPairUnits(int TranscriptId, string Transcript, string CoderA, string CoderB, IReadOnlyList<Unit> Units);

/// <summary>A code of the codebook with its name in the reader's language.</summary>
public sealed record CodeLabel(TermKind Dimension, string Code, string Name);

/// <summary>Conventional reading of alpha (Krippendorff 2004): ≥ .800 reliable, .667–.800 tentative, below unreliable.</summary>
public enum AlphaReading
{
    Undefined = 0,
    Unreliable = 1,
    Tentative = 2,
    Reliable = 3,
}

/// <summary>
/// The figures of one row: units, percent agreement, Cohen's kappa, alpha and its 95 % interval from Krippendorff's
/// bootstrap (<see cref="AlphaInterval"/> = <see cref="Distribution"/>'s interval, with the replicates used; 0 when
/// none was computed), q, Brennan–Prediger kappa, Gwet's AC1, and a second interval from resampling whole transcripts.
/// </summary>
public sealed record AgreementFigures(int Units, double Percent, double Kappa, double Alpha, ConfidenceInterval AlphaInterval)
{
    public AlphaReading Reading => AgreementTables.ReadingOf(Alpha);
    public double BrennanPrediger { get; init; } = double.NaN;
    public double GwetAc1 { get; init; } = double.NaN;
    public AlphaDistribution Distribution { get; init; } = AlphaDistribution.None;
    /// <summary>Transcripts resampled with replacement (clusters kept whole); 0 replicates when not computed.</summary>
    public ConfidenceInterval ClusterInterval { get; init; } = new(double.NaN, double.NaN, 0, 0);
}

/// <summary>
/// Which units the coding figures use. <see cref="Coding"/>: only passages both coders marked, so the figures say
/// whether they coded the same passages the same way (whether they found the same passages is
/// <see cref="AgreementSummary.Unitizing"/>). <see cref="Combined"/>: every passage either marked, the other coder's
/// value being "(not coded)", which mixes both questions into one figure. Either way a blank field is missing.
/// </summary>
public enum AgreementBasis
{
    Combined = 0,
    Coding = 1,
}

/// <summary>
/// Did the coders find the same passages? Units (passages) either coder marked, found by both, and by one only;
/// positive agreement = 2·both ÷ (passages of the first + passages of the second), the share of each coder's
/// passages the other also marked (Dice). Not chance-corrected: chance needs the text between passages
/// (Krippendorff's unitizing alpha), which the units do not keep.
/// </summary>
public sealed record UnitizingRow(string Scope, int Units, int Both, int FirstOnly, int SecondOnly)
{
    public double PositiveAgreement => Units == 0 ? double.NaN : 2.0 * Both / (2.0 * Both + FirstOnly + SecondOnly);
}

/// <summary>How many passages each coder gave each code of a dimension (codes as columns; then blanks, then "(not coded)").</summary>
public sealed record CoderCodeCounts(TermKind Dimension, IReadOnlyList<string> Coders, IReadOnlyList<string> Codes, int[,] Counts);

/// <summary>One row: a scope ("All transcripts", a coder pair, a transcript), a dimension, and optionally one code (binary presence).</summary>
public sealed record AgreementRow(string Scope, TermKind Dimension, string? Code, AgreementFigures Figures);

/// <summary>Counts of (first coder's value, second coder's value) over the units of a dimension; codes include "(not coded)".</summary>
public sealed record ConfusionMatrix(TermKind Dimension, IReadOnlyList<string> Codes, int[,] Counts);

public sealed record AgreementSummary(IReadOnlyList<AgreementRow> ByDimension, IReadOnlyList<AgreementRow> ByCode,
    IReadOnlyList<AgreementRow> ByPair, IReadOnlyList<AgreementRow> ByTranscript, IReadOnlyList<ConfusionMatrix> Matrices)
{
    public AgreementBasis Basis { get; init; }
    public IReadOnlyList<UnitizingRow> Unitizing { get; init; } = [];
    public IReadOnlyList<CoderCodeCounts> Marginals { get; init; } = [];
    /// <summary>Per thematic code (dimension <see cref="TermKind.Theme"/>): presence per unit, over all transcripts.</summary>
    public IReadOnlyList<AgreementRow> ByTheme { get; init; } = [];
}

/// <summary>
/// The agreement figures of a study, computed once from plain records so the agreement page, its CSV and
/// the report workbook cannot disagree. Pooled rows ("All transcripts") put each coder in a column of their
/// own (other coders missing) so alpha handles any number of coders; Cohen's kappa is given only where
/// exactly two coders are involved (otherwise NaN). Alpha's interval and q come from Krippendorff's bootstrap,
/// which draws pairs of values as if independent; because passages cluster within transcripts (one interview
/// yields many), pooled and pair rows add an interval that resamples whole transcripts instead.
/// </summary>
public static class AgreementTables
{
    public const string AllTranscripts = "All transcripts";

    public static AlphaReading ReadingOf(double alpha) => double.IsNaN(alpha) ? AlphaReading.Undefined
        : alpha >= 0.800 ? AlphaReading.Reliable : alpha >= 0.667 ? AlphaReading.Tentative : AlphaReading.Unreliable;

    /// <summary>
    /// Figures per dimension and per code (binary presence; only codes some coder applied) over all pairs,
    /// per coder pair and per transcript, one confusion matrix per dimension (rows: the first coder of each
    /// pair; columns: the second; "(not coded)" last), agreement on passages found, each coder's codes, and per thematic code of the codebook
    /// (<see cref="TermKind.Theme"/> labels; presence per unit, only codes some coder applied).
    /// <paramref name="basis"/> chooses the units of the coding figures (the default keeps the combined figure
    /// earlier versions printed). Alpha's interval and q: Krippendorff's bootstrap, <paramref name="replicates"/>
    /// replicates with <paramref name="seed"/>, so the same data always print the same figures; pooled and pair
    /// rows also get the transcript-resampling interval within <see cref="BootstrapBudget"/>. Brennan–Prediger and
    /// AC1 take q from the codebook (the dimension's codes, plus "(not coded)" in the combined basis; 2 for presence).
    /// </summary>
    public static AgreementSummary Summarise(IReadOnlyList<CoderPairUnits> pairs, IReadOnlyList<CodeLabel> codebook,
        int replicates = 1000, int seed = 1, AgreementBasis basis = AgreementBasis.Combined) =>
        Summarise(pairs, codebook, replicates, seed, basis, headlineOnly: false);

    /// <summary>
    /// The first table of <see cref="Summarise(IReadOnlyList{CoderPairUnits}, IReadOnlyList{CodeLabel}, int, int, AgreementBasis)"/>
    /// alone (all transcripts, one row per dimension, same bootstrap): the headline the PI's home page shows,
    /// without the cost of the per-code, per-pair and per-transcript rows.
    /// </summary>
    public static IReadOnlyList<AgreementRow> ByDimension(IReadOnlyList<CoderPairUnits> pairs, IReadOnlyList<CodeLabel> codebook,
        int replicates = 1000, int seed = 1, AgreementBasis basis = AgreementBasis.Coding) =>
        Summarise(pairs, codebook, replicates, seed, basis, headlineOnly: true).ByDimension;

    static AgreementSummary Summarise(IReadOnlyList<CoderPairUnits> pairs, IReadOnlyList<CodeLabel> codebook,
        int replicates, int seed, AgreementBasis basis, bool headlineOnly)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(codebook);
        IEnumerable<Unit> Of(CoderPairUnits p) => basis == AgreementBasis.Coding ? p.Units.Where(u => u.IsMatched) : p.Units;
        int Categories(TermKind d) => codebook.Count(c => c.Dimension == d) + (basis == AgreementBasis.Combined ? 1 : 0);
        var coders = pairs.SelectMany(p => new[] { p.CoderA, p.CoderB }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        AgreementFigures Figures(IReadOnlyList<(int Transcript, IReadOnlyList<string?> Row)> data, bool twoCoders, int categories,
            bool interval = true, bool clustered = true)
        {
            var rows = new List<IReadOnlyList<string?>>(data.Count);
            var pairable = 0;
            foreach (var (_, row) in data)
            {
                rows.Add(row);
                var present = 0;
                for (var i = 0; i < row.Count; i++) if (row[i] is not null) present++;
                if (present >= 2) pairable++;
            }
            var distribution = interval ? Reliability.KrippendorffBootstrap(rows, replicates: replicates, seed: seed) : AlphaDistribution.None;
            return new AgreementFigures(
                pairable,
                Reliability.PercentAgreement(rows),
                twoCoders ? Reliability.CohensKappa(rows) : double.NaN,
                // The bootstrap's alpha is the same coincidence matrix's: computed once, not twice.
                interval ? distribution.Alpha : Reliability.KrippendorffAlpha(rows),
                distribution.Interval)
            {
                BrennanPrediger = Reliability.BrennanPrediger(rows, categories),
                GwetAc1 = Reliability.GwetAc1(rows, categories),
                Distribution = distribution,
                ClusterInterval = clustered ? ClusterInterval(data, replicates, seed) : NoInterval,
            };
        }
        // Pooled rows: one column per coder (others missing); with exactly two coders, the columns are the pair itself.
        // Loops into a list sized first: it holds a row per unit (100,000 at study size), once per code and dimension.
        List<(int, IReadOnlyList<string?>)> Pooled(IEnumerable<CoderPairUnits> some, Func<Unit, IReadOnlyList<string?>> values)
        {
            var list = some as IReadOnlyCollection<CoderPairUnits> ?? some.ToList();
            var result = new List<(int, IReadOnlyList<string?>)>(list.Sum(p => p.Units.Count));
            foreach (var p in list)
            {
                // Two coders in the pair's own order: the pair is the row already (no copy per unit).
                var asIs = coders.Count == 2 && p.CoderA == coders[0] && p.CoderB == coders[1];
                int a = coders.IndexOf(p.CoderA), b = coders.IndexOf(p.CoderB);
                foreach (var u in Of(p))
                {
                    var pair = values(u);
                    if (asIs) { result.Add((p.TranscriptId, pair)); continue; }
                    var row = new string?[coders.Count];
                    row[a] = pair[0];
                    row[b] = pair[1];
                    result.Add((p.TranscriptId, row));
                }
            }
            return result;
        }
        List<(int, IReadOnlyList<string?>)> Paired(IEnumerable<CoderPairUnits> some, Func<Unit, IReadOnlyList<string?>> values)
        {
            var list = some as IReadOnlyCollection<CoderPairUnits> ?? some.ToList();
            var result = new List<(int, IReadOnlyList<string?>)>(list.Sum(p => p.Units.Count));
            foreach (var p in list)
                foreach (var u in Of(p)) result.Add((p.TranscriptId, values(u)));
            return result;
        }

        // Per-transcript intervals cost a bootstrap each; with many transcripts they are left out (point figures stay).
        var intervalsPerTranscript = pairs.Select(p => p.TranscriptId).Distinct().Count() <= MaxTranscriptsWithIntervals;
        var twoCodersOverall = coders.Count == 2;
        var byDimension = Units.Dimensions.Select(d =>
            new AgreementRow(AllTranscripts, d, null, Figures(Pooled(pairs, u => u.Values(d)), twoCodersOverall, Categories(d)))).ToList();
        if (headlineOnly) return new AgreementSummary(byDimension, [], [], [], []) { Basis = basis };
        // A code no coder applied anywhere has nothing to agree on; it would only add rows of "undefined".
        var used = pairs.SelectMany(Of).SelectMany(u => new[] { u.A, u.B }).OfType<CodedSpan>()
            .SelectMany(s => Units.Dimensions.Select(d => (d, s.Code(d)))).ToHashSet();
        var byCode = codebook.Where(c => used.Contains((c.Dimension, c.Code))).Select(c =>
            new AgreementRow(AllTranscripts, c.Dimension, c.Code, Figures(Pooled(pairs, u => u.Presence(c.Dimension, c.Code)), twoCodersOverall, 2))).ToList();
        // Thematic codes: presence per unit, the same units as the dimensions; only codes some coder applied.
        var usedThemes = pairs.SelectMany(Of).SelectMany(u => new[] { u.A, u.B }).OfType<CodedSpan>().SelectMany(s => s.Themes).ToHashSet(StringComparer.Ordinal);
        var byTheme = codebook.Where(c => c.Dimension == TermKind.Theme && usedThemes.Contains(c.Code)).Select(c =>
            new AgreementRow(AllTranscripts, TermKind.Theme, c.Code, Figures(Pooled(pairs, u => u.ThemePresence(c.Code)), twoCodersOverall, 2))).ToList();
        var byPair = pairs.GroupBy(p => $"{p.CoderA} × {p.CoderB}").SelectMany(g => Units.Dimensions.Select(d =>
            new AgreementRow(g.Key, d, null, Figures(Paired(g, u => u.Values(d)), true, Categories(d))))).ToList();
        var byTranscript = pairs.GroupBy(p => p.Transcript).SelectMany(g => Units.Dimensions.Select(d =>
            new AgreementRow(g.Key, d, null, g.Count() == 1
                ? Figures(Paired(g, u => u.Values(d)), true, Categories(d), intervalsPerTranscript, clustered: false)
                : Figures(Pooled(g, u => u.Values(d)), false, Categories(d), intervalsPerTranscript, clustered: false)))).ToList();

        var matrices = Units.Dimensions.Select(d =>
        {
            var codes = codebook.Where(c => c.Dimension == d).Select(c => c.Code).Append(Units.NotCoded).ToList();
            var counts = new int[codes.Count, codes.Count];
            foreach (var u in pairs.SelectMany(Of))
            {
                var v = u.Values(d);
                if (v[0] is null || v[1] is null) continue;
                int i = codes.IndexOf(v[0]!), j = codes.IndexOf(v[1]!);
                if (i >= 0 && j >= 0) counts[i, j]++;
            }
            return new ConfusionMatrix(d, codes, counts);
        }).ToList();

        static UnitizingRow Found(string scope, IEnumerable<CoderPairUnits> some)
        {
            var units = some.SelectMany(p => p.Units).ToList();
            return new UnitizingRow(scope, units.Count, units.Count(u => u.IsMatched), units.Count(u => u.B is null), units.Count(u => u.A is null));
        }
        var unitizing = new[] { Found(AllTranscripts, pairs) }
            .Concat(pairs.GroupBy(p => $"{p.CoderA} × {p.CoderB}").Select(g => Found(g.Key, g))).ToList();

        return new AgreementSummary(byDimension, byCode, byPair, byTranscript, matrices)
        {
            Basis = basis,
            Unitizing = unitizing,
            ByTheme = byTheme,
            Marginals = Units.Dimensions.Select(d => CodesByCoder(pairs, Of, codebook, coders, d, basis)).ToList(),
        };
    }

    // Each coder's segments are counted once, even when a third coder puts them in two pairs; "(not coded)" counts
    // the units of the combined basis where the coder has no segment.
    static CoderCodeCounts CodesByCoder(IReadOnlyList<CoderPairUnits> pairs, Func<CoderPairUnits, IEnumerable<Unit>> of,
        IReadOnlyList<CodeLabel> codebook, List<string> coders, TermKind d, AgreementBasis basis)
    {
        var codes = codebook.Where(c => c.Dimension == d).Select(c => c.Code).Append(Blank)
            .Concat(basis == AgreementBasis.Combined ? [Units.NotCoded] : Array.Empty<string>()).ToList();
        var counts = new int[coders.Count, codes.Count];
        var seen = new HashSet<(string, int)>();
        void Count(string coder, CodedSpan? side)
        {
            if (side is not null && !seen.Add((coder, side.SegmentId))) return;
            var column = codes.IndexOf(side is null ? Units.NotCoded : side.Code(d) ?? Blank);
            if (column >= 0) counts[coders.IndexOf(coder), column]++;
        }
        foreach (var p in pairs)
            foreach (var u in of(p))
            {
                Count(p.CoderA, u.A);
                Count(p.CoderB, u.B);
            }
        return new CoderCodeCounts(d, coders, codes, counts);
    }

    /// <summary>The column of <see cref="CoderCodeCounts"/> for segments that leave the dimension blank.</summary>
    public const string Blank = "(blank)";

    /// <summary>Above this many transcripts the per-transcript rows carry no bootstrap interval.</summary>
    public const int MaxTranscriptsWithIntervals = 100;

    /// <summary>
    /// Draws of units the transcript-resampling interval may cost (replicates × units). A study of thousands of
    /// units gets fewer replicates (never fewer than <see cref="MinReplicates"/>; below that none is computed and
    /// the row says 0 replicates), which keeps the page and exports usable at 100,000 units. Krippendorff's
    /// bootstrap needs no budget: each replicate draws at most 25 pairs per non-empty coincidence cell.
    /// </summary>
    public const int BootstrapBudget = 2_000_000;
    public const int MinReplicates = 100;
    static readonly ConfidenceInterval NoInterval = new(double.NaN, double.NaN, 0, 0);

    static ConfidenceInterval ClusterInterval(IReadOnlyList<(int Transcript, IReadOnlyList<string?> Row)> data, int replicates, int seed)
    {
        var clusters = data.GroupBy(x => x.Transcript).Select(g => (IReadOnlyList<IReadOnlyList<string?>>)g.Select(x => x.Row).ToList()).ToList();
        var affordable = Math.Min(replicates, BootstrapBudget / Math.Max(1, data.Count));
        return clusters.Count < 2 || affordable < Math.Min(MinReplicates, replicates) ? NoInterval
            : Reliability.ClusterBootstrap(clusters, Reliability.KrippendorffAlpha, affordable, seed);
    }

    /// <summary>
    /// The agreement tables for the page, its CSV, the report workbook and the read API: figures per dimension, per
    /// code, per coder pair, per transcript, one confusion matrix per dimension, agreement on passages found and each
    /// coder's codes, then agreement per thematic code. Each is a <see cref="ReportTable"/> named "Agreement 1", "Agreement 2", ... (sheet names must be
    /// short and unique) whose columns say their kind: counts are integers, coefficients indices (three decimals), so
    /// the workbook gets numbers and the page prints them with <see cref="ColumnFormats.Display"/>.
    /// <paramref name="translate"/> localises the fixed English words (headers, titles, verdicts); code names come
    /// from <paramref name="codebook"/>. Figures are rounded to three decimals; undefined figures are null cells.
    /// </summary>
    public static IReadOnlyList<ReportTable> Build(AgreementSummary summary, IReadOnlyList<CodeLabel> codebook, Func<string, string>? translate = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var t = translate ?? (s => s);
        string Name(TermKind d, string? code) => code is null ? t(DimensionName(d))
            : code == Units.NotCoded ? t(Units.NotCoded)
            : codebook.FirstOrDefault(c => c.Dimension == d && c.Code == code)?.Name ?? code;
        Column Label(string header) => new(t(header), ColumnKind.Text, 28);
        Column Text(string header) => new(t(header));
        Column Count(string header) => new(header, ColumnKind.Integer);
        Column Index(string header) => new(t(header), ColumnKind.Index);
        // New columns go after the old ones, so readers of the earlier workbook find theirs where they were.
        Column[] figureColumns = [Count(t("Units")), Index("Percent agreement"), Index("Cohen's kappa"), Index("Krippendorff's alpha"),
            Text("Verdict"), Index("Alpha 95% CI low"), Index("Alpha 95% CI high"), Count(t("Replicates")), Count(t("Undefined replicates (counted as 0)")),
            Index("q (alpha < 0.800)"), Index("q (alpha < 0.667)"), Index("Brennan–Prediger kappa"), Index("Gwet's AC1"),
            Index("Alpha 95% CI low, transcripts resampled"), Index("Alpha 95% CI high, transcripts resampled"), Count(t("Replicates, transcripts resampled"))];
        object?[] Cells(AgreementFigures f) => [f.Units, Round(f.Percent), Round(f.Kappa), Round(f.Alpha),
            t(ReadingName(f.Reading)), Round(f.AlphaInterval.Lower), Round(f.AlphaInterval.Upper), f.Distribution.Replicates,
            f.Distribution.Undefined, Round(f.Distribution.Q(0.800)), Round(f.Distribution.Q(0.667)), Round(f.BrennanPrediger), Round(f.GwetAc1),
            Round(f.ClusterInterval.Lower), Round(f.ClusterInterval.Upper), f.ClusterInterval.Replicates];
        string Scope(string scope) => scope == AllTranscripts ? t(AllTranscripts) : scope;

        var tables = new List<(string Title, Column[] Columns, List<object?[]> Rows)>();
        void Rows(string title, string scopeHeader, IEnumerable<AgreementRow> rows, bool withCode) => tables.Add((t(title),
            [Label(scopeHeader), Text("Dimension"), .. withCode ? new[] { Text("Code") } : [], .. figureColumns],
            rows.Select(r => new object?[] { Scope(r.Scope), Name(r.Dimension, null) }
                .Concat(withCode ? [Name(r.Dimension, r.Code)] : []).Concat(Cells(r.Figures)).ToArray()).ToList()));
        // A square of counts: one row per value of the first coder (or per coder), one integer column per code.
        void Counts(string title, string cornerHeader, IReadOnlyList<string> rowLabels, IReadOnlyList<string> codeLabels, int[,] counts) =>
            tables.Add((title, [Label(cornerHeader), .. codeLabels.Select(Count)],
                rowLabels.Select((label, i) => new object?[] { label }.Concat(codeLabels.Select((_, j) => (object?)counts[i, j])).ToArray()).ToList()));

        Rows("Agreement by dimension", "Scope", summary.ByDimension, false);
        Rows("Agreement by code (presence)", "Scope", summary.ByCode, true);
        Rows("Agreement by coder pair", "Coder pair", summary.ByPair, false);
        Rows("Agreement by transcript", "Transcript", summary.ByTranscript, false);
        foreach (var m in summary.Matrices)
        {
            var names = m.Codes.Select(c => Name(m.Dimension, c)).ToList();
            Counts($"{t("Confusion matrix")}: {Name(m.Dimension, null)}", "First coder \\ second coder", names, names, m.Counts);
        }
        tables.Add((t("Agreement on passages found"),
            [Label("Scope"), Count(t("Passages")), Count(t("Found by both")), Count(t("First coder only")), Count(t("Second coder only")), Index("Positive agreement")],
            summary.Unitizing.Select(u => new object?[] { Scope(u.Scope), u.Units, u.Both, u.FirstOnly, u.SecondOnly, Round(u.PositiveAgreement) }).ToList()));
        foreach (var m in summary.Marginals)
            Counts($"{t("Codes by coder")}: {Name(m.Dimension, null)}", "Coder", m.Coders,
                m.Codes.Select(c => c == Blank ? t(Blank) : Name(m.Dimension, c)).ToList(), m.Counts);
        // Last, so the earlier tables keep their sheet names ("Agreement 1" ...) for readers of older workbooks.
        Rows("Agreement by thematic code (presence)", "Scope", summary.ByTheme, true);
        return tables.Select((x, i) => new ReportTable($"Agreement {i + 1}", x.Title, x.Columns, x.Rows)).ToList();
    }

    /// <summary>Summarise and build in one call: what the report workbook needs from the coders' units.</summary>
    public static IReadOnlyList<ReportTable> Build(IReadOnlyList<CoderPairUnits> pairs, IReadOnlyList<CodeLabel> codebook,
        Func<string, string>? translate = null, int replicates = 1000, int seed = 1, AgreementBasis basis = AgreementBasis.Combined) =>
        Build(Summarise(pairs, codebook, replicates, seed, basis), codebook, translate);

    public static string DimensionName(TermKind dimension) => dimension switch
    {
        TermKind.LinkageType => "Linkage type",
        TermKind.PartnerLocation => "Partner location",
        TermKind.PartnerKind => "Partner kind",
        TermKind.Nature => "Nature",
        TermKind.Theme => "Thematic code",
        _ => dimension.ToString(),
    };

    public static string ReadingName(AlphaReading reading) => reading switch
    {
        AlphaReading.Reliable => "reliable",
        AlphaReading.Tentative => "tentative",
        AlphaReading.Unreliable => "unreliable",
        _ => "undefined",
    };

    static double? Round(double x) => double.IsNaN(x) ? null : Math.Round(x, 3);
}
