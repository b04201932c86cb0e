using FieldSurvey.Web.Infrastructure;
using System.Globalization;
using System.Security.Claims;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>What a segment search asks for; every part optional.</summary>
public sealed class SearchFilter
{
    public int? TypeId { get; set; }
    public int? LocationId { get; set; }
    public int? KindId { get; set; }
    public int? NatureId { get; set; }
    public int? ParkId { get; set; }
    public string? CoderId { get; set; }
    public string? Q { get; set; }
}

public sealed record SearchHit(int SegmentId, int TranscriptId, string FirmZh, string? FirmEn, string Park, string Coder,
    string? Type, string? Location, string? Kind, string? Nature, string? PartnerName, string? Memo,
    string Before, string Quote, string After, int Start, int End, TimeSpan? At = null);

/// <summary>A segment a search found, with what orders the results; <see cref="SegmentSearch.HitsAsync"/> fills it in.</summary>
public sealed record SearchMatch(int SegmentId, int TranscriptId, int Start, string FirmZh, string? FirmEn, string Park);

/// <summary>
/// Segment retrieval across transcripts, shared by the search page and its CSV export. Visibility is the
/// annotator's (<see cref="CodingQueries.VisibleTo"/>). Free text matches the quote, memo or partner name as a
/// substring, ignoring case for Latin letters (invariant culture), so partial Chinese words match too; it is
/// applied in memory after the code filters, which keeps it the same on every database engine.
/// </summary>
public static class SegmentSearch
{
    public const int ContextWidth = 40;

    /// <summary>Ids per query when hits are filled in: well under either engine's limit on parameters.</summary>
    const int Chunk = 500;

    /// <summary>Every hit of <paramref name="f"/>, in the page's order (the CSV export).</summary>
    public static async Task<IReadOnlyList<SearchHit>> RunAsync(FieldSurveyDbContext db, ClaimsPrincipal user, SearchFilter f, bool chinese) =>
        await HitsAsync(db, await MatchAsync(db, user, f), chinese);

    /// <summary>
    /// The segments <paramref name="f"/> finds, as light rows in the page's order (park, firm name, offset): no quote,
    /// context or transcript text is read here unless free text is searched, so a page of a large study reads only
    /// its own passages in full (<see cref="HitsAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<SearchMatch>> MatchAsync(FieldSurveyDbContext db, ClaimsPrincipal user, SearchFilter f)
    {
        var query = db.Segments.AsNoTracking().VisibleTo(db, user).Where(s => s.DeletedAtUtc == null);
        if (f.TypeId is { } type) query = query.Where(s => s.LinkageTypeId == type);
        if (f.LocationId is { } location) query = query.Where(s => s.PartnerLocationId == location);
        if (f.KindId is { } kind) query = query.Where(s => s.PartnerKindId == kind);
        if (f.NatureId is { } nature) query = query.Where(s => s.NatureId == nature);
        if (!string.IsNullOrEmpty(f.CoderId)) query = query.Where(s => s.CoderId == f.CoderId);
        var rows = query
            .Join(db.Transcripts, s => s.TranscriptId, x => x.Id, (s, x) => new { s, x.InterviewId })
            .Join(db.Interviews, x => x.InterviewId, i => i.Id, (x, i) => new { x.s, i.FirmId })
            .Join(db.Firms, x => x.FirmId, fm => fm.Id, (x, fm) => new { x.s, fm.NameZh, fm.NameEn, fm.ParkId, Park = fm.Park!.Code })
            .Where(x => f.ParkId == null || x.ParkId == f.ParkId);
        var q = f.Q?.Trim();
        var matches = string.IsNullOrEmpty(q)
            ? await rows.Select(x => new SearchMatch(x.s.Id, x.s.TranscriptId, x.s.Start, x.NameZh, x.NameEn, x.Park)).ToListAsync()
            : (await rows.Select(x => new { Match = new SearchMatch(x.s.Id, x.s.TranscriptId, x.s.Start, x.NameZh, x.NameEn, x.Park), x.s.Quote, x.s.Memo, x.s.PartnerName })
                    .ToListAsync())
                .Where(r => Contains(r.Quote, q) || Contains(r.Memo, q) || Contains(r.PartnerName, q)).Select(r => r.Match).ToList();
        return matches.OrderBy(m => m.Park).ThenBy(m => DisplayNames.FirmName(m.FirmZh, m.FirmEn), DisplayNames.NameComparer)
            .ThenBy(m => m.Start).ThenBy(m => m.SegmentId).ToList();
    }

    /// <summary>The hits of <paramref name="matches"/>, in their order: each passage with its codes, coder, context and time.</summary>
    public static async Task<IReadOnlyList<SearchHit>> HitsAsync(FieldSurveyDbContext db, IReadOnlyList<SearchMatch> matches, bool chinese)
    {
        var names = await db.Terms.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name(chinese));
        string? Name(int? id) => id is { } i && names.TryGetValue(i, out var n) ? n : null;
        var hits = new List<SearchHit>(matches.Count);
        foreach (var chunk in matches.Chunk(Chunk))
        {
            var ids = chunk.Select(m => m.SegmentId).ToList();
            var segments = await db.Segments.AsNoTracking().Where(s => ids.Contains(s.Id))
                .Select(s => new { s, Coder = db.Users.Where(u => u.Id == s.CoderId).Select(u => u.DisplayName).FirstOrDefault() })
                .ToDictionaryAsync(x => x.s.Id);
            var transcriptIds = chunk.Select(m => m.TranscriptId).Distinct().ToList();
            var texts = await db.Transcripts.AsNoTracking().Where(x => transcriptIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Text);
            var turns = texts.ToDictionary(x => x.Key, x => FieldSurvey.Core.Interviews.TranscriptTurns.Parse(x.Value));   // each passage's time in the recording
            foreach (var m in chunk)
            {
                var (s, coder) = (segments[m.SegmentId].s, segments[m.SegmentId].Coder);
                // A segment Lost in a revision no longer sits on its offsets: show its stored quote without context.
                var (before, quote, after) = s.Anchor == AnchorState.Lost ? ("", s.Quote, "")
                    : SegmentRules.InContext(texts[s.TranscriptId], s.Start, s.End, ContextWidth);
                hits.Add(new SearchHit(s.Id, s.TranscriptId, m.FirmZh, m.FirmEn, m.Park, coder ?? "", Name(s.LinkageTypeId),
                    Name(s.PartnerLocationId), Name(s.PartnerKindId), Name(s.NatureId), s.PartnerName, s.Memo, before, quote, after, s.Start, s.End,
                    FieldSurvey.Core.Interviews.TurnTimes.AtOffset(turns[s.TranscriptId], s.Start)));
            }
        }
        return hits;
    }

    static bool Contains(string? text, string q) => text is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, q, CompareOptions.IgnoreCase) >= 0;

    /// <summary>The hits as a table for <see cref="CsvExport"/> (which escapes every text cell and adds the BOM Excel needs).</summary>
    public static ReportTable Table(IReadOnlyList<SearchHit> hits) => new("segments", "Segments",
        [new("segment_id", ColumnKind.Integer), new("transcript_id", ColumnKind.Integer), .. new[] { "firm_zh", "firm_en", "park", "coder",
            "linkage_type", "partner_location", "partner_kind", "nature", "partner_name", "quote", "before", "after", "memo" }.Select(h => new Column(h)),
         new("start", ColumnKind.Integer), new("end", ColumnKind.Integer), new("time")],
        hits.Select(h => new object?[] { h.SegmentId, h.TranscriptId, h.FirmZh, h.FirmEn, h.Park, h.Coder, h.Type, h.Location, h.Kind, h.Nature,
            h.PartnerName, h.Quote, h.Before, h.After, h.Memo, h.Start, h.End,
            // The passage's turn's time in the recording, hh:mm:ss(.fff); empty for an untimed transcript.
            h.At is { } at ? FieldSurvey.Core.Interviews.TurnTimes.Format(at).Trim('[', ']') : "" }));
}
