namespace FieldSurvey.Core.Calls;

/// <summary>
/// A quota cell: the completes wanted from one park, or from one subsector within a park (a code of the
/// subsector vocabulary). Several cells can cover one firm (the park and its subsector); a firm's case is
/// closed by the first full one, the subsector cell before the park's, as it is the narrower promise.
/// </summary>
public sealed class QuotaTarget : Entity
{
    public int ParkId { get; set; }
    /// <summary>Null: the whole park.</summary>
    public string? Subsector { get; set; }
    public int Target { get; set; }
}

/// <summary>A cell as the rules read it.</summary>
public sealed record QuotaCell(int Id, int ParkId, string? Subsector, int Target)
{
    public bool Covers(int parkId, string? subsector) => ParkId == parkId && (Subsector is null || Subsector == subsector);
}

/// <summary>A firm of the active frame: its park, subsector and whether its final disposition is a complete interview (1.1).</summary>
public sealed record QuotaFirm(int FirmId, int ParkId, string? Subsector, bool Complete);

/// <summary>One cell's progress. A cell is full at its target; a target of 0 is full from the start (the cell is closed).</summary>
public sealed record QuotaProgress(QuotaCell Cell, int Completes)
{
    public bool Full => Completes >= Cell.Target;
    /// <summary>Share of the target reached, at most 1; 1 for a target of 0.</summary>
    public double Share => Cell.Target <= 0 ? 1 : Math.Min(1, (double)Completes / Cell.Target);
    public int Remaining => Math.Max(0, Cell.Target - Completes);
}

public static class Quotas
{
    /// <summary>Completes are firms whose final disposition is a complete interview (1.1): partials do not fill a quota.</summary>
    public static IReadOnlyList<QuotaProgress> Progress(IEnumerable<QuotaCell> cells, IReadOnlyCollection<QuotaFirm> firms) =>
        cells.Select(c => new QuotaProgress(c, firms.Count(f => f.Complete && c.Covers(f.ParkId, f.Subsector)))).ToList();

    /// <summary>The full cell that closes a firm's case (subsector cells first), or null when every covering cell has room.</summary>
    public static QuotaProgress? FullCellFor(IEnumerable<QuotaProgress> progress, int parkId, string? subsector) =>
        progress.Where(p => p.Full && p.Cell.Covers(parkId, subsector))
            .OrderBy(p => p.Cell.Subsector is null ? 1 : 0).ThenBy(p => p.Cell.Id).FirstOrDefault();

    /// <summary>
    /// The call list without the firms of full cells, except those with a booked callback (an appointment is a
    /// promise to the respondent: it stays, and the page notes that its cell is full). Returns the firms kept
    /// despite a full cell beside the list.
    /// </summary>
    public static (IReadOnlyList<CallListEntry> Kept, IReadOnlyDictionary<int, QuotaProgress> FullButBooked) Apply(
        IReadOnlyList<CallListEntry> list, IReadOnlyDictionary<int, QuotaProgress> fullCellByFirm)
    {
        var kept = new List<CallListEntry>();
        var booked = new Dictionary<int, QuotaProgress>();
        foreach (var e in list)
        {
            if (!fullCellByFirm.TryGetValue(e.FirmId, out var cell)) { kept.Add(e); continue; }
            if (e.Reason is not (CallListReason.CallbackDue or CallListReason.CallbackLater)) continue;
            kept.Add(e);
            booked[e.FirmId] = cell;
        }
        return (kept, booked);
    }
}
