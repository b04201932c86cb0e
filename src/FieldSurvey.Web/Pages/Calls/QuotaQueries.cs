using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Firms;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>The quota cells with their progress, and which cell (if any) is full for each firm of the active frame.</summary>
public sealed class QuotaState(IReadOnlyList<QuotaProgress> progress, IReadOnlyDictionary<int, (int ParkId, string? Subsector)> firms,
    IReadOnlyDictionary<int, string> parkCodes)
{
    public static readonly QuotaState None = new([], new Dictionary<int, (int, string?)>(), new Dictionary<int, string>());

    public IReadOnlyList<QuotaProgress> Progress => progress;

    public QuotaProgress? FullCellFor(int firmId) =>
        firms.TryGetValue(firmId, out var f) ? Quotas.FullCellFor(progress, f.ParkId, f.Subsector) : null;

    /// <summary>"ZLS" for a park's cell, "ZLS · biopharma" for a subsector's.</summary>
    public string Label(QuotaCell cell) =>
        (parkCodes.GetValueOrDefault(cell.ParkId) ?? "?") + (cell.Subsector is null ? "" : " · " + cell.Subsector);

    /// <summary>The call list step: firms of full cells leave unless a callback is booked (see <see cref="Quotas.Apply"/>).</summary>
    public IReadOnlyList<CallListEntry> Apply(IReadOnlyList<CallListEntry> list)
    {
        if (progress.Count == 0) return list;
        var full = list.Select(e => (e.FirmId, Cell: FullCellFor(e.FirmId))).Where(x => x.Cell is not null)
            .ToDictionary(x => x.FirmId, x => x.Cell!);
        return Quotas.Apply(list, full).Kept;
    }
}

public static class QuotaQueries
{
    /// <summary>
    /// Completes per cell count firms of the active frame whose final disposition (PI overrides included) is 1.1.
    /// A park-scoped person counts only the firms they can see, which are all the firms of their parks' cells.
    /// </summary>
    public static async Task<QuotaState> QuotaStateAsync(this FieldSurveyDbContext db)
    {
        var cells = await db.QuotaTargets.AsNoTracking().OrderBy(q => q.ParkId).ThenBy(q => q.Subsector)
            .Select(q => new QuotaCell(q.Id, q.ParkId, q.Subsector, q.Target)).ToListAsync();
        if (cells.Count == 0) return QuotaState.None;
        var parks = cells.Select(c => c.ParkId).Distinct().ToList();
        var frame = db.Firms.Where(f => f.Status == FirmStatus.Active && parks.Contains(f.ParkId));
        var firms = await frame.Select(f => new { f.Id, f.ParkId, f.Subsector, f.DispositionOverride }).ToListAsync();
        var attempts = await db.AttemptsByFirmAsync(frame.Select(f => f.Id));
        var quotaFirms = firms.Select(f => new QuotaFirm(f.Id, f.ParkId, f.Subsector,
            FinalDisposition.Derive(attempts.GetValueOrDefault(f.Id) ?? [], f.DispositionOverride).Class == RateClass.Complete)).ToList();
        var codes = await db.Parks.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code);
        return new QuotaState(Quotas.Progress(cells, quotaFirms), firms.ToDictionary(f => f.Id, f => (f.ParkId, f.Subsector)), codes);
    }
}
