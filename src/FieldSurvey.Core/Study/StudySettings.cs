namespace FieldSurvey.Core.Study;

/// <summary>The study's own settings (one row). Features add their settings here.</summary>
public sealed class StudySettings : Entity
{
    public string TitleEn { get; set; } = "Beijing biomedical clusters";
    public string TitleZh { get; set; } = "北京生物医药集群";
    /// <summary>Hours between no-answer retries on the call list.</summary>
    public int RetryGapHours { get; set; } = 4;
    /// <summary>Call attempts after which a firm without contact leaves the call list.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The classification rule's thresholds as JSON (see Reporting).</summary>
    public string? ClassificationRuleJson { get; set; }
}
