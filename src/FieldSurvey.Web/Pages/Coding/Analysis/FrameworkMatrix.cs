using System.Security.Claims;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding.Analysis;

public sealed record FrameworkCell(int TermId, IReadOnlyList<string> Quotes, string? Summary, int? SummaryId, int Version);

public sealed record FrameworkRow(int FirmId, string Park, string FirmZh, string? FirmEn, IReadOnlyList<FrameworkCell> Cells);

/// <summary>
/// The framework matrix: rows are firms (cases) grouped by park, columns the chosen codes; each cell holds the firm's
/// counted passages carrying that code and the analyst's summary. Loaded once for the page, the workbook and the PDF.
/// A firm is a row when it has a counted passage the reader may see or a summary on one of the columns.
/// </summary>
public static class FrameworkMatrix
{
    public static async Task<IReadOnlyList<FrameworkRow>> LoadAsync(FieldSurveyDbContext db, ClaimsPrincipal user, IReadOnlyList<int> columns,
        string? park, CancellationToken ct = default)
    {
        var passages = await AnalysisData.PassagesAsync(db, user, park, ct: ct);
        var summaries = await db.FrameworkSummaries.AsNoTracking().Where(s => columns.Contains(s.TermId))
            .Join(db.Firms, s => s.FirmId, f => f.Id, (s, f) => new { s, Park = f.Park!.Code, f.NameZh, f.NameEn })
            .Where(x => park == null || x.Park == park).ToListAsync(ct);
        // A coder sees summaries only on firms whose passages they may see (the same rule as the matrix itself).
        if (!user.IsPI()) summaries = summaries.Where(x => passages.Any(p => p.Passage.FirmId == x.s.FirmId)).ToList();
        var firms = passages.Select(p => (p.Passage.FirmId, p.Passage.Park, NameZh: p.FirmZh, NameEn: p.FirmEn))
            .Concat(summaries.Select(x => (x.s.FirmId, x.Park, x.NameZh, x.NameEn))).DistinctBy(f => f.FirmId)
            .OrderBy(f => f.Park, StringComparer.Ordinal).ThenBy(f => f.NameZh, StringComparer.Ordinal).ToList();
        var byFirm = passages.ToLookup(p => p.Passage.FirmId);
        var summaryOf = summaries.ToDictionary(x => (x.s.FirmId, x.s.TermId), x => x.s);
        return firms.Select(f => new FrameworkRow(f.FirmId, f.Park, f.NameZh, f.NameEn, columns.Select(c =>
        {
            var s = summaryOf.GetValueOrDefault((f.FirmId, c));
            return new FrameworkCell(c, byFirm[f.FirmId].Where(p => p.Passage.Codes.Contains(c)).Select(p => p.Quote).ToList(), s?.Text, s?.Id, s?.Version ?? 0);
        }).ToList())).ToList();
    }
}
