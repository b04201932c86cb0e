using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>A segment as the annotator sends it. <see cref="Id"/> null creates one.</summary>
public sealed record SegmentInput(int? Id, int Version, int Start, int End, string? Quote, int? TypeId, int? LocationId,
    int? KindId, int? NatureId, string? PartnerName, string? Memo);

public sealed record SegmentRef(int Id);

/// <summary>A segment as the annotator receives it; <see cref="Own"/> false means read-only (the other coder's).</summary>
public sealed record SegmentView(int Id, int Version, int Start, int End, string Quote, int? TypeId, int? LocationId,
    int? KindId, int? NatureId, string? PartnerName, string? Memo, string Anchor, bool Own)
{
    public static SegmentView Of(Segment s, string viewerId) => new(s.Id, s.Version, s.Start, s.End, s.Quote, s.LinkageTypeId,
        s.PartnerLocationId, s.PartnerKindId, s.NatureId, s.PartnerName, s.Memo, s.Anchor.ToString(), s.CoderId == viewerId);
}

/// <summary>The checks a segment passes before it is stored: its span against the text, its codes against the codebook.</summary>
public static class SegmentEditing
{
    public static async Task<string?> ProblemAsync(FieldSurveyDbContext db, string text, SegmentInput input)
    {
        if (SegmentRules.CheckSpan(text, input.Start, input.End, input.Quote) is { } span) return span;
        if (input.TypeId is null) return "Choose a linkage type.";
        if (input.PartnerName?.Length > 300) return "The partner name is too long (at most 300 characters).";
        if (input.Memo?.Length > 4000) return "The memo is too long (at most 4000 characters).";
        var wanted = new (int? Id, TermKind Kind)[]
        {
            (input.TypeId, TermKind.LinkageType), (input.LocationId, TermKind.PartnerLocation),
            (input.KindId, TermKind.PartnerKind), (input.NatureId, TermKind.Nature),
        };
        var ids = wanted.Where(w => w.Id is not null).Select(w => w.Id!.Value).ToList();
        var terms = await db.Terms.Active().Where(t => ids.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Kind);
        foreach (var (id, kind) in wanted)
            if (id is { } termId && (!terms.TryGetValue(termId, out var k) || k != kind))
                return "One of the codes is not an active code of its dimension; reload the page for the current codebook.";
        return null;
    }

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
