using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Web.Pages.Agreement;

/// <summary>The adjudication form of one unit: which unit (its segments), which decision it replaces, and the decision.</summary>
public sealed class DecisionInput
{
    public int? SegmentAId { get; set; }
    public int? SegmentBId { get; set; }
    /// <summary>The decision being changed (null for a first decision) and the version the PI saw.</summary>
    public int? DecisionId { get; set; }
    public int Version { get; set; }
    [Required(ErrorMessage = "Choose a decision.")] public DecisionKind Kind { get; set; } = DecisionKind.AcceptA;
    public SpanChoice Span { get; set; }
    public Side TakeLinkageType { get; set; } = Side.A;
    public Side TakePartnerLocation { get; set; } = Side.A;
    public Side TakePartnerKind { get; set; } = Side.A;
    public Side TakeNature { get; set; } = Side.A;
    public ThemeChoice TakeThemes { get; set; } = ThemeChoice.A;
    /// <summary>The thematic codes of a new version (the page keeps only ids of thematic codes).</summary>
    public List<int> ThemeIds { get; set; } = [];
    public int? LinkageTypeId { get; set; }
    public int? PartnerLocationId { get; set; }
    public int? PartnerKindId { get; set; }
    public int? NatureId { get; set; }
    [StringLength(300)] public string? PartnerName { get; set; }
    [StringLength(2000)] public string? Note { get; set; }

    public Decision ToDecision() => new(Kind, Span,
        new Dictionary<TermKind, Side>
        {
            [TermKind.LinkageType] = TakeLinkageType, [TermKind.PartnerLocation] = TakePartnerLocation,
            [TermKind.PartnerKind] = TakePartnerKind, [TermKind.Nature] = TakeNature,
        },
        LinkageTypeId, PartnerLocationId, PartnerKindId, NatureId,
        Kind == DecisionKind.New || !string.IsNullOrWhiteSpace(PartnerName) ? PartnerName : null, Note, TakeThemes, ThemeIds);
}
