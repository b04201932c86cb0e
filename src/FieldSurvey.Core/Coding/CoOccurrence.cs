namespace FieldSurvey.Core.Coding;

/// <summary>One coded passage as co-occurrence needs it: where it is, who coded it, and its codes (term ids of
/// linkage types and thematic codes alike).</summary>
public sealed record CodedPassage(int SegmentId, int TranscriptId, string? CoderId, int FirmId, string Park, int Start, int End,
    IReadOnlyList<int> Codes);

/// <summary>Passages of one coder that overlap, joined: the unit co-occurrence counts.</summary>
public sealed record Stretch(int TranscriptId, int FirmId, string Park, int Start, int End, IReadOnlyList<int> SegmentIds,
    IReadOnlySet<int> Codes);

/// <summary>
/// One cell: <see cref="Stretches"/> carrying both codes (on the diagonal, the code itself); its share of all stretches;
/// the distinct firms behind it; and the firm share per park averaged over the parks (null when no park has a coded firm).
/// </summary>
public sealed record CoOccurrenceCell(int A, int B, int Stretches, int Firms, double ShareOfStretches, double? FirmShare,
    IReadOnlyDictionary<string, double> FirmShareByPark);

public sealed record CoOccurrenceTable(IReadOnlyList<int> Codes, int StretchCount, IReadOnlyDictionary<string, int> CodedFirmsByPark,
    IReadOnlyList<CoOccurrenceCell> Cells)
{
    public CoOccurrenceCell Cell(int a, int b) => Cells.First(c => (c.A == a && c.B == b) || (c.A == b && c.B == a));
}

/// <summary>
/// Code co-occurrence (MAXQDA's Code Relations Browser, counted by overlap). The rule, printed on the page as
/// <see cref="RuleText"/>: passages of one transcript coded by the same coder (or both consensus) that share at least one
/// character are joined, transitively, into one stretch carrying all their codes; two codes co-occur once in every
/// stretch that carries both. A passage with two codes is the simplest stretch. Counting stretches rather than pairs of
/// passages keeps one long, densely coded answer from counting many times; keeping coders apart keeps a double-coded
/// transcript from pairing one coder's theme with the other's linkage. Normalised two ways: by passages (share of all
/// stretches in the selection) and by firms per park (in each park, the share of its coded firms with such a stretch,
/// then the mean over parks, each park weighing the same), so a park with more or longer interviews does not look denser.
/// </summary>
public static class CoOccurrence
{
    public const string RuleText =
        "Passages of one transcript coded by the same coder that overlap by at least one character are joined into one stretch " +
        "of text carrying all their codes; two codes co-occur once in each stretch that carries both (the diagonal: stretches " +
        "carrying the code). By passages: the share of all stretches in the selection. By firms per park: in each park, the share " +
        "of its firms with coded passages that have such a stretch, averaged over the parks so that each park weighs the same.";

    /// <summary>The stretches, in transcript and text order.</summary>
    public static IReadOnlyList<Stretch> Stretches(IEnumerable<CodedPassage> passages)
    {
        var result = new List<Stretch>();
        foreach (var group in passages.Where(p => p.End > p.Start).GroupBy(p => (p.TranscriptId, p.CoderId))
                     .OrderBy(g => g.Key.TranscriptId).ThenBy(g => g.Key.CoderId, StringComparer.Ordinal))
        {
            List<CodedPassage>? open = null;
            var end = 0;
            foreach (var p in group.OrderBy(p => p.Start).ThenBy(p => p.End).ThenBy(p => p.SegmentId))
            {
                if (open is not null && p.Start < end) { open.Add(p); end = Math.Max(end, p.End); continue; }
                if (open is not null) result.Add(Join(open, end));
                open = [p];
                end = p.End;
            }
            if (open is not null) result.Add(Join(open, end));
        }
        return result;
    }

    static Stretch Join(List<CodedPassage> ps, int end) => new(ps[0].TranscriptId, ps[0].FirmId, ps[0].Park, ps[0].Start, end,
        ps.Select(p => p.SegmentId).ToList(), ps.SelectMany(p => p.Codes).ToHashSet());

    /// <summary>The stretches carrying both <paramref name="a"/> and <paramref name="b"/> (the cell's passages).</summary>
    public static IReadOnlyList<Stretch> With(IEnumerable<Stretch> stretches, int a, int b) =>
        stretches.Where(s => s.Codes.Contains(a) && s.Codes.Contains(b)).ToList();

    /// <summary>The codes × codes table over <paramref name="codes"/> (upper triangle and diagonal, in that order).</summary>
    public static CoOccurrenceTable Build(IEnumerable<CodedPassage> passages, IReadOnlyList<int> codes)
    {
        var list = passages.ToList();
        var stretches = Stretches(list);
        var codedFirms = list.GroupBy(p => p.Park).ToDictionary(g => g.Key, g => g.Select(p => p.FirmId).Distinct().Count(), StringComparer.Ordinal);
        var cells = new List<CoOccurrenceCell>();
        for (var i = 0; i < codes.Count; i++)
            for (var j = i; j < codes.Count; j++)
            {
                var both = With(stretches, codes[i], codes[j]);
                var byPark = codedFirms.ToDictionary(p => p.Key,
                    p => (double)both.Where(s => s.Park == p.Key).Select(s => s.FirmId).Distinct().Count() / p.Value, StringComparer.Ordinal);
                cells.Add(new CoOccurrenceCell(codes[i], codes[j], both.Count, both.Select(s => s.FirmId).Distinct().Count(),
                    stretches.Count == 0 ? 0 : (double)both.Count / stretches.Count, byPark.Count == 0 ? null : byPark.Values.Average(), byPark));
            }
        return new CoOccurrenceTable(codes, stretches.Count, codedFirms, cells);
    }
}
