namespace FieldSurvey.Core.Calls;

/// <summary>
/// A firm, or a telephone number, that must not be called again (e.g. after "never call us again"). A number is
/// stored in its normalised form (<see cref="Firms.Phones.Normalize"/>) so that it matches the same line
/// written differently in another firm's record. Removed (by a PI, with a reason), never deleted: the audit
/// trail and the entry keep who decided what.
/// </summary>
public sealed class DoNotCall : Entity
{
    public int? FirmId { get; set; }
    /// <summary>The normalised number; null when the whole firm is marked.</summary>
    public string? Number { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset AtUtc { get; set; }
    public required string ById { get; set; }
    public DateTimeOffset? RemovedAtUtc { get; set; }
    public string? RemovedById { get; set; }
    public string? RemovalReason { get; set; }
}

/// <summary>
/// The active do-not-call entries as the rules read them: firms marked as a whole and normalised numbers. A number
/// matches whatever firm it is written in and however it is written ("+86 10 8070 1001" is "010-80701001").
/// </summary>
public sealed class DoNotCallList(IEnumerable<int> firmIds, IEnumerable<string> numbers)
{
    public static readonly DoNotCallList None = new([], []);

    readonly HashSet<int> firms = [.. firmIds];
    readonly HashSet<string> numbers = [.. numbers.Where(n => n.Length > 0)];

    public bool FirmBarred(int firmId) => firms.Contains(firmId);

    public bool NumberBarred(string? number) => Firms.Phones.Normalize(number) is { Length: > 0 } n && numbers.Contains(n);

    /// <summary>
    /// A firm can be called unless it is marked, or it has numbers and every one of them is marked (a firm with no
    /// number on file stays: the interviewer may find one).
    /// </summary>
    public bool Callable(int firmId, IReadOnlyCollection<string> firmNumbers) =>
        !FirmBarred(firmId) && (firmNumbers.Count == 0 || firmNumbers.Any(n => !NumberBarred(n)));

    /// <summary>The call list step: firms that cannot be called leave it, callbacks booked with them included.</summary>
    public IReadOnlyList<CallListEntry> Apply(IReadOnlyList<CallListEntry> list, IReadOnlyDictionary<int, List<string>> numbersByFirm) =>
        list.Where(e => Callable(e.FirmId, numbersByFirm.GetValueOrDefault(e.FirmId) ?? [])).ToList();
}

/// <summary>What marking, removing and calling must satisfy. Codes are English keys of the string table.</summary>
public static class DoNotCallRules
{
    public const string ReasonMissing = "Say why this firm or number must not be called.";
    public const string NumberInvalid = "Enter a valid telephone number.";
    public const string NothingMarked = "Choose the whole firm or enter a number.";
    public const string RemovalReasonMissing = "Say why the do-not-call entry is removed.";
    public const string FirmIsBarred = "This firm is on the do-not-call list: the call cannot be logged.";
    public const string NumberIsBarred = "This number is on the do-not-call list: the call cannot be logged.";
    public const string NoCallableNumber = "Every number of this firm is on the do-not-call list: the call cannot be logged.";

    /// <summary>A new entry: the whole firm (when <paramref name="wholeFirm"/>) or one valid number, with a reason.</summary>
    public static IReadOnlyList<CallProblem> CheckMark(bool wholeFirm, int? firmId, string? number, string? reason)
    {
        var problems = new List<CallProblem>();
        if (wholeFirm && firmId is null) problems.Add(new("Number", NothingMarked));
        if (!wholeFirm)
        {
            if (string.IsNullOrWhiteSpace(number)) problems.Add(new("Number", NothingMarked));
            else if (!Firms.Phones.IsValid(number) || Firms.Phones.Normalize(number).Length == 0) problems.Add(new("Number", NumberInvalid));
        }
        if (string.IsNullOrWhiteSpace(reason)) problems.Add(new("Reason", ReasonMissing));
        return problems;
    }

    public static IReadOnlyList<CallProblem> CheckRemoval(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? [new("RemovalReason", RemovalReasonMissing)] : [];

    /// <summary>
    /// Logging a call: refused for a marked firm, a marked number dialled, or a firm whose numbers are all marked.
    /// Every outcome is refused, "no answer" too: the point is that the number is not dialled at all.
    /// </summary>
    public static IReadOnlyList<CallProblem> CheckCall(DoNotCallList list, int firmId, IReadOnlyCollection<string> firmNumbers, string? dialled)
    {
        if (list.FirmBarred(firmId)) return [new("", FirmIsBarred)];
        if (list.NumberBarred(dialled)) return [new("Number", NumberIsBarred)];
        if (!list.Callable(firmId, firmNumbers)) return [new("", NoCallableNumber)];
        return [];
    }
}
