namespace FieldSurvey.Core.Study;

/// <summary>A study park (a planned cluster). Retired, never deleted, once data points at it.</summary>
public sealed class Park : Entity, IOrdered
{
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public int SortOrder { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}
