namespace FieldSurvey.Core.Study;

/// <summary>The controlled vocabularies of a study. The first four are also the coding dimensions.</summary>
public enum TermKind
{
    LinkageType = 1,
    PartnerLocation = 2,
    PartnerKind = 3,
    Nature = 4,
    ValueChainActivity = 5,
    Subsector = 6,
    /// <summary>Thematic codes (reasons for location, policy support, ...): a free hierarchy beside the four linkage dimensions.</summary>
    Theme = 7,
}

/// <summary>How far a partner location lies from the focal firm's park.</summary>
public enum LocationLevel
{
    /// <summary>A study park: within-cluster if it is the focal firm's own, cross-cluster otherwise.</summary>
    Park = 0,
    Metropolitan = 1,
    National = 2,
    International = 3,
}

/// <summary>
/// One entry of a vocabulary (a linkage type, a partner location, ...). Codebook entries carry a
/// definition, inclusion and exclusion notes and an example. Entries in use are retired, or merged
/// into another entry, never deleted, so segments and answers that point at them keep their meaning.
/// </summary>
public sealed class Term : Entity, IOrdered
{
    public TermKind Kind { get; set; }
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public int SortOrder { get; set; }
    public string? DefinitionEn { get; set; }
    public string? DefinitionZh { get; set; }
    public string? Inclusion { get; set; }
    public string? Exclusion { get; set; }
    public string? Example { get; set; }
    /// <summary>Keyboard shortcut in the annotator (one character), where one is set.</summary>
    public string? Shortcut { get; set; }
    /// <summary>Partner locations only: which level of scope the location is.</summary>
    public LocationLevel? Level { get; set; }
    /// <summary>Partner locations at <see cref="LocationLevel.Park"/>: the park it stands for.</summary>
    public int? ParkId { get; set; }
    public Park? Park { get; set; }
    public int? MergedIntoId { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    /// <summary>Thematic codes only: the parent code in the tree (null at the top).</summary>
    public int? ParentId { get; set; }
    public Term? Parent { get; set; }
    /// <summary>Thematic codes only: "#RRGGBB", shown in the annotator and written to REFI-QDA.</summary>
    public string? Color { get; set; }

    public bool IsActive => RetiredAt is null && MergedIntoId is null;
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>Queries of the vocabulary that pages share.</summary>
public static class Terms
{
    /// <summary>The entries forms and coders are still offered: neither retired nor merged (<see cref="Term.IsActive"/> as a query).</summary>
    public static IQueryable<Term> Active(this IQueryable<Term> terms) => terms.Where(t => t.RetiredAt == null && t.MergedIntoId == null);
}
