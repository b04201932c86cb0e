using FieldSurvey.Core.Calls;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>One line of an interviewer's call list: Core's entry with what the page shows beside it.</summary>
public sealed record CallListRow(CallListEntry Entry, string NameZh, string? NameEn, string Park, string? Phone);

/// <summary>
/// An interviewer's call list, the retry settings it was built with, how the firms' clock stands with the calling hours,
/// and the quota state that took full cells' fresh firms off it (the page notes the booked callbacks it kept).
/// </summary>
public sealed record LoadedCallList(IReadOnlyList<CallListRow> Rows, int RetryGapHours, int MaxAttempts, CallingTime Hours, QuotaState Quota);
