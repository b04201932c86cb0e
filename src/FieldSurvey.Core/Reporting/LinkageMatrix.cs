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
    public static MatrixTable Build(IEnumerable<Mention> mentions, IReadOnlyList<string> parks,
        IReadOnlyList<string> locations, string? linkageType = null)
    {
        var rowOf = parks.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var colOf = locations.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var mentionCounts = new int[parks.Count, locations.Count];
        var firms = new HashSet<int>[parks.Count, locations.Count];
        var rowFirms = new HashSet<int>[parks.Count];
        var rowMentions = new int[parks.Count];
        var allFirms = new HashSet<int>();
        var total = 0;
        foreach (var m in mentions)
        {
            if (linkageType is not null && m.LinkageType != linkageType) continue;
            if (!rowOf.TryGetValue(m.FocalPark, out var r) || !colOf.TryGetValue(m.PartnerLocation, out var c)) continue;
            mentionCounts[r, c]++;
            (firms[r, c] ??= []).Add(m.FirmId);
            (rowFirms[r] ??= []).Add(m.FirmId);
            rowMentions[r]++;
            allFirms.Add(m.FirmId);
            total++;
        }
        var cells = new Count[parks.Count, locations.Count];
        for (var r = 0; r < parks.Count; r++)
            for (var c = 0; c < locations.Count; c++)
                cells[r, c] = new Count(mentionCounts[r, c], firms[r, c]?.Count ?? 0);
        var rows = Enumerable.Range(0, parks.Count).Select(r => new Count(rowMentions[r], rowFirms[r]?.Count ?? 0)).ToList();
        return new MatrixTable(linkageType, parks, locations, cells, rows, new Count(total, allFirms.Count));
    }
}
