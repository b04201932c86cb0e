namespace FieldSurvey.Core.Calls;

/// <summary>A callback booked with a firm: the one the call list keeps (the latest attempt's), and who will make it.</summary>
public sealed record BookedCallback(int FirmId, string InterviewerId, DateTimeOffset AtUtc);

/// <summary>
/// A callback on the calendar, in the firms' local time: whether it clashes with another of the same interviewer's
/// (closer than the clash gap), whether its time has passed without a call, and how it stands with the calling hours.
/// </summary>
public sealed record CalendarEntry(BookedCallback Callback, DateTime Local, bool Clash, bool Overdue, CallingTime Hours);

/// <summary>One interviewer's week: seven days from Monday, each with its callbacks in time order.</summary>
public sealed record CalendarRow(string InterviewerId, IReadOnlyList<IReadOnlyList<CalendarEntry>> Days)
{
    public int Count => Days.Sum(d => d.Count);
    public int Clashes => Days.Sum(d => d.Count(e => e.Clash));
}

/// <summary>A week of booked callbacks, one row per interviewer who has any that week.</summary>
public sealed record CalendarWeek(DateOnly Monday, IReadOnlyList<DateOnly> Dates, IReadOnlyList<bool> CallingDays, IReadOnlyList<CalendarRow> Rows);

/// <summary>
/// The callback calendar (issue 24): a week view of booked callbacks per interviewer, as a field supervisor's
/// appointment book in a CATI system. Two callbacks of one interviewer closer than the clash gap (by default 30
/// minutes, the length of a short interview) are both flagged: one of them must move or go to someone else.
/// Clashes are found across the whole list, so a clash across midnight or the week's edge is still flagged.
/// </summary>
public static class CallbackCalendar
{
    public static readonly TimeSpan DefaultClashGap = TimeSpan.FromMinutes(30);

    /// <summary>The Monday of the week a date falls in.</summary>
    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The callbacks that clash: each one less than <paramref name="gap"/> from another of the same interviewer.</summary>
    public static IReadOnlySet<BookedCallback> Clashes(IEnumerable<BookedCallback> callbacks, TimeSpan gap)
    {
        var clashing = new HashSet<BookedCallback>();
        foreach (var mine in callbacks.GroupBy(c => c.InterviewerId, StringComparer.Ordinal))
        {
            var ordered = mine.OrderBy(c => c.AtUtc).ToList();
            for (var i = 1; i < ordered.Count; i++)
                if (ordered[i].AtUtc - ordered[i - 1].AtUtc < gap)
                {
                    clashing.Add(ordered[i]);
                    clashing.Add(ordered[i - 1]);
                }
        }
        return clashing;
    }

    public static CalendarWeek Build(IReadOnlyCollection<BookedCallback> callbacks, DateOnly anyDayOfWeek, TimeZoneInfo firmZone,
        CallingHours hours, DateTimeOffset nowUtc, TimeSpan? clashGap = null)
    {
        var monday = WeekOf(anyDayOfWeek);
        var dates = Enumerable.Range(0, 7).Select(monday.AddDays).ToList();
        var clashes = Clashes(callbacks, clashGap ?? DefaultClashGap);
        var rows = callbacks
            .Select(c => (Callback: c, Local: TimeZoneInfo.ConvertTime(c.AtUtc, firmZone).DateTime))
            .Where(c => DateOnly.FromDateTime(c.Local) >= monday && DateOnly.FromDateTime(c.Local) < monday.AddDays(7))
            .GroupBy(c => c.Callback.InterviewerId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CalendarRow(g.Key, dates.Select(d => (IReadOnlyList<CalendarEntry>)g
                .Where(c => DateOnly.FromDateTime(c.Local) == d)
                .OrderBy(c => c.Callback.AtUtc).ThenBy(c => c.Callback.FirmId)
                .Select(c => new CalendarEntry(c.Callback, c.Local, clashes.Contains(c.Callback), c.Callback.AtUtc < nowUtc, hours.At(c.Local)))
                .ToList()).ToList()))
            .ToList();
        return new CalendarWeek(monday, dates, dates.Select(hours.IsCallingDay).ToList(), rows);
    }
}
