namespace FieldSurvey.Core.Reporting;

/// <summary>One cell: how many mentions, and how many distinct focal firms made them.</summary>
public readonly record struct Count(int Mentions, int Firms);

/// <summary>
/// Focal park (rows) × partner location (columns) for one linkage type, or all types when
/// <see cref="LinkageType"/> is null. Row shares are mentions in the cell ÷ mentions in the row
/// (NaN for an empty row).
/// </summary>
public sealed record MatrixTable(string? LinkageType, IReadOnlyList<string> Parks, IReadOnlyList<string> Locations,
    Count[,] Cells, IReadOnlyList<Count> RowTotals, Count Total)
{
    public Count Cell(string park, string location) => Cells[Index(Parks, park), Index(Locations, location)];
    public double RowShare(int row, int column) =>
        RowTotals[row].Mentions == 0 ? double.NaN : (double)Cells[row, column].Mentions / RowTotals[row].Mentions;

    static int Index(IReadOnlyList<string> list, string code)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == code) return i;
        throw new ArgumentException($"Unknown code {code}.");
    }
}

public static class LinkageMatrix
{
    // Distinct firms are counted beside mentions because one talkative respondent must not look like a
    // dense network. Mentions from firms outside the listed parks, or to locations not listed, are left out.
    public static MatrixTable Build(IReadOnlyList<Mention> mentions, IReadOnlyList<string> parks,
        IReadOnlyList<string> locations, string? linkageType = null)
    {
        var types = mentions.Select(m => m.LinkageType).Distinct().ToList();
        var (total, byType) = BuildAll(new MentionIndex(mentions, parks, locations, types));
        return linkageType is null ? total
            : types.IndexOf(linkageType) is var i and >= 0 ? byType[i] with { LinkageType = linkageType }
            : Empty(parks, locations, linkageType);
    }

    static MatrixTable Empty(IReadOnlyList<string> parks, IReadOnlyList<string> locations, string? type) =>
        new(type, parks, locations, new Count[parks.Count, locations.Count], parks.Select(_ => new Count(0, 0)).ToList(), new Count(0, 0));

    /// <summary>The total matrix and one per linkage type of <paramref name="index"/>, in one pass.</summary>
    public static (MatrixTable Total, IReadOnlyList<MatrixTable> ByType) BuildAll(MentionIndex index)
    {
        int p = index.Parks.Count, l = index.Locations.Count, t = index.Types.Count, f = Math.Max(index.FirmCount, 1);
        // Slot layout per matrix (t types, then the total at t): cells p×l, then row totals p, then the grand total 1.
        var slots = p * l + p + 1;
        var mentions = new int[(t + 1) * slots];
        var firms = new int[(t + 1) * slots];
        var seen = new bool[(t + 1) * slots * f];
        void Add(int slot, int firm)
        {
            mentions[slot]++;
            if (!seen[slot * f + firm]) { seen[slot * f + firm] = true; firms[slot]++; }
        }
        for (var i = 0; i < index.Count; i++)
        {
            int r = index.Focal[i], c = index.Location[i], ty = index.Type[i], firm = index.Firm[i];
            if (r < 0 || c < 0) continue;
            foreach (var m in ty < 0 ? [t] : (ReadOnlySpan<int>)[ty, t])
            {
                var b = m * slots;
                Add(b + r * l + c, firm);
                Add(b + p * l + r, firm);
                Add(b + p * l + p, firm);
            }
        }
        MatrixTable Make(int m, string? type)
        {
            var b = m * slots;
            var cells = new Count[p, l];
            for (var r = 0; r < p; r++)
                for (var c = 0; c < l; c++) cells[r, c] = new Count(mentions[b + r * l + c], firms[b + r * l + c]);
            var rows = Enumerable.Range(0, p).Select(r => new Count(mentions[b + p * l + r], firms[b + p * l + r])).ToList();
            return new MatrixTable(type, index.Parks, index.Locations, cells, rows, new Count(mentions[b + p * l + p], firms[b + p * l + p]));
        }
        return (Make(t, null), Enumerable.Range(0, t).Select(m => Make(m, index.Types[m])).ToList());
    }
}
