using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Firms;

public enum FirmStatus
{
    Active = 0,
    /// <summary>Out of the sampling frame (closed, moved, duplicate); kept because calls point at it.</summary>
    Retired = 1,
}

/// <summary>A firm of the sampling frame.</summary>
public sealed class Firm : Entity
{
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }
    public int ParkId { get; set; }
    public Park? Park { get; set; }
    public string? Address { get; set; }
    public string? Subsector { get; set; }
    public int? FoundedYear { get; set; }
    public string? SizeBand { get; set; }
    public string? Website { get; set; }
    public string? Notes { get; set; }
    public FirmStatus Status { get; set; }
    /// <summary>The interviewer whose call list holds this firm.</summary>
    public string? AssignedInterviewerId { get; set; }
    /// <summary>A PI's override of the disposition derived from the call attempts (AAPOR code), with a reason.</summary>
    public string? DispositionOverride { get; set; }
    public string? DispositionOverrideReason { get; set; }
    public List<Contact> Contacts { get; set; } = [];

    /// <summary>
    /// A firm's name as every page and export shows it, the one rule for it: the Chinese name to a Chinese reader,
    /// else the English one where the firm has one (NameZh holds the English name when there is no Chinese one).
    /// </summary>
    public static string NameFor(string nameZh, string? nameEn, bool chinese) =>
        (chinese && !string.IsNullOrWhiteSpace(nameZh)) || string.IsNullOrWhiteSpace(nameEn) ? nameZh : nameEn;
}

/// <summary>
/// A contact person at a firm. Personal data: PIs and interviewers only, never exported by default.
/// A contact without a name is the firm's switchboard (or general mailbox): sampling frames often list only
/// the main number, and that number is what the interviewer dials first.
/// </summary>
public sealed class Contact : Entity
{
    public int FirmId { get; set; }
    /// <summary>The person's name; empty for the switchboard.</summary>
    public required string Name { get; set; }
    public string? Title { get; set; }
    public List<string> Phones { get; set; } = [];
    public string? Email { get; set; }

    public bool IsSwitchboard => string.IsNullOrWhiteSpace(Name);

    /// <summary>A contact may go without a name only when there is a number or an address to reach the firm by.</summary>
    public static bool NeedsName(IReadOnlyCollection<string> phones, string? email) => phones.Count == 0 && string.IsNullOrWhiteSpace(email);
}
