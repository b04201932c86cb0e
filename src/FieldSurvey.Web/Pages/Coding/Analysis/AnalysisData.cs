using System.Security.Claims;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding.Analysis;

/// <summary>A counted passage with what the analysis pages and exports print beside it.</summary>
public sealed record AnalysedPassage(CodedPassage Passage, string Quote, string FirmZh, string? FirmEn);

/// <summary>A code a co-occurrence or framework column can be: a linkage type or a thematic code.</summary>
public sealed record AnalysisCode(int Id, TermKind Kind, string Code, string NameEn, string NameZh, int Depth)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>
/// The passages behind co-occurrence and the framework matrix, loaded once for the pages, the workbook and the PDF.
/// Which segments count is the reports' <see cref="CountingRule"/> (consensus where decided, else the counting coder), so a
/// double-coded transcript counts once; a coder sees only the segments the annotator would show them
/// (<see cref="CodingQueries.VisibleTo"/>), and park scope comes from the query filters on segments and firms.
/// </summary>
public static class AnalysisData
{
    public static async Task<IReadOnlyList<AnalysedPassage>> PassagesAsync(FieldSurveyDbContext db, ClaimsPrincipal user,
        string? park = null, int? transcriptId = null, CancellationToken ct = default)
    {
        var transcripts = db.Transcripts.AsNoTracking().Where(t => transcriptId == null || t.Id == transcriptId)
            .Join(db.Interviews, t => t.InterviewId, i => i.Id, (t, i) => new { t.Id, i.FirmId })
            .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new { x.Id, x.FirmId, Park = f.Park!.Code, f.NameZh, f.NameEn })
            .Where(x => park == null || x.Park == park);
        var rows = await transcripts.ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var segments = await db.Segments.AsNoTracking().Where(s => ids.Contains(s.TranscriptId) && s.DeletedAtUtc == null).VisibleTo(db, user)
            .Select(s => new { s.Id, s.TranscriptId, s.CoderId, s.IsConsensus, s.Start, s.End, s.Quote, s.LinkageTypeId }).ToListAsync(ct);
        var segmentIds = segments.Select(s => s.Id).ToList();
        var themes = (await db.SegmentThemes.AsNoTracking().Where(x => segmentIds.Contains(x.SegmentId)).Select(x => new { x.SegmentId, x.TermId })
            .ToListAsync(ct)).ToLookup(x => x.SegmentId, x => x.TermId);
        var assignments = (await db.CodingAssignments.AsNoTracking().Where(a => ids.Contains(a.TranscriptId))
            .OrderBy(a => a.AssignedAtUtc).ThenBy(a => a.Id).Select(a => new { a.TranscriptId, a.CoderId }).ToListAsync(ct))
            .ToLookup(a => a.TranscriptId, a => a.CoderId);
        var decisions = (await db.AdjudicationDecisions.AsNoTracking().Where(d => ids.Contains(d.TranscriptId))
            .Select(d => new { d.TranscriptId, d.SegmentAId, d.SegmentBId, d.Kind, d.ConsensusSegmentId }).ToListAsync(ct))
            .ToLookup(d => d.TranscriptId, d => new UnitDecisionRef(d.SegmentAId, d.SegmentBId, d.Kind == Core.Agreement.DecisionKind.Reject, d.ConsensusSegmentId));
        var byTranscript = segments.ToLookup(s => s.TranscriptId);
        var result = new List<AnalysedPassage>();
        foreach (var t in rows.OrderBy(r => r.Id))
        {
            var own = byTranscript[t.Id].ToList();
            var counted = CountingRule.Count(own.Select(s => new CodedSegmentRef(s.Id, s.CoderId, s.IsConsensus)).ToList(),
                assignments[t.Id].ToList(), decisions[t.Id].ToList()).Counted.Select(c => c.Id).ToHashSet();
            foreach (var s in own.Where(s => counted.Contains(s.Id)).OrderBy(s => s.Start))
            {
                var codes = (s.LinkageTypeId is { } type ? [type] : Array.Empty<int>()).Concat(themes[s.Id]).Distinct().ToList();
                result.Add(new AnalysedPassage(new CodedPassage(s.Id, t.Id, s.CoderId, t.FirmId, t.Park, s.Start, s.End, codes), s.Quote, t.NameZh, t.NameEn));
            }
        }
        return result;
    }

    /// <summary>Linkage types, then thematic codes in tree order (retired ones too: old passages still carry them).</summary>
    public static async Task<IReadOnlyList<AnalysisCode>> CodesAsync(FieldSurveyDbContext db, CancellationToken ct = default)
    {
        var types = await db.Terms.AsNoTracking().Where(t => t.Kind == TermKind.LinkageType && t.MergedIntoId == null).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var themes = await db.Terms.AsNoTracking().Where(t => t.Kind == TermKind.Theme && t.MergedIntoId == null).ToListAsync(ct);
        var byId = themes.ToDictionary(t => t.Id);
        var tree = Themes.Walk(themes.Select(t => new ThemeNode(t.Id, t.ParentId, t.Code, t.NameEn, t.RetiredAt == null, t.SortOrder)).ToList());
        return types.Select(t => new AnalysisCode(t.Id, t.Kind, t.Code, t.NameEn, t.NameZh, 0))
            .Concat(tree.Select(p => byId[p.Node.Id]).Zip(tree, (t, p) => new AnalysisCode(t.Id, t.Kind, t.Code, t.NameEn, t.NameZh, p.Depth)))
            .ToList();
    }
}
