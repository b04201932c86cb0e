using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.RegularExpressions;

namespace FieldSurvey.Core.Calls;

/// <summary>One calling window of a calling day, in the firms' local time: from (inclusive) to (exclusive).</summary>
public sealed record CallingWindow(TimeOnly From, TimeOnly To);

/// <summary>A day or a run of days (inclusive) when no firm is called, with the name the PI gave it.</summary>
public sealed record Holiday(DateOnly From, DateOnly To, string? Name);

/// <summary>Why a moment is outside the calling hours, or that it is inside. Message codes are in <see cref="CallingHours.Text"/>.</summary>
public enum CallingState
{
    Open,
    /// <summary>A calling day, before its first window.</summary>
    BeforeHours,
    /// <summary>A calling day, between two windows (the lunch break).</summary>
    Break,
    /// <summary>A calling day, after its last window.</summary>
    AfterHours,
    /// <summary>A day of the week no one is called on (the weekend), not made a working day.</summary>
    DayOff,
    /// <summary>A day on the holiday list.</summary>
    Holiday,
}

/// <summary>A moment judged against the calling hours: the state, and when calling opens next (null when open, or never).</summary>
public sealed record CallingTime(DateTime Local, CallingState State, DateTime? NextOpen, Holiday? Holiday = null)
{
    public bool Open => State == CallingState.Open;
}

/// <summary>A problem with calling hours entered by the PI: the field, a message code, and the line it is on (1-based; 0 for the whole field).</summary>
public sealed record CallingHoursProblem(string Field, string Code, int Line = 0, string? Value = null);

/// <summary>
/// The study's calling hours (issue 24), in the firms' local time (Beijing): the days of the week firms are called
/// on, the same windows on each of them (a lunch break is the gap between two windows), a holiday list, and the
/// weekend days worked in the holidays' stead (China's adjusted working days, 调休), which are calling days
/// whatever their day of the week. The default is what Beijing offices keep: Monday to Friday, 09:00–12:00 and
/// 13:30–17:30, and no holidays until the PI enters them.
/// </summary>
public sealed partial record CallingHours(IReadOnlyList<DayOfWeek> Days, IReadOnlyList<CallingWindow> Windows,
    IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> WorkingDays)
{
    public static CallingHours Default { get; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [new(new(9, 0), new(12, 0)), new(new(13, 30), new(17, 30))], [], []);

    /// <summary>The holiday a date falls in, or null.</summary>
    public Holiday? HolidayOn(DateOnly date) => Holidays.FirstOrDefault(h => h.From <= date && date <= h.To);

    /// <summary>A day firms are called on: not a holiday, and either one of the <see cref="Days"/> or a listed working day.</summary>
    public bool IsCallingDay(DateOnly date) =>
        HolidayOn(date) is null && (WorkingDays.Contains(date) || Days.Contains(date.DayOfWeek));

    /// <summary>Judges a local moment (the firm's wall clock).</summary>
    public CallingTime At(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (HolidayOn(date) is { } holiday) return new(local, CallingState.Holiday, NextOpen(local), holiday);
        if (!IsCallingDay(date)) return new(local, CallingState.DayOff, NextOpen(local));
        var windows = Windows.OrderBy(w => w.From).ToList();
        if (windows.Any(w => w.From <= time && time < w.To)) return new(local, CallingState.Open, null);
        var state = windows.Count == 0 || time < windows[0].From ? CallingState.BeforeHours
            : time >= windows[^1].To ? CallingState.AfterHours : CallingState.Break;
        return new(local, state, NextOpen(local));
    }

    /// <summary>Judges a UTC instant at the firms' zone.</summary>
    public CallingTime At(DateTimeOffset utc, TimeZoneInfo firmZone) =>
        At(TimeZoneInfo.ConvertTime(utc, firmZone).DateTime);

    /// <summary>The first local moment at or after <paramref name="local"/> when calling is open, looking a little over a year ahead; null if none.</summary>
    public DateTime? NextOpen(DateTime local)
    {
        var windows = Windows.OrderBy(w => w.From).ToList();
        if (windows.Count == 0) return null;
        var date = DateOnly.FromDateTime(local);
        for (var day = 0; day <= 400; day++, date = date.AddDays(1))
        {
            if (!IsCallingDay(date)) continue;
            foreach (var w in windows)
            {
                var from = date.ToDateTime(w.From);
                var to = date.ToDateTime(w.To);
                if (local < to) return local > from ? local : from;
            }
        }
        return null;
    }

    /// <summary>The message code of a state, for the pages (English text, localised there).</summary>
    public static string Text(CallingState state) => state switch
    {
        CallingState.Open => "Inside calling hours",
        CallingState.BeforeHours => "Before calling hours",
        CallingState.Break => "Lunch break",
        CallingState.AfterHours => "After calling hours",
        CallingState.DayOff => "Not a calling day",
        CallingState.Holiday => "Holiday",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    // ---- storage (StudySettings.CallingHoursJson) ----

    sealed record Stored(DayOfWeek[] Days, string[] Windows, StoredHoliday[] Holidays, string[] WorkingDays);
    sealed record StoredHoliday(string From, string To, string? Name);

    // Chinese holiday names stay readable in the database.
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string ToJson() => JsonSerializer.Serialize(new Stored([.. Days], [.. Windows.Select(Format)],
        [.. Holidays.Select(h => new StoredHoliday(Iso(h.From), Iso(h.To), h.Name))], [.. WorkingDays.Select(Iso)]), Json);

    /// <summary>The stored hours, or the default when nothing (or nothing readable) is stored.</summary>
    public static CallingHours FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Default;
        try
        {
            var s = JsonSerializer.Deserialize<Stored>(json, Json);
            if (s is null) return Default;
            var (windows, problems) = ParseWindows(string.Join(", ", s.Windows));
            if (problems.Count > 0) return Default;
            return new(s.Days, windows,
                [.. s.Holidays.Select(h => new Holiday(DateOnly.ParseExact(h.From, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(h.To, "yyyy-MM-dd", CultureInfo.InvariantCulture), h.Name))],
                [.. s.WorkingDays.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        }
        catch (Exception e) when (e is JsonException or FormatException) { return Default; }
    }

    // ---- the text the PI edits ----

    public static string Format(CallingWindow w) => $"{w.From:HH\\:mm}–{w.To:HH\\:mm}";
    public string WindowsText => string.Join(", ", Windows.Select(Format));
    public string HolidaysText => string.Join("\n", Holidays.Select(h =>
        (h.From == h.To ? Iso(h.From) : $"{Iso(h.From)}..{Iso(h.To)}") + (string.IsNullOrEmpty(h.Name) ? "" : " " + h.Name)));
    public string WorkingDaysText => string.Join("\n", WorkingDays.Select(Iso));
    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the PI's calling hours: the days ticked, the windows ("09:00-12:00, 13:30-17:30"), the holidays (one per
    /// line: a date or a run "2027-02-05..2027-02-11", then an optional name) and the working days (one date per line).
    /// Every problem is returned with its field and line, and nothing is returned unless there are none.
    /// </summary>
    public static (CallingHours? Hours, IReadOnlyList<CallingHoursProblem> Problems) Parse(
        IEnumerable<DayOfWeek> days, string? windowsText, string? holidaysText, string? workingDaysText)
    {
        var problems = new List<CallingHoursProblem>();
        var dayList = days.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        var (windows, windowProblems) = ParseWindows(windowsText ?? "");
        problems.AddRange(windowProblems);
        var holidays = new List<Holiday>();
        foreach (var (line, n) in Lines(holidaysText))
        {
            var m = HolidayLine().Match(line);
            if (!m.Success || !TryDate(m.Groups[1].Value, out var from) || (m.Groups[2].Success && !TryDate(m.Groups[2].Value, out _)))
            {
                problems.Add(new("Holidays", "Write a date as 2027-01-01, or a run of days as 2027-02-05..2027-02-11, then a name if you like.", n, line));
                continue;
            }
            var to = from;
            if (m.Groups[2].Success) TryDate(m.Groups[2].Value, out to);
            if (to < from) { problems.Add(new("Holidays", "The last day of a holiday comes before its first.", n, line)); continue; }
            if (to.DayNumber - from.DayNumber > 60) { problems.Add(new("Holidays", "A holiday can be at most 60 days long.", n, line)); continue; }
            var name = m.Groups[3].Value.Trim();
            holidays.Add(new(from, to, name.Length == 0 ? null : name));
        }
        var working = new List<DateOnly>();
        foreach (var (line, n) in Lines(workingDaysText))
        {
            var m = WorkingLine().Match(line);
            if (!m.Success || !TryDate(m.Groups[1].Value, out var date))
            {
                problems.Add(new("WorkingDays", "Write one date per line, as 2027-02-14.", n, line));
                continue;
            }
            if (holidays.Any(h => h.From <= date && date <= h.To))
                problems.Add(new("WorkingDays", "This day is also on the holiday list.", n, line));
            else if (!working.Contains(date)) working.Add(date);
        }
        if (dayList.Count == 0 && working.Count == 0)
            problems.Add(new("Days", "Tick at least one day of the week firms are called on."));
        if (problems.Count > 0) return (null, problems);
        return (new CallingHours(dayList, windows, [.. holidays.OrderBy(h => h.From)], [.. working.Order()]), []);
    }

    static (IReadOnlyList<CallingWindow>, IReadOnlyList<CallingHoursProblem>) ParseWindows(string text)
    {
        var problems = new List<CallingHoursProblem>();
        var windows = new List<CallingWindow>();
        var parts = text.Split([',', ';', '，', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var n = 0;
        foreach (var part in parts)
        {
            n++;
            var m = WindowPart().Match(part);
            if (!m.Success || !TryTime(m.Groups[1].Value, out var from) || !TryTime(m.Groups[2].Value, out var to))
            {
                problems.Add(new("Windows", "Write each window as 09:00-12:00, windows separated by commas.", n, part));
                continue;
            }
            if (to <= from) { problems.Add(new("Windows", "A window must end after it starts.", n, part)); continue; }
            windows.Add(new(from, to));
        }
        if (parts.Length == 0) problems.Add(new("Windows", "Enter at least one calling window, such as 09:00-12:00."));
        var ordered = windows.OrderBy(w => w.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].From < ordered[i - 1].To)
                problems.Add(new("Windows", "Two windows overlap.", 0, $"{Format(ordered[i - 1])}, {Format(ordered[i])}"));
        return (ordered, problems);
    }

    static IEnumerable<(string Line, int Number)> Lines(string? text) =>
        (text ?? "").Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(x => x.Item1.Length > 0);

    static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    static bool TryTime(string s, out TimeOnly time)
    {
        if (s == "24:00") { time = TimeOnly.MaxValue; return true; }
        return TimeOnly.TryParseExact(s, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|~|～|至|to)\s*(\d{4}-\d{2}-\d{2}))?(?:\s+(.*))?$")]
    private static partial Regex HolidayLine();
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:\s+.*)?$")]
    private static partial Regex WorkingLine();
    [GeneratedRegex(@"^(\d{1,2}:\d{2})\s*(?:-|–|—|~|～|至|to)\s*(\d{1,2}:\d{2})$")]
    private static partial Regex WindowPart();
}
