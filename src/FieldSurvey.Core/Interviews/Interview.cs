namespace FieldSurvey.Core.Interviews;

public enum InterviewStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
    Locked = 4,
}

/// <summary>A published version of the interview guide. Its definition never changes once published.</summary>
public sealed class GuideVersion : Entity
{
    public int Number { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleZh { get; set; }
    /// <summary>The guide (sections, questions, show-if conditions) as JSON.</summary>
    public required string DefinitionJson { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedById { get; set; }
}

/// <summary>One telephone interview: one firm, one guide version, one interviewer, one date.</summary>
public sealed class Interview : Entity
{
    public int FirmId { get; set; }
    public int GuideVersionId { get; set; }
    public required string InterviewerId { get; set; }
    public DateOnly InterviewDate { get; set; }
    public InterviewStatus Status { get; set; }
    public bool ConsentGiven { get; set; }
    public DateTimeOffset? ConsentAtUtc { get; set; }
    /// <summary>Consent to record the call, asked apart from consent to the interview; recordings need Yes.</summary>
    public Recordings.RecordingConsent RecordingConsent { get; set; }
    public DateTimeOffset? RecordingConsentAtUtc { get; set; }
    /// <summary>Who recorded the answer (the interviewer who asked).</summary>
    public string? RecordingConsentById { get; set; }
    /// <summary>Personal data.</summary>
    public string? RespondentName { get; set; }
    public string? RespondentTitle { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
    public DateTimeOffset? SubmittedAtUtc { get; set; }
    public DateTimeOffset? ApprovedAtUtc { get; set; }
    /// <summary>The PI's comment when the interview was last returned to its interviewer.</summary>
    public string? ReviewerComment { get; set; }
    public List<Answer> Answers { get; set; } = [];
    public List<PartnerRow> Partners { get; set; } = [];
}

/// <summary>Why an answer was left blank.</summary>
public enum BlankReason
{
    Refused = 1,
    DontKnow = 2,
    NotApplicable = 3,
}

/// <summary>The answer to one question of the guide; <see cref="Value"/> is text or JSON per question type.</summary>
public sealed class Answer : Entity
{
    public int InterviewId { get; set; }
    public required string QuestionId { get; set; }
    public string? Value { get; set; }
    public BlankReason? BlankReason { get; set; }
    public string? ReviewComment { get; set; }
}

/// <summary>One row of a partner list: structured linkage evidence beside coded passages.</summary>
public sealed class PartnerRow : Entity
{
    public int InterviewId { get; set; }
    public required string QuestionId { get; set; }
    public int RowNumber { get; set; }
    public required string PartnerName { get; set; }
    public int? LinkageTypeId { get; set; }
    public int? PartnerKindId { get; set; }
    public int? PartnerLocationId { get; set; }
    public int? NatureId { get; set; }
    public int? SinceYear { get; set; }
    public string? Activity { get; set; }
}

/// <summary>An interview's transcript, stored normalised (NFC, "\n"); earlier texts live in revisions.</summary>
public sealed class Transcript : Entity
{
    public int InterviewId { get; set; }
    public required string Text { get; set; }
    public int Revision { get; set; } = 1;
    /// <summary>Language of the text as given ("zh", "en", "zh+en").</summary>
    public string? Language { get; set; }
    public DateTimeOffset UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }
    public List<TranscriptRevision> Revisions { get; set; } = [];
}

public sealed class TranscriptRevision : Entity
{
    public int TranscriptId { get; set; }
    public int Revision { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset SavedAtUtc { get; set; }
    public string? SavedById { get; set; }
}
