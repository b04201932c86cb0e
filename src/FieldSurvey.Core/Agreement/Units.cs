using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Agreement;

/// <summary>
/// One coder's segment reduced to what agreement needs: its span, its four codes (term codes) and the codes of the
/// thematic codes it carries (<see cref="Themes"/>, empty when it carries none).
/// </summary>
public sealed record CodedSpan(int SegmentId, int Start, int End, string? LinkageType, string? PartnerLocation,
    string? PartnerKind, string? Nature)
{
    public int Length => Math.Max(0, End - Start);

    /// <summary>Codes of the thematic codes on the segment. A theme is present or absent, never blank.</summary>
    public IReadOnlySet<string> Themes { get; init; } = NoThemes;

    /// <summary>The empty set of themes, shared by every span without one.</summary>
    public static readonly IReadOnlySet<string> NoThemes = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <summary>The code on one coding dimension (<see cref="TermKind.LinkageType"/> … <see cref="TermKind.Nature"/>).</summary>
    public string? Code(TermKind dimension) => dimension switch
    {
        TermKind.LinkageType => LinkageType,
        TermKind.PartnerLocation => PartnerLocation,
        TermKind.PartnerKind => PartnerKind,
        TermKind.Nature => Nature,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Not a coding dimension."),
    };
}

/// <summary>How the overlap of two spans is measured.</summary>
public enum OverlapMeasure
{
    /// <summary>Overlap length ÷ length of the shorter span: a short quote inside a longer one of the same passage matches fully.</summary>
    ShorterSpan = 0,
    /// <summary>Overlap length ÷ length of the union (Jaccard): also penalises one coder quoting much more than the other.</summary>
    Jaccard = 1,
}

/// <summary>The matching rule: spans whose overlap reaches <see cref="Minimum"/> (0 &lt; minimum ≤ 1) may become one unit.</summary>
public sealed record MatchRule(OverlapMeasure Measure = OverlapMeasure.ShorterSpan, double Minimum = 0.5)
{
    public static readonly MatchRule Default = new();
}

/// <summary>
/// A unit of analysis: a passage coded by coder A, by coder B, or by both (matched). A side that is null
/// means that coder did not code the passage at all, which counts as the value <see cref="Units.NotCoded"/> —
/// a disagreement, not a missing value.
/// </summary>
public sealed record Unit(CodedSpan? A, CodedSpan? B, double Overlap)
{
    public bool IsMatched => A is not null && B is not null;
    public int Start => Math.Min(A?.Start ?? int.MaxValue, B?.Start ?? int.MaxValue);
    public int End => Math.Max(A?.End ?? int.MinValue, B?.End ?? int.MinValue);

    /// <summary>
    /// Coder A's and coder B's value on a dimension: the term code, <see cref="Units.NotCoded"/> when the coder
    /// has no segment here, or null (missing) when the coder's segment leaves that dimension blank.
    /// </summary>
    public IReadOnlyList<string?> Values(TermKind dimension) => new[] { Value(A, dimension), Value(B, dimension) };

    /// <summary>
    /// Binary presence of one code: "yes" when the coder's segment carries it, "no" when it carries another code
    /// or the coder has no segment here, and null (missing) when the segment leaves the dimension blank — the
    /// same rule for blanks as <see cref="Values"/>, so a blank never counts as agreement or disagreement.
    /// </summary>
    public IReadOnlyList<string?> Presence(TermKind dimension, string code) => Shared(Present(A, dimension, code), Present(B, dimension, code));

    /// <summary>
    /// Binary presence of one thematic code: "yes" when the coder's segment carries it, "no" when the segment does
    /// not or the coder has no segment here. Unlike a dimension a theme cannot be left blank, so nothing is missing.
    /// </summary>
    public IReadOnlyList<string?> ThemePresence(string code) => Shared(HasTheme(A, code), HasTheme(B, code));

    // A presence pair is one of nine (yes, no or missing, twice): one shared read-only row each, not a new one per unit
    // and code (the agreement tables ask for 100,000 units × every code).
    static readonly string?[] PresenceValues = [Units.Yes, Units.No, null];
    static readonly IReadOnlyList<string?>[] PresenceRows =
        [.. from a in PresenceValues from b in PresenceValues select (IReadOnlyList<string?>)Array.AsReadOnly(new[] { a, b })];

    static IReadOnlyList<string?> Shared(string? a, string? b) => PresenceRows[3 * Index(a) + Index(b)];

    static int Index(string? value) => value switch { Units.Yes => 0, Units.No => 1, _ => 2 };

    static string HasTheme(CodedSpan? side, string code) => side is not null && side.Themes.Contains(code) ? Units.Yes : Units.No;

    static string? Present(CodedSpan? side, TermKind dimension, string code) =>
        side is null ? Units.No : side.Code(dimension) is not { } value ? null : value == code ? Units.Yes : Units.No;

    /// <summary>True when the coders differ: one did not code the passage, some dimension differs, or a theme is on one side only.</summary>
    public bool Disagrees => !IsMatched || Units.Dimensions.Any(d => A!.Code(d) != B!.Code(d)) || ThemesDisagree;

    /// <summary>True when both coded the passage and some thematic code is on one coder's segment only.</summary>
    public bool ThemesDisagree => IsMatched && !A!.Themes.SetEquals(B!.Themes);

    static string? Value(CodedSpan? side, TermKind dimension) => side is null ? Units.NotCoded : side.Code(dimension);
}

/// <summary>
/// Turns two coders' segments on one transcript into units of analysis. Every pair of segments (one from
/// each coder) whose overlap reaches the rule's minimum is a candidate; candidates are taken greedily, best
/// overlap first (ties: earlier start, then lower segment ids), each segment used at most once. Segments left
/// over become units of their own, with the other coder "(not coded)". Units come back in text order.
/// </summary>
public static class Units
{
    public const string NotCoded = "(not coded)";
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>The four coding dimensions, in the order pages and tables show them.</summary>
    public static readonly IReadOnlyList<TermKind> Dimensions =
        [TermKind.LinkageType, TermKind.PartnerLocation, TermKind.PartnerKind, TermKind.Nature];

    public static double Overlap(CodedSpan a, CodedSpan b, OverlapMeasure measure)
    {
        var common = Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start);
        if (common <= 0) return 0;
        var denominator = measure == OverlapMeasure.Jaccard
            ? Math.Max(a.End, b.End) - Math.Min(a.Start, b.Start)
            : Math.Min(a.Length, b.Length);
        return denominator <= 0 ? 0 : (double)common / denominator;
    }

    public static IReadOnlyList<Unit> Match(IEnumerable<CodedSpan> coderA, IEnumerable<CodedSpan> coderB, MatchRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Minimum is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(rule), "The minimum overlap must lie in (0, 1].");
        var a = coderA.ToList();
        var b = coderB.ToList();
        // Every pair that overlaps enough, best first (ties: earlier start, then segment ids). Plain loops: a LINQ
        // query here made an object per pair of spans, 2,304 for two coders with 48 segments each, per transcript.
        var candidates = new List<(CodedSpan x, CodedSpan y, double overlap)>();
        foreach (var x in a)
            foreach (var y in b)
                if (Overlap(x, y, rule.Measure) is var overlap && overlap > 0 && overlap >= rule.Minimum)
                    candidates.Add((x, y, overlap));
        candidates.Sort((p, q) =>
        {
            var c = q.overlap.CompareTo(p.overlap);
            if (c == 0) c = Math.Min(p.x.Start, p.y.Start).CompareTo(Math.Min(q.x.Start, q.y.Start));
            if (c == 0) c = p.x.SegmentId.CompareTo(q.x.SegmentId);
            return c != 0 ? c : p.y.SegmentId.CompareTo(q.y.SegmentId);
        });
        var usedA = new HashSet<CodedSpan>();
        var usedB = new HashSet<CodedSpan>();
        var units = new List<Unit>();
        foreach (var (x, y, overlap) in candidates)
        {
            if (usedA.Contains(x) || usedB.Contains(y)) continue;
            usedA.Add(x);
            usedB.Add(y);
            units.Add(new Unit(x, y, overlap));
        }
        units.AddRange(a.Where(x => !usedA.Contains(x)).Select(x => new Unit(x, null, 0)));
        units.AddRange(b.Where(y => !usedB.Contains(y)).Select(y => new Unit(null, y, 0)));
        return units.OrderBy(u => u.Start).ThenBy(u => u.End).ToList();
    }
}
