namespace FieldSurvey.Core.Calls;

/// <summary>A firm on an interviewer's list with its attempts so far.</summary>
public sealed record CallListFirm(int FirmId, IReadOnlyList<AttemptOutcome> Attempts, string? DispositionOverride = null);

/// <summary>Why a firm is where it is on the list. The order of the values is the order of the list.</summary>
public enum CallListReason
{
    /// <summary>A booked callback whose time has come.</summary>
    CallbackDue = 0,
    /// <summary>Never called.</summary>
    Fresh = 1,
    /// <summary>Called without result; the retry gap has passed.</summary>
    RetryDue = 2,
    /// <summary>A booked callback later on.</summary>
    CallbackLater = 3,
    /// <summary>Called without result; waiting for the retry gap.</summary>
    RetryLater = 4,
}

public sealed record CallListEntry(int FirmId, CallListReason Reason, DateTimeOffset? DueAtUtc, int Attempts, Disposition Current);

/// <summary>
/// The call list: what to dial next. Booked callbacks that are due come first (an appointment is a promise
/// to the respondent), then firms never called, then retries whose gap has passed; below them, what is
/// not due yet (later callbacks, then waiting retries), so the interviewer sees the whole day.
/// Within a group: earliest due first; fresh firms in the order given (the caller sorts them by name).
/// A firm leaves the list when its disposition is final (interview, refusal, not eligible) or when it has
/// had <c>maxAttempts</c> attempts. Only the latest attempt's callback counts: a later call replaces it.
/// </summary>
public static class CallList
{
    public static IReadOnlyList<CallListEntry> Build(IEnumerable<CallListFirm> firms, int retryGapHours, int maxAttempts, DateTimeOffset nowUtc)
    {
        var entries = new List<(CallListEntry Entry, int Index)>();
        var index = 0;
        foreach (var firm in firms)
        {
            index++;
            var current = FinalDisposition.Derive(firm.Attempts, firm.DispositionOverride);
            if (current.Final || firm.Attempts.Count >= maxAttempts) continue;
            if (firm.Attempts.Count == 0)
            {
                entries.Add((new CallListEntry(firm.FirmId, CallListReason.Fresh, null, 0, current), index));
                continue;
            }
            // Stable sort: of two attempts logged in the same minute, the one given later is the latest.
            var last = firm.Attempts.OrderBy(a => a.AtUtc).Last();
            var due = last.CallbackAtUtc ?? last.AtUtc.AddHours(retryGapHours);
            var reason = (last.CallbackAtUtc is not null, due <= nowUtc) switch
            {
                (true, true) => CallListReason.CallbackDue,
                (true, false) => CallListReason.CallbackLater,
                (false, true) => CallListReason.RetryDue,
                (false, false) => CallListReason.RetryLater,
            };
            var entry = new CallListEntry(firm.FirmId, reason, due, firm.Attempts.Count, current);
            entries.Add((entry, index));
        }
        return entries
            .OrderBy(e => e.Entry.Reason)
            .ThenBy(e => e.Entry.DueAtUtc ?? DateTimeOffset.MinValue)
            .ThenBy(e => e.Index)
            .Select(e => e.Entry)
            .ToList();
    }
}
