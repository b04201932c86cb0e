using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>A segment as the annotator sends it. <see cref="Id"/> null creates one.</summary>
public sealed record SegmentInput(int? Id, int Version, int Start, int End, string? Quote, int? TypeId, int? LocationId,
    int? KindId, int? NatureId, string? PartnerName, string? Memo, IReadOnlyList<int>? ThemeIds = null);

public sealed record SegmentRef(int Id);

/// <summary>A segment as the annotator receives it; <see cref="Own"/> false means read-only (the other coder's).</summary>
public sealed record SegmentView(int Id, int Version, int Start, int End, string Quote, int? TypeId, int? LocationId,
    int? KindId, int? NatureId, string? PartnerName, string? Memo, string Anchor, bool Own, IReadOnlyList<int> ThemeIds)
{
    public static SegmentView Of(Segment s, string viewerId, IReadOnlyList<int>? themeIds = null) => new(s.Id, s.Version, s.Start, s.End,
        s.Quote, s.LinkageTypeId, s.PartnerLocationId, s.PartnerKindId, s.NatureId, s.PartnerName, s.Memo, s.Anchor.ToString(),
        s.CoderId == viewerId, themeIds ?? []);
}

/// <summary>The checks a segment passes before it is stored: its span against the text, its codes against the codebook.</summary>
public static class SegmentEditing
{
    public static async Task<string?> ProblemAsync(FieldSurveyDbContext db, string text, SegmentInput input)
    {
        if (SegmentRules.CheckSpan(text, input.Start, input.End, input.Quote) is { } span) return span;
        var themeIds = input.ThemeIds ?? [];
        // A passage may carry thematic codes, linkage dimensions or both, but not nothing.
        if (input.TypeId is null && themeIds.Count == 0) return "Choose a linkage type or a thematic code.";
        if (input.TypeId is null && (input.LocationId ?? input.KindId ?? input.NatureId) is not null)
            return "Choose a linkage type for the partner's location, kind and nature.";
        if (themeIds.Count > MaxThemes) return "Too many thematic codes on one passage (at most 50).";
        if (themeIds.Distinct().Count() != themeIds.Count) return "A thematic code is chosen twice.";
        if (input.PartnerName?.Length > 300) return "The partner name is too long (at most 300 characters).";
        if (input.Memo?.Length > 4000) return "The memo is too long (at most 4000 characters).";
        var wanted = new (int? Id, TermKind Kind)[]
        {
            (input.TypeId, TermKind.LinkageType), (input.LocationId, TermKind.PartnerLocation),
            (input.KindId, TermKind.PartnerKind), (input.NatureId, TermKind.Nature),
        };
        var ids = wanted.Where(w => w.Id is not null).Select(w => w.Id!.Value).Concat(themeIds).ToList();
        var terms = await db.Terms.Active().Where(t => ids.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Kind);
        foreach (var (id, kind) in wanted)
            if (id is { } termId && (!terms.TryGetValue(termId, out var k) || k != kind))
                return "One of the codes is not an active code of its dimension; reload the page for the current codebook.";
        // A forged id, a retired or merged theme, or a linkage code sent as a theme is refused alike.
        if (themeIds.Any(id => !terms.TryGetValue(id, out var k) || k != TermKind.Theme))
            return "One of the thematic codes is not an active thematic code; reload the page for the current codebook.";
        return null;
    }

    const int MaxThemes = 50;

    /// <summary>The active codes of the coding dimensions, and the thematic codes in tree order, as the annotator offers them.</summary>
    public static async Task<(IReadOnlyList<Term> Codes, IReadOnlyList<(Term Term, int Depth)> ThemeTree)> AnnotatorCodebookAsync(FieldSurveyDbContext db)
    {
        var codes = await db.Terms.AsNoTracking().Active().Where(x => Codebook.Dimensions.Contains(x.Kind))
            .OrderBy(x => x.Kind).ThenBy(x => x.SortOrder).ToListAsync();
        var themes = await db.Terms.AsNoTracking().Active().Where(x => x.Kind == TermKind.Theme).ToListAsync();
        var byId = themes.ToDictionary(x => x.Id);
        var tree = Themes.Walk(themes.Select(x => new ThemeNode(x.Id, x.ParentId, x.Code, x.NameEn, true, x.SortOrder)).ToList())
            .Select(p => (byId[p.Node.Id], p.Depth)).ToList();
        return (codes, tree);
    }

    /// <summary>The segment's thematic codes made equal to <paramref name="wanted"/> (the segment must have its id).</summary>
    public static async Task SetThemesAsync(FieldSurveyDbContext db, int segmentId, IReadOnlyList<int> wanted)
    {
        var current = await db.SegmentThemes.Where(x => x.SegmentId == segmentId).ToListAsync();
        db.SegmentThemes.RemoveRange(current.Where(x => !wanted.Contains(x.TermId)));
        AddThemes(db, segmentId, wanted.Where(id => current.All(x => x.TermId != id)));
    }

    /// <summary>Thematic codes added to a segment known to have none of them (a new one needs no read of its current themes).</summary>
    public static void AddThemes(FieldSurveyDbContext db, int segmentId, IEnumerable<int> termIds) =>
        db.SegmentThemes.AddRange(termIds.Select(id => new SegmentTheme { SegmentId = segmentId, TermId = id }));

    /// <summary>Thematic codes per segment, for the JSON the annotator reads.</summary>
    public static async Task<ILookup<int, int>> ThemesOfAsync(FieldSurveyDbContext db, IReadOnlyCollection<int> segmentIds) =>
        (await db.SegmentThemes.AsNoTracking().Where(x => segmentIds.Contains(x.SegmentId)).OrderBy(x => x.Id)
            .Select(x => new { x.SegmentId, x.TermId }).ToListAsync()).ToLookup(x => x.SegmentId, x => x.TermId);

    public static void Apply(Segment segment, SegmentInput input, DateTimeOffset now)
    {
        segment.Start = input.Start;
        segment.End = input.End;
        segment.Quote = input.Quote!;
        segment.Anchor = AnchorState.Anchored;
        segment.LinkageTypeId = input.TypeId;
        segment.PartnerLocationId = input.LocationId;
        segment.PartnerKindId = input.KindId;
        segment.NatureId = input.NatureId;
        segment.PartnerName = string.IsNullOrWhiteSpace(input.PartnerName) ? null : input.PartnerName.Trim();
        segment.Memo = string.IsNullOrWhiteSpace(input.Memo) ? null : input.Memo.Trim();
        segment.UpdatedAtUtc = now;
    }
}

/// <summary>What the shared annotator partial (_Annotator) needs: the text, whether it may be edited, and the codebook.</summary>
public sealed record AnnotatorView(int TranscriptId, string Text, bool CanEdit, IReadOnlyList<Term> Codes, IReadOnlyList<(Term Term, int Depth)> ThemeTree)
{
    /// <summary>Live coding shows the passage memo card; a calibration test does not (its passages are not study passages).</summary>
    public bool PassageMemos { get; init; }
}
