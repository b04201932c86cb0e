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
    /// <summary>
    /// e for AAPOR's RR3, RR4, REF2 and CON2 when the PI sets it (a share, 0 to 1); null = estimate it from the
    /// study's own cases by the proportional default (see Calls.EligibilityEstimate).
    /// </summary>
    public double? EligibilityRate { get; set; }
    /// <summary>The classification rule's thresholds as JSON (see Reporting).</summary>
    public string? ClassificationRuleJson { get; set; }
    /// <summary>Days after an interview's approval when its recordings are deleted (transcripts kept); null = never.</summary>
    public int? RecordingRetentionDays { get; set; }
    /// <summary>The calling hours (Calls.CallingHours) as JSON; null = the default, Monday to Friday 09:00–12:00 and 13:30–17:30.</summary>
    public string? CallingHoursJson { get; set; }
}
