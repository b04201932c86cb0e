using FieldSurvey.Web.Infrastructure;
using System.Globalization;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Agreement;

/// <summary>Two coders of one transcript (A and B ordered by name, so A is stable between visits).</summary>
public sealed record TranscriptPair(int TranscriptId, string Transcript, string CoderAId, string CoderA, string CoderBId, string CoderB);

/// <summary>Reads what the agreement and adjudication pages share: coder pairs, their segments as spans, the codebook.</summary>
public static class AgreementData
{

    /// <summary>
    /// Every pair of coders of each transcript. By default only coders who marked the transcript complete
    /// count, so a half-coded transcript cannot drag agreement down.
    /// </summary>
    public static async Task<List<TranscriptPair>> PairsAsync(this FieldSurveyDbContext db, bool includeUnfinished, int? transcriptId = null)
    {
        var assignments = await (
            from a in db.CodingAssignments
            join u in db.Users on a.CoderId equals u.Id
            join t in db.Transcripts on a.TranscriptId equals t.Id
            join i in db.Interviews on t.InterviewId equals i.Id
            join f in db.Firms on i.FirmId equals f.Id
            where (includeUnfinished || a.CompletedAtUtc != null) && (transcriptId == null || a.TranscriptId == transcriptId)
            select new { a.TranscriptId, a.CoderId, Coder = u.DisplayName != "" ? u.DisplayName : u.Email!, f.NameZh, f.NameEn }).ToListAsync();
        return assignments.GroupBy(a => a.TranscriptId).SelectMany(g =>
        {
            var coders = g.OrderBy(a => a.Coder, StringComparer.Ordinal).ToList();
            var firm = g.First();
            var name = DisplayNames.FirmName(firm.NameZh, firm.NameEn);
            return from x in Enumerable.Range(0, coders.Count) from y in Enumerable.Range(x + 1, coders.Count - x - 1)
                   select new TranscriptPair(g.Key, $"{name} (#{g.Key})", coders[x].CoderId, coders[x].Coder, coders[y].CoderId, coders[y].Coder);
        }).OrderBy(p => p.Transcript, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The coders' own live segments (not consensus, not deleted) of the given transcripts, as spans with term codes
    /// and the codes of their thematic codes.
    /// </summary>
    public static async Task<ILookup<(int TranscriptId, string CoderId), CodedSpan>> SpansAsync(this FieldSurveyDbContext db, IReadOnlyCollection<int> transcriptIds)
    {
        var codes = await db.Terms.Where(t => t.Kind <= TermKind.Nature).ToDictionaryAsync(t => t.Id, t => t.Code);
        string? Code(int? id) => id is { } x ? codes.GetValueOrDefault(x) : null;
        // The columns a span needs, not whole segments: at study size these are 200,000 rows, and quotes and memos
        // are most of each one's bytes.
        var segments = await db.Segments.AsNoTracking()
            .Where(s => transcriptIds.Contains(s.TranscriptId) && !s.IsConsensus && s.CoderId != null && s.DeletedAtUtc == null)
            .Select(s => new { s.Id, s.TranscriptId, s.CoderId, s.Start, s.End, s.LinkageTypeId, s.PartnerLocationId, s.PartnerKindId, s.NatureId })
            .ToListAsync();
        var segmentIds = segments.Select(s => s.Id).ToList();
        var themes = (await (from st in db.SegmentThemes
                             join t in db.Terms on st.TermId equals t.Id
                             where segmentIds.Contains(st.SegmentId)
                             select new { st.SegmentId, t.Code }).ToListAsync())
            .ToLookup(x => x.SegmentId, x => x.Code);
        return segments.ToLookup(s => (s.TranscriptId, s.CoderId!), s => new CodedSpan(s.Id, s.Start, s.End,
            Code(s.LinkageTypeId), Code(s.PartnerLocationId), Code(s.PartnerKindId), Code(s.NatureId))
        {
            // Most segments carry no theme: they keep the span's shared empty set rather than one each.
            Themes = themes.Contains(s.Id) ? themes[s.Id].ToHashSet(StringComparer.Ordinal) : CodedSpan.NoThemes,
        });
    }

    public static async Task<List<CoderPairUnits>> UnitsAsync(this FieldSurveyDbContext db, IReadOnlyList<TranscriptPair> pairs, MatchRule rule)
    {
        var spans = await db.SpansAsync(pairs.Select(p => p.TranscriptId).Distinct().ToList());
        return pairs.Select(p => new CoderPairUnits(p.TranscriptId, p.Transcript, p.CoderA, p.CoderB,
            Units.Match(spans[(p.TranscriptId, p.CoderAId)], spans[(p.TranscriptId, p.CoderBId)], rule))).ToList();
    }

    /// <summary>
    /// The codes of the four coding dimensions, then the thematic codes, in codebook order, named in the reader's
    /// language. Agreement reports a thematic code only where some coder applied it.
    /// </summary>
    public static async Task<List<CodeLabel>> CodebookAsync(this FieldSurveyDbContext db)
    {
        var terms = await db.Terms.AsNoTracking().Where(t => t.Kind <= TermKind.Nature || t.Kind == TermKind.Theme)
            .OrderBy(t => t.Kind).ThenBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync();
        return terms.Select(t => new CodeLabel(t.Kind, t.Code, t.Name(DisplayNames.Chinese))).ToList();
    }
}
