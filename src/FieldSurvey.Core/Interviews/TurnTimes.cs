using System.Globalization;
using System.Text.RegularExpressions;

namespace FieldSurvey.Core.Interviews;

/// <summary>
/// The time marker a transcript line may start with: "[hh:mm:ss]", "[mm:ss]", optionally with fractions
/// ("[00:01:05.250]", "[00:01:05,250]" as SRT writes them), and full-width brackets or colons as Chinese input
/// methods type them ("【00：01：05】"). QualCoder and f4/f5transkript write the same inline markers, so a
/// transcript keeps its times in its own text: revisions keep them and coded segments stay anchored.
/// </summary>
public static partial class TurnTimes
{
    [GeneratedRegex(@"^\s*[\[【]\s*(?:(\d{1,2})\s*[:：])?(\d{1,2})\s*[:：]\s*(\d{1,2})(?:[.,](\d{1,3}))?\s*[\]】]\s*")]
    private static partial Regex MarkerPattern();

    /// <summary>The marker at the start of <paramref name="line"/> and its length with the spaces after it; (null, 0) without one.</summary>
    public static (TimeSpan? At, int Length) Leading(string line)
    {
        var m = MarkerPattern().Match(line);
        if (!m.Success || Parse(m) is not { } at) return (null, 0);
        return (at, m.Length);
    }

    /// <summary>True when the line starts with something shaped like a marker that is not a valid time ("[00:75:00]").</summary>
    public static bool LooksLikeBadMarker(string line)
    {
        var m = MarkerPattern().Match(line);
        return m.Success && Parse(m) is null;
    }

    static TimeSpan? Parse(Match m)
    {
        int Part(int group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var (hours, minutes, seconds) = (Part(1), Part(2), Part(3));
        if (minutes > 59 || seconds > 59) return null;
        var fraction = m.Groups[4].Success ? int.Parse(m.Groups[4].Value.PadRight(3, '0'), CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(0, hours, minutes, seconds, fraction);
    }

    /// <summary>"[00:01:05]", or "[00:01:05.250]" when the time has milliseconds.</summary>
    public static string Format(TimeSpan at)
    {
        var whole = $"{(int)at.TotalHours:00}:{at.Minutes:00}:{at.Seconds:00}";
        return at.Milliseconds == 0 ? $"[{whole}]" : $"[{whole}.{at.Milliseconds:000}]";
    }

    /// <summary>
    /// The text with the turn that starts at offset <paramref name="turnStart"/> given the time <paramref name="at"/>
    /// (its marker replaced, or one put before it), or its marker removed when <paramref name="at"/> is null.
    /// </summary>
    public static string SetTime(string text, int turnStart, TimeSpan? at)
    {
        var lineEnd = text.IndexOf('\n', turnStart);
        var line = text[turnStart..(lineEnd < 0 ? text.Length : lineEnd)];
        var (_, length) = Leading(line);
        var marker = at is { } t ? Format(t) + " " : "";
        return string.Concat(text.AsSpan(0, turnStart), marker, text.AsSpan(turnStart + length));
    }

    /// <summary>
    /// Where a passage starting at <paramref name="offset"/> is heard: the time of the turn it is in, or of the
    /// nearest timed turn before it (a turn without a marker follows the one before); null before any time.
    /// </summary>
    public static TimeSpan? AtOffset(IReadOnlyList<Turn> turns, int offset)
    {
        TimeSpan? at = null;
        foreach (var turn in turns)
        {
            if (turn.Start > offset) break;
            at = turn.At ?? at;
        }
        return at;
    }

    /// <summary>"1:05", "1:02:03": a time as players show it.</summary>
    public static string Short(TimeSpan at) => at.TotalHours >= 1 ? at.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : at.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
